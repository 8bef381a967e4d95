using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Scans;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Warranty;

namespace Sidig.Tests.Features.Warranty;

/// <summary>The scan log behind the public scan page, the "scanned from many places" flag and the staff review list.</summary>
public abstract class ScanAnomalyTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Service = "cs@demo.test";
    private readonly WarrantyBuilders _warranty = new(app);
    private readonly Builders _make = new(app);

    private Task<List<UnitScan>> ScansOf(Guid unitId, string tenant = "demo") =>
        new Builders(app, tenant).Query(db => db.UnitScans.Where(s => s.UnitId == unitId).ToListAsync());

    private Task<List<UnitAnomaly>> AnomaliesOf(Guid unitId) => _make.Query(db => db.UnitAnomalies.Where(a => a.UnitId == unitId).ToListAsync());

    private Task<Result<AnomalyList>> List(string tenant = "demo", string email = Service, bool includeReviewed = false) =>
        app.Handle<ListAnomaliesHandler, Result<AnomalyList>>(tenant, email, h => h.HandleAsync(new ListAnomalies(includeReviewed, PageSize: 100)));

    private async Task ScanFromNetworks(Unit unit, int networks, int first = 0)
    {
        for (var i = first; i < first + networks; i++) await app.Scan(unit.PublicCode, $"198.51.{i}.7");
        await app.ScansWritten();
    }

    [Fact]
    public async Task A_unit_scanned_from_many_networks_is_flagged_once_in_the_window()
    {
        var unit = (await _warranty.Units()).Single();

        await ScanFromNetworks(unit, 6);
        await ScanFromNetworks(unit, 3, first: 6); // still within the window: no second flag

        var scans = await ScansOf(unit.Id);
        scans.Count.ShouldBe(9);
        scans.Select(s => s.Place).ShouldContain("198.51.0.0/24");
        scans.ShouldAllBe(s => s.Place.EndsWith(".0/24")); // the network, never the phone's address
        var anomaly = (await AnomaliesOf(unit.Id)).ShouldHaveSingleItem();
        anomaly.Kind.ShouldBe(UnitAnomalyKind.ManyPlaces);
        anomaly.Places.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Scans_from_one_network_are_logged_but_do_not_flag_the_unit()
    {
        var unit = (await _warranty.Units()).Single();

        for (var host = 1; host <= 8; host++) await app.Scan(unit.PublicCode, $"203.0.113.{host}");
        for (var site = 1; site <= 3; site++) await app.Scan(unit.PublicCode, $"2001:db8:77:{site}::1"); // one IPv6 /48
        await app.ScansWritten();

        var scans = await ScansOf(unit.Id);
        scans.Count.ShouldBe(11);
        scans.Select(s => s.Place).Distinct().Order().ShouldBe(["2001:db8:77::/48", "203.0.113.0/24"]);
        (await AnomaliesOf(unit.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_code_of_one_tenant_scanned_on_another_tenants_host_shows_unknown_and_records_nothing()
    {
        var unit = (await _warranty.Units()).Single();

        var html = await app.Scan(unit.PublicCode, "192.0.2.10", tenant: "other");
        await app.ScansWritten();

        html.ShouldContain("data-testid=\"scan-unknown\"");
        html.ShouldNotContain(unit.Serial);
        (await ScansOf(unit.Id)).ShouldBeEmpty();
        (await ScansOf(unit.Id, "other")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_review_list_shows_the_tenants_scan_anomalies_and_flagged_registrations_to_its_reviewers_only()
    {
        var units = await _warranty.Units(2);
        await ScanFromNetworks(units[0], 5);
        using (var first = app.Client("demo")) await WarrantyBuilders.Post(first, units[1].PublicCode, WarrantyBuilders.ValidFields());
        using (var second = app.Client("demo")) await WarrantyBuilders.Post(second, units[1].PublicCode, WarrantyBuilders.ValidFields("Siti Rahma"));
        var anomaly = (await AnomaliesOf(units[0].Id)).Single();
        var duplicate = (await _make.Query(db => db.WarrantyRegistrations.SingleAsync(r => r.UnitId == units[1].Id && r.Name == "Siti Rahma")));

        var list = (await List()).Value!.Items;

        var scanned = list.Single(i => i.Id == anomaly.Id);
        (scanned.IsRegistration, scanned.UnitId, scanned.Serial, scanned.Places).ShouldBe((false, units[0].Id, units[0].Serial, 5));
        var registered = list.Single(i => i.Id == duplicate.Id);
        (registered.IsRegistration, registered.Flags).ShouldBe((true, RegistrationFlags.DuplicateUnit));
        (await List("other", "cs@other.test")).Value!.Items.ShouldNotContain(i => i.UnitId == units[0].Id || i.UnitId == units[1].Id);
        (await List(email: "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task A_reviewed_scan_anomaly_leaves_the_list_and_only_the_tenants_reviewers_can_mark_it()
    {
        var unit = (await _warranty.Units()).Single();
        await ScanFromNetworks(unit, 5);
        var anomaly = (await AnomaliesOf(unit.Id)).Single();
        Task<Result> Mark(string tenant, string email) =>
            app.Handle<MarkAnomalyReviewedHandler, Result>(tenant, email, h => h.HandleAsync(new MarkAnomalyReviewed(anomaly.Id)));

        (await Mark("other", "cs@other.test")).Errors.Single().Code.ShouldBe("Anomaly.NotFound");
        (await Mark("demo", "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Mark("demo", Service)).Errors.ShouldBeEmpty();
        (await Mark("demo", Service)).Errors.Single().Code.ShouldBe("Anomaly.AlreadyReviewed");

        (await List()).Value!.Items.ShouldNotContain(i => i.Id == anomaly.Id);
        var reviewed = (await List(includeReviewed: true)).Value!.Items.Single(i => i.Id == anomaly.Id);
        reviewed.ReviewedBy.ShouldBe(Service);
        reviewed.ReviewedAt.ShouldNotBeNull();
    }

    private async Task<(ScanLog Log, ScanLogWriter Writer, TenantInfo Demo)> SeparateWriter(int batchSize)
    {
        var options = Options.Create(new ScanLogOptions { BatchSize = batchSize });
        var log = new ScanLog(options, TimeProvider.System);
        var writer = new ScanLogWriter(log, app.Services.GetRequiredService<IServiceScopeFactory>(), options, TimeProvider.System,
            NullLogger<ScanLogWriter>.Instance);
        var demo = (await app.Services.GetRequiredService<TenantStore>().FindAsync("demo"))!;
        return (log, writer, demo);
    }

    [Fact]
    public async Task The_writer_takes_queued_scans_in_batches_of_its_size()
    {
        var unit = (await _warranty.Units()).Single();
        var (log, writer, demo) = await SeparateWriter(batchSize: 100);
        for (var i = 0; i < 250; i++) log.Record(demo, unit.Id, IPAddress.Parse("192.0.2.1")).ShouldBeTrue();

        List<int> batches = [];
        while (await writer.WriteBatchAsync(CancellationToken.None) is var n and > 0) batches.Add(n);

        batches.ShouldBe([100, 100, 50]);
        (await ScansOf(unit.Id)).Count.ShouldBe(250);
        log.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_the_database_refuses_is_lost_and_the_writer_and_the_app_go_on()
    {
        var unit = (await _warranty.Units()).Single();
        var (log, writer, demo) = await SeparateWriter(batchSize: 100);
        log.Record(demo, Guid.NewGuid(), IPAddress.Parse("192.0.2.1")); // no such unit: the insert fails on its foreign key

        (await writer.WriteBatchAsync(CancellationToken.None)).ShouldBe(1);
        log.Pending.ShouldBe(0);
        log.Record(demo, unit.Id, IPAddress.Parse("192.0.2.1"));
        (await writer.WriteBatchAsync(CancellationToken.None)).ShouldBe(1);
        (await ScansOf(unit.Id)).Count.ShouldBe(1);

        // The app's own writer after the same failure: still writing, the app still serving.
        app.Services.GetRequiredService<ScanLog>().Record(demo, Guid.NewGuid(), IPAddress.Parse("192.0.2.1"));
        await app.ScansWritten();
        await app.Scan(unit.PublicCode, "192.0.2.1");
        await app.ScansWritten();
        (await ScansOf(unit.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_daily_clean_up_deletes_scans_past_the_retention_and_keeps_recent_ones()
    {
        var unit = (await _warranty.Units()).Single();
        var now = DateTimeOffset.UtcNow;
        var demo = (await app.Services.GetRequiredService<TenantStore>().FindAsync("demo"))!;
        await _make.Query(async db =>
        {
            db.UnitScans.AddRange(new UnitScan(demo.Id, unit.Id, now.AddDays(-31), "192.0.2.0/24"), new UnitScan(demo.Id, unit.Id, now.AddDays(-1), "192.0.2.0/24"));
            return await db.SaveChangesAsync();
        });

        await app.Services.GetRequiredService<CleanUpUnitScansJob>().RunAsync(demo.Id, CancellationToken.None);

        (await ScansOf(unit.Id)).ShouldHaveSingleItem().At.ShouldBeGreaterThan(now.AddDays(-2));
    }
}

public sealed class ScanAnomalyTests_Sqlite(SqliteApp app) : ScanAnomalyTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ScanAnomalyTests_Postgres(PostgresApp app) : ScanAnomalyTests<PostgresApp>(app), IClassFixture<PostgresApp>;
