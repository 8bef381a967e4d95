using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.Integration.Jobs;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;

namespace Sidig.Tests.Features.Units;

/// <summary>Label prints of large batches: requested, rendered by the tenant's job with progress, downloaded by staff of that tenant.</summary>
public abstract class LabelPrintJobTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Warehouse = "warehouse@demo.test";
    private const string Origin = "http://demo.localhost";
    private readonly Builders _make = new(app);

    private async Task<(CreatedUnitBatch Batch, List<Unit> Units)> Batch(int quantity)
    {
        var product = await _make.Product(serialised: true);
        var warehouse = await _make.Warehouse();
        var batch = (await app.Handle<CreateUnitBatchHandler, Result<CreatedUnitBatch>>("demo", Warehouse, h => h.HandleAsync(
            new CreateUnitBatch(product.Id, Builders.Unique("L"), new DateOnly(2026, 11, 20), quantity, "{sku}-{n:4}", warehouse.Id)))).Value!;
        return (batch, await _make.Query(db => db.Units.Where(u => u.BatchId == batch.Id).OrderBy(u => u.Serial).ToListAsync()));
    }

    private Task<Result<LabelPrintRequested>> Request(Guid batchId, string layout, string email = Warehouse, string tenant = "demo") =>
        app.Handle<RequestLabelPrintHandler, Result<LabelPrintRequested>>(tenant, email, h => h.HandleAsync(new RequestLabelPrint(batchId, layout, Origin)));

    private async Task<Guid> TenantId(string slug) => (await app.Services.GetRequiredService<TenantStore>().FindAsync(slug))!.Id;

    private async Task Run(Guid jobId, string tenant = "demo") =>
        await app.Services.GetRequiredService<RenderLabelPrintJob>().RunAsync(await TenantId(tenant), jobId, CancellationToken.None);

    private Task<LabelPrintJob> Job(Guid id) => _make.Query(db => db.LabelPrintJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    private Task<byte[]> File(Guid id) => _make.Query(db => db.LabelPrintFiles.Where(f => f.JobId == id).Select(f => f.Content).SingleAsync());

    [Fact]
    public async Task The_job_renders_every_label_of_the_batch_and_its_progress_reaches_the_total()
    {
        var (batch, units) = await Batch(300); // past one progress step (250), so progress is saved while rendering
        var requested = (await Request(batch.Id, "a4-3x8")).Value!;
        requested.Total.ShouldBe(300);
        (await Job(requested.JobId)).Status.ShouldBe(LabelPrintStatus.Queued);

        await Run(requested.JobId);

        var job = await Job(requested.JobId);
        (job.Status, job.Progress, job.Total, job.Error).ShouldBe((LabelPrintStatus.Done, 300, 300, (string?)null));
        job.FinishedAt.ShouldNotBeNull();
        var pages = PdfFiles.PageTexts(await File(job.Id));
        pages.Count.ShouldBe(13); // 300 labels at 24 a sheet
        var text = string.Concat(pages).Replace(" ", "");
        units.ShouldAllBe(u => text.Contains(u.Serial));
    }

    [Fact]
    public async Task A_rerun_of_a_done_job_does_nothing()
    {
        var (batch, _) = await Batch(3);
        var id = (await Request(batch.Id, "single-50x30")).Value!.JobId;
        await Run(id);
        var done = await Job(id);
        var file = await File(id);

        await Run(id); // e.g. Hangfire retrying after the worker died once the file was saved

        var again = await Job(id);
        (again.Status, again.Attempt, again.FinishedAt).ShouldBe((LabelPrintStatus.Done, done.Attempt, done.FinishedAt));
        (await File(id)).ShouldBe(file);
    }

    [Fact]
    public async Task A_job_left_running_by_a_crashed_worker_starts_over_and_finishes()
    {
        var (batch, _) = await Batch(30);
        var id = (await Request(batch.Id, "a4-3x8")).Value!.JobId;
        await _make.Query(db => db.LabelPrintJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, LabelPrintStatus.Running).SetProperty(j => j.Progress, 24).SetProperty(j => j.Attempt, 1)));

        await Run(id);

        var job = await Job(id);
        (job.Status, job.Progress, job.Attempt).ShouldBe((LabelPrintStatus.Done, 30, 2));
        PdfFiles.PageTexts(await File(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_job_that_cannot_render_is_marked_failed_with_its_reason()
    {
        var (batch, _) = await Batch(2);
        var id = (await Request(batch.Id, "a4-3x8")).Value!.JobId;
        await _make.Query(db => db.LabelPrintJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Layout, "a9-99x99")));

        await Should.ThrowAsync<InvalidOperationException>(() => Run(id)); // Hangfire records the failure too

        var job = await Job(id);
        job.Status.ShouldBe(LabelPrintStatus.Failed);
        job.Error.ShouldNotBeNull().ShouldContain("a9-99x99");
        (await _make.Query(db => db.LabelPrintFiles.AnyAsync(f => f.JobId == id))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_job_run_for_another_tenant_finds_nothing_to_do()
    {
        var (batch, _) = await Batch(2);
        var id = (await Request(batch.Id, "a4-3x8")).Value!.JobId;

        await Run(id, tenant: "other");

        (await Job(id)).Status.ShouldBe(LabelPrintStatus.Queued);
    }

    [Fact]
    public async Task Asking_again_while_it_is_pending_returns_the_same_job_and_bad_requests_are_refused()
    {
        var (batch, _) = await Batch(2);
        var first = (await Request(batch.Id, "a4-3x8")).Value!.JobId;
        (await Request(batch.Id, "a4-3x8")).Value!.JobId.ShouldBe(first);
        (await Request(batch.Id, "a4-4x10")).Value!.JobId.ShouldNotBe(first);

        (await Request(batch.Id, "a9-99x99")).Errors.Single().Code.ShouldBe("Units.LabelLayoutUnknown");
        (await Request(batch.Id, "a4-3x8", "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Request(batch.Id, "a4-3x8", "warehouse@other.test", "other")).Errors.Single().Code.ShouldBe("Units.BatchNotFound");
    }

    [Fact]
    public async Task Only_staff_who_make_batches_on_the_jobs_own_host_download_it()
    {
        var (batch, _) = await Batch(5);
        var id = (await Request(batch.Id, "a4-3x8")).Value!.JobId;
        await Run(id);

        using var warehouse = await app.Client("demo").SignedInAs(Warehouse);
        var response = await warehouse.Http.GetAsync(UnitEndpoints.LabelPrintUrl(id));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("a4-3x8");
        PdfFiles.PageTexts(await response.Content.ReadAsByteArrayAsync()).Count.ShouldBe(1);

        using var otherTenant = await app.Client("other").SignedInAs("warehouse@other.test");
        (await otherTenant.Http.GetAsync(UnitEndpoints.LabelPrintUrl(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var sales = await app.Client("demo").SignedInAs("sales@demo.test");
        (await sales.Http.GetAsync(UnitEndpoints.LabelPrintUrl(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await warehouse.Http.GetAsync(UnitEndpoints.LabelPrintUrl(Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = (await app.Handle<ListLabelPrintsHandler, Result<IReadOnlyList<LabelPrintListItem>>>("other", "warehouse@other.test",
            h => h.HandleAsync(new ListLabelPrints()))).Value!;
        list.ShouldNotContain(i => i.Id == id);
        (await app.Handle<ListLabelPrintsHandler, Result<IReadOnlyList<LabelPrintListItem>>>("demo", "technician@demo.test",
            h => h.HandleAsync(new ListLabelPrints()))).Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task The_download_of_a_job_not_yet_done_is_not_found()
    {
        var (batch, _) = await Batch(2);
        var id = (await Request(batch.Id, "a4-3x8")).Value!.JobId;
        using var warehouse = await app.Client("demo").SignedInAs(Warehouse);
        (await warehouse.Http.GetAsync(UnitEndpoints.LabelPrintUrl(id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Prints_older_than_the_retention_are_deleted_with_their_files_and_others_kept()
    {
        var (batch, _) = await Batch(2);
        var old = (await Request(batch.Id, "a4-3x8")).Value!.JobId;
        var recent = (await Request(batch.Id, "a4-4x10")).Value!.JobId;
        await Run(old);
        await Run(recent);
        await _make.Query(db => db.LabelPrintJobs.Where(j => j.Id == old).ExecuteUpdateAsync(s =>
            s.SetProperty(j => j.RequestedAt, DateTimeOffset.UtcNow - LabelPrintJob.Retention - TimeSpan.FromHours(1))));
        var job = app.Services.GetRequiredService<CleanUpLabelPrintsJob>();

        await job.RunAsync(await TenantId("other"), CancellationToken.None); // another tenant's clean-up leaves demo's alone
        (await _make.Query(db => db.LabelPrintJobs.AnyAsync(j => j.Id == old))).ShouldBeTrue();
        await job.RunAsync(await TenantId("demo"), CancellationToken.None);

        (await _make.Query(db => db.LabelPrintJobs.AnyAsync(j => j.Id == old))).ShouldBeFalse();
        (await _make.Query(db => db.LabelPrintFiles.AnyAsync(f => f.JobId == old))).ShouldBeFalse();
        (await Job(recent)).Status.ShouldBe(LabelPrintStatus.Done);
        (await File(recent)).ShouldNotBeEmpty();
    }
}

public sealed class LabelPrintJobTests_Sqlite(SqliteApp app) : LabelPrintJobTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class LabelPrintJobTests_Postgres(PostgresApp app) : LabelPrintJobTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>Through the running Hangfire server: the request enqueues the job, a worker renders it under the job's tenant.</summary>
public abstract class LabelPrintJobServerTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    [Fact]
    public async Task A_requested_print_is_rendered_by_the_job_server()
    {
        var make = new Builders(app);
        var product = await make.Product(serialised: true);
        var warehouse = await make.Warehouse();
        var batch = (await app.Handle<CreateUnitBatchHandler, Result<CreatedUnitBatch>>("demo", "warehouse@demo.test", h => h.HandleAsync(
            new CreateUnitBatch(product.Id, Builders.Unique("L"), new DateOnly(2026, 11, 20), 30, "{sku}-{n:4}", warehouse.Id)))).Value!;
        var id = (await app.Handle<RequestLabelPrintHandler, Result<LabelPrintRequested>>("demo", "warehouse@demo.test",
            h => h.HandleAsync(new RequestLabelPrint(batch.Id, "a4-3x8", "http://demo.localhost")))).Value!.JobId;

        var status = LabelPrintStatus.Queued;
        // The server picks it up within seconds when idle; under a full-suite load its workers can be busy for a minute or more,
        // so the ceiling is generous (the loop ends as soon as the job is done).
        for (var i = 0; i < 900 && status is LabelPrintStatus.Queued or LabelPrintStatus.Running; i++)
        {
            await Task.Delay(200);
            status = await make.Query(db => db.LabelPrintJobs.Where(j => j.Id == id).Select(j => j.Status).SingleAsync());
        }
        status.ShouldBe(LabelPrintStatus.Done);
        PdfFiles.PageTexts(await make.Query(db => db.LabelPrintFiles.Where(f => f.JobId == id).Select(f => f.Content).SingleAsync())).Count.ShouldBe(2);
    }
}

public sealed class LabelPrintJobServerTests_Sqlite(JobServerSqliteApp app) : LabelPrintJobServerTests<JobServerSqliteApp>(app), IClassFixture<JobServerSqliteApp>;
public sealed class LabelPrintJobServerTests_Postgres(JobServerPostgresApp app) : LabelPrintJobServerTests<JobServerPostgresApp>(app), IClassFixture<JobServerPostgresApp>;
