using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Stock;

/// <summary>The ledger posting rules on a real database: balances follow the ledger, negative stock is refused.</summary>
public abstract class StockLedgerTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    protected readonly Builders Make = new(app);

    [Fact]
    public async Task Posting_a_receipt_and_a_shipment_keeps_on_hand_equal_to_the_ledger()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        (await Make.Receive(warehouse.Id, product.Id, 10.5m)).Errors.ShouldBeEmpty();
        (await Make.Post("DO-1", new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -4m))).Errors.ShouldBeEmpty();

        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(6.5m);
        (await Make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(6.5m);
        (await Make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_shipment_above_on_hand_is_refused_and_writes_nothing()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 3);
        var result = await Make.Post("DO-2",
            new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -2m),
            new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -2m));

        result.Errors.Single().Code.ShouldBe("Stock.Insufficient");
        result.Errors.Single().Args.ShouldBe([product.Sku, warehouse.Code, 3m, 4m]); // sku, warehouse, on hand, asked (both lines)
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(3m);
        (await Make.Query(db => db.StockMovements.CountAsync(m => m.WarehouseId == warehouse.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_transfer_short_in_its_source_writes_nothing_in_either_warehouse()
    {
        var (p1, p2) = (await Make.Product(), await Make.Product());
        var (from, to) = (await Make.Warehouse(), await Make.Warehouse());
        await Make.Receive(from.Id, p1.Id, 5);
        await Make.Receive(from.Id, p2.Id, 1);
        var correlation = Guid.CreateVersion7();
        var result = await Make.Post("TRF-1",
            new StockLine(from.Id, p1.Id, MovementType.TransferOut, -2, null, correlation), new StockLine(to.Id, p1.Id, MovementType.TransferIn, 2, null, correlation),
            new StockLine(from.Id, p2.Id, MovementType.TransferOut, -3, null, correlation), new StockLine(to.Id, p2.Id, MovementType.TransferIn, 3, null, correlation));

        result.Errors.Single().Args.ShouldBe([p2.Sku, from.Code, 1m, 3m]);
        (await Make.OnHand(from.Id, p1.Id)).ShouldBe(5m);
        (await Make.Query(db => db.StockBalances.CountAsync(b => b.WarehouseId == to.Id))).ShouldBe(0);
        (await Make.Query(db => db.StockMovements.CountAsync(m => m.CorrelationId == correlation))).ShouldBe(0);
    }

    [Fact]
    public async Task Refusals_name_the_missing_or_closed_warehouse_or_product()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        var closed = await Make.Warehouse();
        await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var w = await db.Warehouses.SingleAsync(x => x.Id == closed.Id);
            w.Update(w.Code, w.Name, w.Address, w.ProvinceCode, w.RegencyCode, false, sp.GetRequiredService<IndonesianAreas>());
            await db.SaveChangesAsync();
        });

        (await Make.Post("X-0")).Errors.Single().Code.ShouldBe("Stock.NoLines");
        (await Make.Receive(Guid.CreateVersion7(), product.Id, 1)).Errors.Single().Code.ShouldBe("Stock.WarehouseNotFound");
        (await Make.Receive(closed.Id, product.Id, 1)).Errors.Single().Code.ShouldBe("Stock.WarehouseInactive");
        (await Make.Receive(warehouse.Id, Guid.CreateVersion7(), 1)).Errors.Single().Code.ShouldBe("Stock.ProductNotFound");
        (await Make.Post("X-1", new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, 1))).Errors.Single().Code.ShouldBe("Stock.QuantitySign");
        (await Make.Query(db => db.StockMovements.CountAsync(m => m.ProductId == product.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Other_pending_changes_are_saved_with_the_posting_and_not_without_it()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        async Task<(Result Result, Guid Added)> PostWithPendingWarehouse(decimal quantity) => await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var added = Warehouse.Create(Builders.Unique("WH"), "Gudang Baru", null, null, "31", null, sp.GetRequiredService<IndonesianAreas>());
            db.Warehouses.Add(added);
            var result = await sp.GetRequiredService<StockLedger>().PostAsync(db, new StockDocument(StockLedger.DocumentAdjustment, Builders.Unique("ADJ")),
                [new StockLine(warehouse.Id, product.Id, MovementType.Adjustment, quantity, "uji")]);
            return (result, added.Id);
        });

        var (ok, kept) = await PostWithPendingWarehouse(4);
        ok.Errors.ShouldBeEmpty();
        var (refused, dropped) = await PostWithPendingWarehouse(-5);
        refused.Errors.Single().Code.ShouldBe("Stock.Insufficient");

        (await Make.Query(db => db.Warehouses.CountAsync(w => w.Id == kept || w.Id == dropped))).ShouldBe(1);
        (await Make.Query(db => db.Warehouses.AnyAsync(w => w.Id == kept))).ShouldBeTrue();
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(4m);
        (await Make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(4m);
    }

    [Fact]
    public async Task A_tenant_that_allows_negative_stock_may_ship_below_zero()
    {
        var other = new Builders(app, "other");
        var product = await other.Product();
        var warehouse = await other.Warehouse();
        await SetAllowNegative("other", true);
        try
        {
            (await other.Post("DO-NEG", new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -2m))).Errors.ShouldBeEmpty();
            (await other.Receive(warehouse.Id, product.Id, 0.5m)).Errors.ShouldBeEmpty();
            (await other.OnHand(warehouse.Id, product.Id)).ShouldBe(-1.5m);
            (await other.LedgerSum(warehouse.Id, product.Id)).ShouldBe(-1.5m);
        }
        finally
        {
            await SetAllowNegative("other", false);
        }
        (await other.Post("DO-NEG-2", new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -1m))).Errors.Single()
            .Args.ShouldBe([product.Sku, warehouse.Code, -1.5m, 1m]);
    }

    private Task SetAllowNegative(string tenant, bool allow) => app.InTenant(tenant, async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
        var t = await db.Tenants.SingleAsync(x => x.Id == db.CurrentTenantId);
        t.SetStockRules(allow, t.PartnersSeeSubPartners);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_warehouse_with_an_open_count_refuses_other_movements()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 5);
        var number = Builders.Unique("SOP");
        await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.StockAudits.Add(StockAudit.Open(number, warehouse.Id, false, null,
                new Dictionary<Guid, decimal> { [product.Id] = 5 }, DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();
        });

        var result = await Make.Receive(warehouse.Id, product.Id, 1);
        result.Errors.Single().Code.ShouldBe("Stock.WarehouseFrozen");
        result.Errors.Single().Args.ShouldBe([number]);
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(5m);
    }

    [Fact]
    public async Task A_ledger_movement_cannot_be_edited_or_deleted()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 2);
        await Should.ThrowAsync<InvalidOperationException>(() => Make.Query(async db =>
        {
            db.StockMovements.Remove(await db.StockMovements.FirstAsync(m => m.WarehouseId == warehouse.Id));
            return await db.SaveChangesAsync();
        }));
        (await Make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(2m);
    }

    [Fact]
    public async Task Document_numbers_are_consecutive_and_a_rolled_back_one_is_reused()
    {
        var name = Builders.Unique("SEQ");
        async Task<long> Take(bool commit) => await Make.Query(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var n = await NumberSequences.NextAsync(db, name, "2026");
            if (commit) await tx.CommitAsync(); else await tx.RollbackAsync();
            return n;
        });
        (await Take(true)).ShouldBe(1);
        (await Take(false)).ShouldBe(2);
        (await Take(true)).ShouldBe(2);
    }
}

