using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Seeding;

/// <summary>The demo's units: batches made like a user's, units behind every seeded serialised stock with a real chain, and codes that open the scan page.</summary>
public abstract class DemoUnitSeedTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly Builders _make = new(app);

    [Fact]
    public async Task Each_demo_batch_has_its_units_and_a_batch_made_like_a_users_one_receipt_of_the_same_quantity()
    {
        var batches = await _make.Query(db => db.UnitBatches.ToListAsync());
        batches.Count.ShouldBeGreaterThan(1);
        var received = 0;
        foreach (var batch in batches)
        {
            (await _make.Query(db => db.Units.CountAsync(u => u.BatchId == batch.Id))).ShouldBe(batch.Quantity);
            var receipts = await _make.Query(db => db.StockMovements.Where(m => m.DocumentType == UnitBatch.DocumentType && m.DocumentId == batch.Id)
                .Select(m => m.Quantity).ToListAsync());
            if (receipts.Count == 0) continue; // a batch behind seeded stock that came in by quantity (a receipt, opening stock)
            receipts.ShouldBe([(decimal)batch.Quantity]);
            received++;
        }
        received.ShouldBe(5); // the four demo batches and the older lot of the expired warranty (DemoWarrantySeed)
        (await _make.Query(db => db.Products.Where(p => batches.Select(b => b.ProductId).Contains(p.Id)).AllAsync(p => p.IsSerialised))).ShouldBeTrue();
    }

    [Fact]
    public async Task Seeded_units_have_a_real_chain_shipped_to_partners_delivered_and_sold_out_to_customers()
    {
        var kinds = await _make.Query(db => db.UnitEvents.GroupBy(e => e.Kind).Select(g => g.Key).ToListAsync());
        kinds.ShouldBeSubsetOf(Enum.GetValues<UnitEventKind>());
        kinds.ShouldContain(UnitEventKind.Shipped);
        kinds.ShouldContain(UnitEventKind.Delivered);
        kinds.ShouldContain(UnitEventKind.SoldOut);
        // A unit the service desk has not touched (a replacement's chain ends with its claim).
        var sold = await _make.Query(db => db.Units.FirstAsync(u => u.Status == UnitStatus.Sold
            && !db.UnitEvents.Any(e => e.UnitId == u.Id && e.DocumentType == Sidig.Domain.Service.Ticket.DocumentType)));
        (sold.CustomerId, sold.SoldOn, sold.OwnerPartnerId).ShouldSatisfyAllConditions(x => x.CustomerId.ShouldNotBeNull(), x => x.SoldOn.ShouldNotBeNull());
        var history = await _make.Query(db => db.UnitEvents.Where(e => e.UnitId == sold.Id).OrderBy(e => e.At).Select(e => e.Kind).ToListAsync());
        history.First().ShouldBe(UnitEventKind.Created);
        history.Last().ShouldBe(UnitEventKind.SoldOut);
        (await _make.Query(db => db.Units.AnyAsync(u => u.OwnerPartnerId != null && u.Status == UnitStatus.InStock && u.DeliveredOn != null))).ShouldBeTrue();
        (await _make.Query(db => Sidig.Infrastructure.Stock.UnitSerials.FindMismatchesAsync(db))).ShouldBeEmpty();
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
