using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Audit;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Home;

/// <summary>Any tenant user's home: their own account and their own latest activity — never anyone else's.</summary>
public sealed record GetMyDashboard(int LatestActivity = 10);

public sealed record MyAccount(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

public sealed record MyDashboardData(MyAccount Account, IReadOnlyList<AuditListItem> Activity);

public sealed class GetMyDashboardHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<MyDashboardData>> HandleAsync(GetMyDashboard query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.TenantUser)) return Result<MyDashboardData>.Fail("Access.Denied");
        if (UserClaims.UserId(await permissions.UserAsync()) is not { } me) return Result<MyDashboardData>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);

        var account = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.CreatedAt, u.LastSignInAt })
            .FirstOrDefaultAsync(ct);
        if (account is null) return Result<MyDashboardData>.Fail("Access.Denied");
        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ur.UserId == me
                           select r.Name).ToListAsync(ct);
        var activity = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == me)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(query.LatestActivity, 1, 50))
            .ToListAsync(ct);

        return Result<MyDashboardData>.Ok(new MyDashboardData(
            new MyAccount(account.Id, account.DisplayName, account.Email ?? "",
                Roles.Tenant.Where(roles.Contains).ToList(), account.CreatedAt, account.LastSignInAt),
            activity.Select(AuditItems.From).ToList()));
    }
}
