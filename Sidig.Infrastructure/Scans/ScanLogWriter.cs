using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Scans;

/// <summary>
/// Drains <see cref="ScanLog"/> in batches: one insert round trip per tenant in the batch, then the "many places" check
/// for the batch's units. A failed batch is logged and lost (best effort); the writer goes on, the app never stops for it.
/// </summary>
public sealed class ScanLogWriter(ScanLog log, IServiceScopeFactory scopes, IOptions<ScanLogOptions> options, TimeProvider clock,
    ILogger<ScanLogWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await log.Reader.WaitToReadAsync(stoppingToken))
                await WriteBatchAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Shutting down: write what is queued rather than lose it.
        while (await WriteBatchAsync(CancellationToken.None) > 0) { }
    }

    /// <summary>Writes up to <see cref="ScanLogOptions.BatchSize"/> queued scans; returns how many it took from the queue.</summary>
    public async Task<int> WriteBatchAsync(CancellationToken ct)
    {
        var size = options.Value.BatchSize;
        var batch = new List<ScanRecord>(Math.Min(size, 1024));
        while (batch.Count < size && log.Reader.TryRead(out var scan)) batch.Add(scan);
        if (batch.Count == 0) return 0;
        if (log.TakeDropped() is var dropped and > 0)
            logger.LogWarning("Scan log queue was full: {Dropped} scans dropped", dropped);
        try
        {
            foreach (var tenant in batch.GroupBy(s => s.Tenant.Id))
            {
                var scans = tenant.ToList();
                try
                {
                    await WriteTenantAsync(scans[0].Tenant, scans, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(e, "Could not write {Count} scans of tenant {Tenant}; they are lost", scans.Count, scans[0].Tenant.Slug);
                }
            }
        }
        finally
        {
            log.Finished(batch.Count);
        }
        return batch.Count;
    }

    private async Task WriteTenantAsync(TenantInfo tenant, List<ScanRecord> scans, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct); // one connection (and one tenant setting) for the inserts and the check
        db.UnitScans.AddRange(scans.Select(s => new UnitScan(tenant.Id, s.UnitId, s.At, s.Place)));
        await db.SaveChangesAsync(ct);
        await FlagManyPlacesAsync(db, scans.Select(s => s.UnitId).Distinct().ToList(), ct);
    }

    /// <summary>Flags the units seen from too many places within the window, unless already flagged within it.</summary>
    private async Task FlagManyPlacesAsync(SidigDbContext db, List<Guid> unitIds, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var since = now - o.Window;
        var crowded = await db.UnitScans.Where(s => unitIds.Contains(s.UnitId) && s.At > since)
            .GroupBy(s => s.UnitId)
            .Select(g => new { UnitId = g.Key, Places = g.Select(s => s.Place).Distinct().Count() })
            .Where(x => x.Places >= o.Places)
            .ToListAsync(ct);
        if (crowded.Count == 0) return;
        var ids = crowded.Select(c => c.UnitId).ToList();
        var recent = (await db.UnitAnomalies.Where(a => ids.Contains(a.UnitId) && a.Kind == UnitAnomalyKind.ManyPlaces && a.FlaggedAt > since)
                .Select(a => new { a.UnitId, a.FlaggedAt }).ToListAsync(ct))
            .GroupBy(a => a.UnitId).ToDictionary(g => g.Key, g => g.Max(a => a.FlaggedAt));
        foreach (var c in crowded)
        {
            DateTimeOffset? last = recent.TryGetValue(c.UnitId, out var at) ? at : null;
            if (UnitAnomaly.IsDue(c.Places, o.Places, last, now, o.Window)) db.UnitAnomalies.Add(UnitAnomaly.ManyPlaces(c.UnitId, c.Places, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
