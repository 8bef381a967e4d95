using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Audit;

namespace Sidig.Web.Features.Home;

/// <summary>The principal admin's home: the tenant's users by role and state, and the latest changes.</summary>
public sealed record GetAdminDashboard(int LatestAudit = 10);

public sealed record RoleCount(string Role, int Count);

/// <param name="Invited">active users who have not chosen a password yet (invitation pending)</param>
public sealed record AdminDashboardData(
    int TotalUsers, int Active, int Inactive, int Invited, IReadOnlyList<RoleCount> UsersByRole, IReadOnlyList<AuditListItem> LatestAudit);

public sealed class GetAdminDashboardHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<AdminDashboardData>> HandleAsync(GetAdminDashboard query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers) || !await permissions.HasAsync(Policies.ViewAudit))
            return Result<AdminDashboardData>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);

        var users = db.Users.AsNoTracking();
        var total = await users.CountAsync(ct);
        var inactive = await users.CountAsync(u => !u.IsActive, ct);
        var invited = await users.CountAsync(u => u.IsActive && u.PasswordHash == null, ct);

        var byRole = await (from ur in db.UserRoles.AsNoTracking()
                            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                            group ur by r.Name into g
                            select new { Role = g.Key, Count = g.Count() }).ToListAsync(ct);
        var roles = Roles.Tenant.Select(role => new RoleCount(role, byRole.FirstOrDefault(x => x.Role == role)?.Count ?? 0)).ToList();

        var latest = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Math.Clamp(query.LatestAudit, 1, 50))
            .ToListAsync(ct);
        return Result<AdminDashboardData>.Ok(new AdminDashboardData(total, total - inactive - invited, inactive, invited, roles,
            latest.Select(AuditItems.From).ToList()));
    }
}
