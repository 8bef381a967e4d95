using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Units;

/// <param name="Layout">a <see cref="LabelLayout.Presets"/> key</param>
/// <param name="Origin">scheme://host the user works on (the tenant's own host): what every QR code opens</param>
public sealed record RequestLabelPrint(Guid BatchId, string? Layout, string Origin);

public sealed record LabelPrintRequested(Guid JobId, int Total);

/// <summary>
/// A batch's labels are rendered by a background job (<see cref="RenderLabelPrintJob"/>) the page shows the progress of;
/// the page uses it for batches above <see cref="LabelPrintJob.DirectDownloadLimit"/> units, smaller ones download at once.
/// Asking again while the same batch and layout is still queued or running returns that job instead of a second one.
/// </summary>
public sealed class RequestLabelPrintHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, IBackgroundJobClient jobs,
    TimeProvider clock, TenantContext tenant, CurrentUser user, ILogger<RequestLabelPrintHandler> logger)
{
    public async Task<Result<LabelPrintRequested>> HandleAsync(RequestLabelPrint command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUnits)) return Result<LabelPrintRequested>.Fail("Access.Denied");
        var layout = LabelLayout.Preset(command.Layout);
        if (layout is null) return Result<LabelPrintRequested>.Fail([new Error("Units.LabelLayoutUnknown", "Layout")]);
        await using var db = await factory.CreateDbContextAsync(ct);
        var batch = await (from b in db.UnitBatches.AsNoTracking().Where(b => b.Id == command.BatchId)
                           join p in db.Products on b.ProductId equals p.Id
                           select new { b.Id, b.Lot, p.Sku }).FirstOrDefaultAsync(ct);
        if (batch is null) return Result<LabelPrintRequested>.Fail("Units.BatchNotFound");
        var pending = await db.LabelPrintJobs.AsNoTracking()
            .Where(j => j.BatchId == batch.Id && j.Layout == layout.Key && (j.Status == LabelPrintStatus.Queued || j.Status == LabelPrintStatus.Running))
            .Select(j => new LabelPrintRequested(j.Id, j.Total)).FirstOrDefaultAsync(ct);
        if (pending is not null) return Result<LabelPrintRequested>.Ok(pending);

        var total = await BatchLabelSource.CountAsync(db, batch.Id, ct);
        if (total == 0) return Result<LabelPrintRequested>.Fail("Units.BatchHasNoUnits");
        var job = LabelPrintJob.Request(batch.Id, layout.Key!, command.Origin, BatchLabelSource.FileName(batch.Sku, batch.Lot, layout), total,
            clock.GetUtcNow(), user.UserName);
        db.LabelPrintJobs.Add(job);
        await db.SaveChangesAsync(ct);
        try
        {
            var tenantId = tenant.TenantId;
            jobs.Enqueue<RenderLabelPrintJob>(j => j.RunAsync(tenantId, job.Id, CancellationToken.None));
        }
        catch (Exception e) // the job store is unreachable: say so now rather than leave a job queued forever
        {
            logger.LogError(e, "Label print {JobId} could not be queued", job.Id);
            job.Fail(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return Result<LabelPrintRequested>.Fail("Units.LabelPrintNotQueued");
        }
        return Result<LabelPrintRequested>.Ok(new LabelPrintRequested(job.Id, total));
    }
}
