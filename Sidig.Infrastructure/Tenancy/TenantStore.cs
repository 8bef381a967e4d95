using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Tenancy;

/// <summary>Host → tenant lookup on every request, cached briefly; the platform-level read of the tenant catalog.</summary>
public sealed class TenantStore(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<TenancyOptions> options)
{
    private static string Key(string slug) => "tenant:" + slug;

    public async Task<TenantInfo?> FindAsync(string slug, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(slug), out TenantInfo? cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
        var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new TenantInfo(t.Id, t.Slug, t.DisplayName, t.TimeZoneId, t.Language, t.Status == Domain.Tenancy.TenantStatus.Active))
            .FirstOrDefaultAsync(ct);
        cache.Set(Key(slug), tenant, TimeSpan.FromSeconds(options.Value.CacheSeconds));
        return tenant;
    }

    /// <summary>For background jobs, which carry the tenant id explicitly. Not cached: jobs are rare.</summary>
    public async Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
        var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
        return await db.Tenants.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TenantInfo(t.Id, t.Slug, t.DisplayName, t.TimeZoneId, t.Language, t.Status == Domain.Tenancy.TenantStatus.Active))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Called after a tenant is created, renamed, suspended or reactivated, so every host sees it at once.</summary>
    public void Invalidate(string slug) => cache.Remove(Key(slug));
}
