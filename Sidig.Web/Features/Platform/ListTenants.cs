using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Platform;

/// <summary>One page of the tenant catalog for platform operators. Reads only the catalog, never tenant data.</summary>
public sealed record ListTenants(
    int Page = 0, int PageSize = 25, string? Search = null, TenantStatus? Status = null,
    string? SortBy = null, bool Descending = true);

public sealed record TenantListItem(Guid Id, string Slug, string DisplayName, TenantStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt);

public sealed record TenantPage(IReadOnlyList<TenantListItem> Items, int TotalCount);

public sealed class ListTenantsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<TenantPage>> HandleAsync(ListTenants query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.Platform)) return Result<TenantPage>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);

        var tenants = db.Tenants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLowerInvariant();
            tenants = tenants.Where(t => t.Slug.Contains(text) || t.DisplayName.ToLower().Contains(text));
        }
        if (query.Status is { } status) tenants = tenants.Where(t => t.Status == status);

        var total = await tenants.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var items = await Sort(tenants, query.SortBy, query.Descending)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(t => new TenantListItem(t.Id, t.Slug, t.DisplayName, t.Status, t.CreatedAt, t.SuspendedAt))
            .ToListAsync(ct);
        return Result<TenantPage>.Ok(new TenantPage(items, total));
    }

    private static IQueryable<Tenant> Sort(IQueryable<Tenant> q, string? by, bool descending) => by switch
    {
        nameof(TenantListItem.Slug) => descending ? q.OrderByDescending(t => t.Slug) : q.OrderBy(t => t.Slug),
        nameof(TenantListItem.DisplayName) => descending ? q.OrderByDescending(t => t.DisplayName).ThenBy(t => t.Slug) : q.OrderBy(t => t.DisplayName).ThenBy(t => t.Slug),
        nameof(TenantListItem.Status) => descending ? q.OrderByDescending(t => t.Status).ThenBy(t => t.Slug) : q.OrderBy(t => t.Status).ThenBy(t => t.Slug),
        nameof(TenantListItem.SuspendedAt) => descending ? q.OrderByDescending(t => t.SuspendedAt).ThenBy(t => t.Slug) : q.OrderBy(t => t.SuspendedAt).ThenBy(t => t.Slug),
        _ => descending ? q.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Slug) : q.OrderBy(t => t.CreatedAt).ThenBy(t => t.Slug),
    };
}