public sealed class StockLedgerTests_Sqlite(SqliteApp app) : StockLedgerTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class StockLedgerTests_Postgres(PostgresApp app) : StockLedgerTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    private readonly PostgresApp _app = app;

    [Fact]
    public async Task Racing_shipments_never_take_more_than_is_on_hand()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 10);

        // 40 postings of 1 unit race for 10 units: exactly 10 may succeed, the rest are refused.
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Make.Post($"DO-RACE-{i}", new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -1m)))));

        results.Count(r => r.Succeeded).ShouldBe(10);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Errors[0].Code == "Stock.Insufficient");
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(0m);
        (await Make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(0m);
    }

    [Fact]
    public async Task Transfers_racing_both_ways_between_two_warehouses_never_deadlock_and_keep_the_ledger()
    {
        var (p1, p2) = (await Make.Product(), await Make.Product());
        var (a, b) = (await Make.Warehouse(), await Make.Warehouse());
        foreach (var w in new[] { a, b })
        foreach (var p in new[] { p1, p2 })
            (await Make.Receive(w.Id, p.Id, 100)).Errors.ShouldBeEmpty();

        // Each transfer locks four balance rows; half go a → b with the products one way round, half b → a the other way.
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
        {
            var (from, to) = i % 2 == 0 ? (a, b) : (b, a);
            var products = i % 2 == 0 ? new[] { p1, p2 } : [p2, p1];
            var c = Guid.CreateVersion7();
            return Make.Post($"TRF-RACE-{i}", products.SelectMany(p => new[]
            {
                new StockLine(from.Id, p.Id, MovementType.TransferOut, -1, null, c), new StockLine(to.Id, p.Id, MovementType.TransferIn, 1, null, c),
            }).ToArray());
        })));

        results.ShouldAllBe(r => r.Succeeded);
        foreach (var w in new[] { a, b })
        foreach (var p in new[] { p1, p2 })
            (await Make.OnHand(w.Id, p.Id)).ShouldBe(100m);
        (await Make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_posting_waiting_for_a_count_being_opened_is_refused_once_the_count_commits()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 5);
        var number = Builders.Unique("SOP");
        await _app.InTenant("demo", async sp =>
        {
            // As OpenStockAudit does: the warehouse row exclusively, then the count, committed a little later.
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Warehouses.Where(w => w.Id == warehouse.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.IsActive, w => w.IsActive));
            db.StockAudits.Add(StockAudit.Open(number, warehouse.Id, false, null, new Dictionary<Guid, decimal> { [product.Id] = 5 }, DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();

            var posting = Task.Run(() => Make.Post("DO-WAIT", new StockLine(warehouse.Id, product.Id, MovementType.ShipmentOut, -1m)));
            await Task.Delay(1000);
            posting.IsCompleted.ShouldBeFalse(); // waiting for the warehouse row
            await tx.CommitAsync();

            var result = await posting;
            result.Errors.Single().Code.ShouldBe("Stock.WarehouseFrozen");
            result.Errors.Single().Args.ShouldBe([number]);
        });
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(5m);
        (await Make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(5m);
    }

    [Fact]
    public async Task Concurrent_document_numbers_have_no_gaps_and_no_duplicates()
    {
        var name = Builders.Unique("SEQ");
        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => Make.Query(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var n = await NumberSequences.NextAsync(db, name, "2026");
            await tx.CommitAsync();
            return n;
        }))));
        numbers.Order().ShouldBe(Enumerable.Range(1, 24).Select(i => (long)i));
    }

    [Fact]
    public async Task The_app_role_cannot_update_or_delete_ledger_rows_even_with_raw_sql()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 1);
        var demo = await Make.Query(db => Task.FromResult(db.CurrentTenantId));
        await using var conn = new NpgsqlConnection(_app.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{demo}', false); DELETE FROM stock_movements", conn);
        var e = await Should.ThrowAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        e.SqlState.ShouldBe("42501"); // insufficient_privilege
    }
}
