using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Platform;

/// <summary>The platform home: how many tenants there are by status, and the newest ones. Catalog data only.</summary>
public sealed record GetPlatformStats(int Newest = 5);

public sealed record PlatformStats(int Total, int Active, int Suspended, IReadOnlyList<TenantListItem> Newest);

public sealed class GetPlatformStatsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<PlatformStats>> HandleAsync(GetPlatformStats query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.Platform)) return Result<PlatformStats>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var byStatus = await db.Tenants.AsNoTracking()
            .GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var newest = await db.Tenants.AsNoTracking()
            .OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Slug)
            .Take(Math.Clamp(query.Newest, 1, 20))
            .Select(t => new TenantListItem(t.Id, t.Slug, t.DisplayName, t.Status, t.CreatedAt, t.SuspendedAt))
            .ToListAsync(ct);
        int Count(TenantStatus s) => byStatus.FirstOrDefault(x => x.Status == s)?.Count ?? 0;
        return Result<PlatformStats>.Ok(new PlatformStats(byStatus.Sum(x => x.Count), Count(TenantStatus.Active), Count(TenantStatus.Suspended), newest));
    }
}
