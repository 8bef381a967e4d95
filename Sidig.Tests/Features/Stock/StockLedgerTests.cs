using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
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
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(3m);
        (await Make.Query(db => db.StockMovements.CountAsync(m => m.WarehouseId == warehouse.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_warehouse_with_an_open_count_refuses_other_movements()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 5);
        await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.StockAudits.Add(StockAudit.Open(Builders.Unique("SOP"), warehouse.Id, false, null,
                new Dictionary<Guid, decimal> { [product.Id] = 5 }, DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();
        });

        var result = await Make.Receive(warehouse.Id, product.Id, 1);
        result.Errors.Single().Code.ShouldBe("Stock.WarehouseFrozen");
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
