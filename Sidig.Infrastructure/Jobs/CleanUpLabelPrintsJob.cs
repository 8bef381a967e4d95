using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Jobs;

/// <summary>Deletes a tenant's label prints (and their PDFs) older than <see cref="LabelPrintJob.Retention"/>; a re-run finds nothing.</summary>
public sealed class CleanUpLabelPrintsJob(TenantJobScope scope, TimeProvider clock)
{
    public Task RunAsync(Guid tenantId, CancellationToken ct) => scope.RunAsync(tenantId, async sp =>
    {
        var db = sp.GetRequiredService<SidigDbContext>();
        var cutoff = clock.GetUtcNow() - LabelPrintJob.Retention;
        var old = db.LabelPrintJobs.Where(j => j.RequestedAt < cutoff);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LabelPrintFiles.Where(f => old.Select(j => j.Id).Contains(f.JobId)).ExecuteDeleteAsync(ct);
        await old.ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }, ct);
}
