using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Seeding;

/// <summary>The demo's unit batches: made like a user's, received on the ledger, and their codes open the public scan page.</summary>
public abstract class DemoUnitSeedTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly Builders _make = new(app);

    [Fact]
    public async Task Each_demo_batch_has_its_units_and_one_receipt_of_the_same_quantity_on_the_ledger()
    {
        var batches = await _make.Query(db => db.UnitBatches.ToListAsync());
        batches.Count.ShouldBeGreaterThan(1);
        foreach (var batch in batches)
        {
            (await _make.Query(db => db.Units.CountAsync(u => u.BatchId == batch.Id && u.WarehouseId == batch.WarehouseId))).ShouldBe(batch.Quantity);
            (await _make.Query(db => db.StockMovements.Where(m => m.DocumentType == UnitBatch.DocumentType && m.DocumentId == batch.Id)
                .Select(m => m.Quantity).ToListAsync())).ShouldBe([(decimal)batch.Quantity]);
        }
        (await _make.Query(db => db.Products.Where(p => batches.Select(b => b.ProductId).Contains(p.Id)).AllAsync(p => p.IsSerialised))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_demo_units_code_opens_its_scan_page_as_genuine()
    {
        var unit = await _make.Query(db => db.Units.OrderBy(u => u.Serial).FirstAsync());
        using var anonymous = app.Client("demo");
        var response = await anonymous.Http.GetAsync($"/u/{unit.PublicCode}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(unit.Serial);
    }

    [Fact]
    public async Task The_demo_has_approved_waiting_flagged_rejected_and_expired_warranty_registrations()
    {
        var registrations = await _make.Query(db => db.WarrantyRegistrations.ToListAsync());
        registrations.Count(r => r.Status == RegistrationStatus.Approved).ShouldBe(3);
        registrations.Count(r => r.Status == RegistrationStatus.Rejected).ShouldBe(1);
        registrations.Where(r => r.Status == RegistrationStatus.Pending).Select(r => r.Flags)
            .ShouldBe([RegistrationFlags.None, RegistrationFlags.DuplicateUnit], ignoreOrder: true);

        using var anonymous = app.Client("demo");
        var states = new List<string>();
        foreach (var approved in registrations.Where(r => r.Status == RegistrationStatus.Approved))
        {
            var code = await _make.Query(db => db.Units.Where(u => u.Id == approved.UnitId).Select(u => u.PublicCode).SingleAsync());
            var html = await anonymous.Http.GetStringAsync($"/u/{code}");
            var chip = System.Text.RegularExpressions.Regex.Match(html, "<[^>]*data-testid=\"scan-warranty\"[^>]*>").Value;
            states.Add(System.Text.RegularExpressions.Regex.Match(chip, "data-state=\"(\\w+)\"").Groups[1].Value);
        }
        states.ShouldBe(["Active", "Active", "Expired"], ignoreOrder: true);
    }
}

public sealed class DemoUnitSeedTests_Sqlite(SqliteApp app) : DemoUnitSeedTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DemoUnitSeedTests_Postgres(PostgresApp app) : DemoUnitSeedTests<PostgresApp>(app), IClassFixture<PostgresApp>;
