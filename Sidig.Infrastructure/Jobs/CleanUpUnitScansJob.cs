using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Scans;

namespace Sidig.Infrastructure.Jobs;

/// <summary>Deletes a tenant's scans older than <see cref="ScanLogOptions.Retention"/>; anomalies already flagged stay.</summary>
public sealed class CleanUpUnitScansJob(TenantJobScope scope, TimeProvider clock, IOptions<ScanLogOptions> options)
{
    public Task RunAsync(Guid tenantId, CancellationToken ct) => scope.RunAsync(tenantId, async sp =>
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        await sp.GetRequiredService<SidigDbContext>().UnitScans.Where(s => s.At < cutoff).ExecuteDeleteAsync(ct);
    }, ct);
}
