using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Service;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Seeding;

/// <summary>The demo tenant's service desk: every status, SLA breaches, a replacement and a repair, all on the ledger's rules.</summary>
public abstract class DemoServiceSeedTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly Builders _make = new(app);

    [Fact]
    public async Task There_is_a_demo_ticket_in_every_status_and_some_are_past_their_sla()
    {
        var tickets = await _make.Query(db => db.Tickets.AsNoTracking().ToListAsync());
        tickets.Select(t => t.Status).Distinct().ShouldBe(Enum.GetValues<TicketStatus>(), ignoreOrder: true);
        var now = DateTimeOffset.UtcNow;
        tickets.Count(t => !t.IsFinished && (t.FirstRespondedAt == null ? t.FirstResponseDueAt : t.ResolutionDueAt) < now).ShouldBeGreaterThanOrEqualTo(2);
        tickets.Single(t => t.Rating is not null).Status.ShouldBe(TicketStatus.Closed);
    }

    [Fact]
    public async Task One_claim_was_replaced_from_stock_and_one_repair_used_a_part_from_the_service_centre()
    {
        var claim = await _make.Query(db => db.Tickets.AsNoTracking().SingleAsync(t => t.ReplacementUnitId != null));
        var units = await _make.Query(db => db.Units.AsNoTracking().Where(u => u.Id == claim.UnitId || u.Id == claim.ReplacementUnitId).ToDictionaryAsync(u => u.Id));
        units[claim.UnitId!.Value].Status.ShouldBe(UnitStatus.Replaced);
        units[claim.ReplacementUnitId!.Value].Status.ShouldBe(UnitStatus.Sold);

        var part = await _make.Query(db => db.TicketParts.AsNoTracking().SingleAsync());
        var store = await _make.Query(db => db.Warehouses.AsNoTracking().SingleAsync(w => w.Id == part.WarehouseId));
        store.OwnerPartnerId.ShouldNotBeNull();
        var service = await _make.Query(db => db.StockMovements.AsNoTracking().Where(m => m.Type == MovementType.ServiceOut).Select(m => m.DocumentNumber).ToListAsync());
        service.Count.ShouldBe(2);
        (await _make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }
}

public sealed class DemoServiceSeedTests_Sqlite(SqliteApp app) : DemoServiceSeedTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class DemoServiceSeedTests_Postgres(PostgresApp app) : DemoServiceSeedTests<PostgresApp>(app), IClassFixture<PostgresApp>;
