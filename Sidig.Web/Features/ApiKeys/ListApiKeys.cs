using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Integration;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.ApiKeys;

/// <summary>
/// One page of the tenant's API keys, newest first unless sorted. <see cref="SortBy"/> is an <see cref="ApiKeyListItem"/> property name;
/// <see cref="All"/> returns every matching row (export).
/// </summary>
public sealed record ListApiKeys(
    string? Search = null, bool IncludeRevoked = true, int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

/// <summary>What an admin sees of a key: never its secret, only the prefix it starts with.</summary>
public sealed record ApiKeyListItem(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public bool IsActive => RevokedAt is null;
}

public sealed record ApiKeyPage(IReadOnlyList<ApiKeyListItem> Items, int TotalCount);

public sealed class ListApiKeysHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<ApiKeyPage>> HandleAsync(ListApiKeys query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageApiKeys)) return Result<ApiKeyPage>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<ApiKey> keys = db.ApiKeys.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            keys = keys.Where(k => k.Name.ToUpper().Contains(search) || k.Prefix.ToUpper().Contains(search));
        }
        if (!query.IncludeRevoked) keys = keys.Where(k => k.RevokedAt == null);
        var total = await keys.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        IQueryable<ApiKey> sorted = Sort(keys, query.SortBy, query.Descending);
        if (!query.All) sorted = sorted.Skip(Math.Max(query.Page, 0) * size).Take(size);
        var items = await sorted
            .Select(k => new ApiKeyListItem(k.Id, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt, k.RevokedBy))
            .ToListAsync(ct);
        return Result<ApiKeyPage>.Ok(new ApiKeyPage(items, total));
    }

    private static IOrderedQueryable<ApiKey> Sort(IQueryable<ApiKey> keys, string? sortBy, bool descending)
    {
        IOrderedQueryable<ApiKey> sorted = (sortBy, descending) switch
        {
            (nameof(ApiKeyListItem.Name), false) => keys.OrderBy(k => k.Name),
            (nameof(ApiKeyListItem.Name), true) => keys.OrderByDescending(k => k.Name),
            (nameof(ApiKeyListItem.LastUsedAt), false) => keys.OrderBy(k => k.LastUsedAt),
            (nameof(ApiKeyListItem.LastUsedAt), true) => keys.OrderByDescending(k => k.LastUsedAt),
            (nameof(ApiKeyListItem.CreatedAt), false) => keys.OrderBy(k => k.CreatedAt),
            _ => keys.OrderByDescending(k => k.CreatedAt),
        };
        return sorted.ThenBy(k => k.Id);
    }
}
