using System.Threading.Channels;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Jobs;

/// <summary>
/// Renders one <see cref="LabelPrintJob"/> of one tenant and stores its PDF (docs/decisions/label-print-jobs.md).
/// Idempotent: a run for a done job does nothing; a run for a queued, failed or crashed (still Running) job starts it
/// from the beginning. A run taken over by a newer one stops at its next save (the job's attempt is a concurrency token).
/// </summary>
public sealed class RenderLabelPrintJob(TenantJobScope scope, TimeProvider clock, ILogger<RenderLabelPrintJob> logger)
{
    /// <summary>
    /// A failure is recorded on the job for the user to see and request again, not retried by Hangfire (the same input
    /// fails the same way). A run cut off by a shutdown is not a failure: Hangfire runs it again, and it starts over.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid tenantId, Guid jobId, CancellationToken ct) =>
        scope.RunAsync(tenantId, sp => RenderAsync(sp, jobId, ct), ct);

    private async Task RenderAsync(IServiceProvider sp, Guid jobId, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        var job = await db.LabelPrintJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !job.Start(clock.GetUtcNow())) return; // cleaned up already, or done
        try
        {
            await db.SaveChangesAsync(ct);
            var layout = LabelLayout.Preset(job.Layout) ?? throw new InvalidOperationException($"Unknown label layout '{job.Layout}'.");
            var set = await BatchLabelSource.LoadAsync(db, job.BatchId, job.Origin, ct)
                      ?? throw new InvalidOperationException("The batch no longer exists.");
            var pdf = await RenderWithProgressAsync(db, job, set, layout, ct);
            db.LabelPrintFiles.Add(new LabelPrintFile(job.Id, pdf));
            job.Complete(set.Labels.Count, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None); // rendered: keep it even when the server is stopping
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Label print {JobId} was taken over by another run; this one stops", jobId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // shutting down: left Running, Hangfire runs it again and the next run starts over
        }
        catch (Exception e)
        {
            logger.LogError(e, "Label print {JobId} failed", jobId);
            foreach (var file in db.ChangeTracker.Entries<LabelPrintFile>().ToList()) file.State = EntityState.Detached;
            job.Fail(e.Message, clock.GetUtcNow());
            try { await db.SaveChangesAsync(CancellationToken.None); }
            catch (DbUpdateConcurrencyException) { } // a newer run has it: its outcome counts
            throw;
        }
    }

    /// <summary>
    /// Skia draws synchronously on a worker thread; every <see cref="LabelPrintJob.ProgressStep"/> labels it hands the
    /// count over a one-slot channel (a newer count replaces one not yet saved), and this context saves it.
    /// </summary>
    private static async Task<byte[]> RenderWithProgressAsync(SidigDbContext db, LabelPrintJob job, BatchLabelSet set, LabelLayout layout,
        CancellationToken ct)
    {
        var counts = Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = new SteppedProgress(LabelPrintJob.ProgressStep, n => counts.Writer.TryWrite(n));
        var render = Task.Run(() =>
        {
            try { LabelSheetPdf.Render(set.Labels, layout, file, set.Title, progress, stop.Token); }
            finally { counts.Writer.TryComplete(); }
        }, CancellationToken.None);
        try
        {
            await foreach (var count in counts.Reader.ReadAllAsync(CancellationToken.None))
            {
                job.ReportProgress(count);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            await render;
        }
        finally
        {
            if (!render.IsCompleted)
            {
                await stop.CancelAsync();
                try { await render; } catch (OperationCanceledException) { } // the first failure is the one that counts
            }
        }
        var bytes = new byte[file.Length];
        file.Position = 0;
        await file.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    /// <summary>Passes on a count once it is at least <c>step</c> past the last one passed on (reported synchronously, unlike Progress&lt;T&gt;).</summary>
    private sealed class SteppedProgress(int step, Action<int> report) : IProgress<int>
    {
        private int _last;

        public void Report(int value)
        {
            if (value - _last < step) return;
            _last = value;
            report(value);
        }
    }
}
