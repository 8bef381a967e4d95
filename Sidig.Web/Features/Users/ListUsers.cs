using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Users;

/// <summary>
/// One page of the tenant's users. <see cref="SortBy"/> is a <see cref="UserListItem"/> property name;
/// <see cref="PartnerId"/> keeps the users of one partner. <see cref="All"/> returns every matching row (export).
/// </summary>
public sealed record ListUsers(
    string? Search = null, string? Role = null, UserStatus? Status = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, Guid? PartnerId = null, bool All = false);

public sealed record UserListItem(
    Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, UserStatus Status, DateTimeOffset? LastSignInAt, bool IsSelf,
    Guid? PartnerId = null, string? PartnerCode = null, string? PartnerName = null);

public sealed record UserPage(IReadOnlyList<UserListItem> Items, int TotalCount);

public sealed class ListUsersHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, IOptions<DataProtectionTokenProviderOptions> tokens)
{
    public const int MaxPageSize = 100;

    public async Task<Result<UserPage>> HandleAsync(ListUsers query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers)) return Result<UserPage>.Fail("Access.Denied");
        var me = UserClaims.UserId(await permissions.UserAsync());
        var invitedAfter = clock.GetUtcNow() - tokens.Value.TokenLifespan;

        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<AppUser> users = db.Users.AsNoTracking(); // the tenant filter keeps this to the current tenant
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(search) || u.DisplayName.ToUpper().Contains(search));
        }
        if (query.Role is { } role && Roles.Tenant.Contains(role))
        {
            var normalized = role.ToUpperInvariant();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        if (query.Status is { } status) users = users.Where(UserStatuses.Is(status, invitedAfter));
        if (query.PartnerId is { } partnerId) users = users.Where(u => u.PartnerId == partnerId);

        var total = await users.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        IQueryable<AppUser> sorted = Sort(users, query.SortBy, query.Descending);
        if (!query.All) sorted = sorted.Skip(Math.Max(query.Page, 0) * size).Take(size);
        var rows = await sorted
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsActive, u.InvitedAt, u.LastSignInAt, u.PartnerId,
                Partner = db.Partners.Where(p => p.Id == u.PartnerId).Select(p => new { p.Code, p.LegalName }).FirstOrDefault(),
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new UserListItem(r.Id, r.DisplayName, r.Email ?? "",
                r.Roles.OrderBy(x => IndexOf(x)).ToList(), UserStatuses.Of(r.IsActive, r.InvitedAt, invitedAfter), r.LastSignInAt, r.Id == me,
                r.PartnerId, r.Partner?.Code, r.Partner?.LegalName))
            .ToList();
        return Result<UserPage>.Ok(new UserPage(items, total));
    }

    private static int IndexOf(string role) => Roles.All.ToList().IndexOf(role);

    private static IOrderedQueryable<AppUser> Sort(IQueryable<AppUser> users, string? sortBy, bool descending)
    {
        IOrderedQueryable<AppUser> sorted = (sortBy, descending) switch
        {
            (nameof(UserListItem.Email), false) => users.OrderBy(u => u.NormalizedEmail),
            (nameof(UserListItem.Email), true) => users.OrderByDescending(u => u.NormalizedEmail),
            (nameof(UserListItem.LastSignInAt), false) => users.OrderBy(u => u.LastSignInAt),
            (nameof(UserListItem.LastSignInAt), true) => users.OrderByDescending(u => u.LastSignInAt),
            (_, true) => users.OrderByDescending(u => u.DisplayName),
            _ => users.OrderBy(u => u.DisplayName),
        };
        return sorted.ThenBy(u => u.Id); // a stable order, so paging neither skips nor repeats a user
    }
}
