using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Tests.Features.Import.Importers;

public abstract class OpeningStockImportTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private const string Header = "WarehouseCode;SKU;Quantity;MinLevel";
    private readonly Builders _make = new(app);

    private static byte[] Csv(params string[] lines) => TestFiles.Csv(string.Join("\n", lines));

    private Task<ImportOutcome> ImportAsync(byte[] content, string fileName = "stok-awal.csv", string email = Admin,
        IProgress<ImportProgress>? progress = null) =>
        app.ImportAsync<OpeningStockImporter>(email, content, fileName, progress);

    private Task<(int Movements, int Balances)> Counts() =>
        _make.Query(async db => (await db.StockMovements.CountAsync(), await db.StockBalances.CountAsync()));

    private Task<StockBalance?> Balance(Guid warehouseId, Guid productId) =>
        _make.Query(db => db.StockBalances.AsNoTracking().SingleOrDefaultAsync(b => b.WarehouseId == warehouseId && b.ProductId == productId));

    [Fact]
    public async Task A_valid_csv_is_posted_as_one_opening_document_with_min_levels()
    {
        var (w1, w2) = (await _make.Warehouse(), await _make.Warehouse());
        var (p1, p2) = (await _make.Product(), await _make.Product());
        var distJkt = await _make.Query(db => db.Partners.SingleAsync(p => p.Code == "DIST-JKT"));
        var partnerWarehouse = await _make.Warehouse(distJkt.Id);

        var outcome = await ImportAsync(Csv(Header,
            $"{w1.Code.ToLowerInvariant()};{p1.Sku};10;2",
            $"{w1.Code};{p2.Sku.ToLowerInvariant()};2,5;",
            $"{w2.Code};{p1.Sku};0,125;0",
            $"{partnerWarehouse.Code};{p2.Sku};7;"), email: "warehouse@demo.test");

        outcome.Written.ShouldBe(4);
        (await Balance(w1.Id, p1.Id)).ShouldNotBeNull().ShouldSatisfyAllConditions(b => b.OnHand.ShouldBe(10m), b => b.MinLevel.ShouldBe(2m));
        (await Balance(w1.Id, p2.Id))!.ShouldSatisfyAllConditions(b => b.OnHand.ShouldBe(2.5m), b => b.MinLevel.ShouldBeNull());
        (await Balance(w2.Id, p1.Id))!.ShouldSatisfyAllConditions(b => b.OnHand.ShouldBe(0.125m), b => b.MinLevel.ShouldBe(0m));
        (await Balance(partnerWarehouse.Id, p2.Id))!.OnHand.ShouldBe(7m);
        var ids = new[] { w1.Id, w2.Id, partnerWarehouse.Id };
        var movements = await _make.Query(db => db.StockMovements.AsNoTracking().Where(m => ids.Contains(m.WarehouseId)).ToListAsync());
        movements.Count.ShouldBe(4);
        movements.ShouldAllBe(m => m.Type == MovementType.Opening && m.DocumentType == StockLedger.DocumentOpening && m.UserName == "warehouse@demo.test");
        movements.Select(m => m.DocumentNumber).Distinct().ShouldHaveSingleItem().ShouldMatch(@"^OPEN/\d{8}-\d{4}$");
        (await _make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_valid_workbook_is_posted()
    {
        var warehouse = await _make.Warehouse();
        var product = await _make.Product();

        var outcome = await ImportAsync(TestFiles.Xlsx(["KodeGudang", "SKU", "Jumlah", "StokMinimum"], [warehouse.Code, product.Sku, 12.5, 4]), "stok-awal.xlsx");

        outcome.Written.ShouldBe(1);
        (await Balance(warehouse.Id, product.Id))!.ShouldSatisfyAllConditions(b => b.OnHand.ShouldBe(12.5m), b => b.MinLevel.ShouldBe(4m));
        (await _make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(12.5m);
        (await _make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_warehouse_under_an_open_count_is_refused_and_nothing_is_posted()
    {
        var product = await _make.Product();
        var warehouse = await _make.Warehouse();
        var before = await Counts();

        // WH-DIST-MDN has the demo's open stock count.
        var outcome = await ImportAsync(Csv(Header, $"{warehouse.Code};{product.Sku};5;", $"WH-DIST-MDN;{product.Sku};5;1"));

        outcome.Problems.ShouldBe([(3, "WarehouseCode", "Import.WarehouseFrozen")]);
        outcome.Errors.Single().Args[0].ShouldBe("WH-DIST-MDN");
        outcome.ShouldHaveWrittenNothing();
        (await Counts()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_codes_duplicates_and_bad_quantities_are_refused()
    {
        var product = await _make.Product();
        var warehouse = await _make.Warehouse();
        var before = await Counts();

        var outcome = await ImportAsync(Csv(Header,
            $"{warehouse.Code};{product.Sku};5;",
            $"GUDANG-HILANG;{product.Sku};5;",
            $"{warehouse.Code};SKU-HILANG;5;",
            $"{warehouse.Code.ToLowerInvariant()};{product.Sku};1;",
            $"{warehouse.Code};AC-10-INV;0;",
            $"{warehouse.Code};AC-05-INV;-3;",
            $"{warehouse.Code};KL-1P-180;1,2345;",
            $"{warehouse.Code};KL-2P-250;1;-1",
            $"{warehouse.Code};TV-32-HD;banyak;"));

        outcome.Problems.ShouldBe([
            (3, "WarehouseCode", "Import.WarehouseNotFound"), (4, "SKU", "Import.ProductNotFound"), (5, "SKU", "Import.Duplicate"),
            (6, "Quantity", "Import.QuantityPositive"), (7, "Quantity", "Import.QuantityPositive"), (8, "Quantity", "Import.QuantityPrecision"),
            (9, "MinLevel", "Import.QuantityNegative"), (10, "Quantity", "Import.NumberInvalid"),
        ]);
        outcome.ShouldHaveWrittenNothing();
        (await Counts()).ShouldBe(before);
    }

    [Fact]
    public async Task A_count_opened_between_the_check_and_the_posting_rolls_back_everything()
    {
        var (w1, w2) = (await _make.Warehouse(), await _make.Warehouse());
        var product = await _make.Product();
        var before = await Counts();
        var opened = false;
        var progress = new Reporter(p =>
        {
            if (p.Stage != ImportStage.Saving || opened) return;
            opened = true;
            Task.Run(() => app.InTenant("demo", async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
                db.StockAudits.Add(StockAudit.Open(Builders.Unique("SOP"), w2.Id, false, null, new Dictionary<Guid, decimal>(), DateTimeOffset.UtcNow, "test"));
                await db.SaveChangesAsync();
            })).GetAwaiter().GetResult();
        });

        var outcome = await ImportAsync(Csv(Header, $"{w1.Code};{product.Sku};5;1", $"{w2.Code};{product.Sku};5;1"), progress: progress);

        opened.ShouldBeTrue();
        outcome.Commit!.Errors.ShouldHaveSingleItem().Code.ShouldBe("Stock.WarehouseFrozen");
        (await Counts()).ShouldBe(before);
        (await Balance(w1.Id, product.Id)).ShouldBeNull();
    }

    [Fact]
    public async Task A_sales_user_may_not_post_opening_stock()
    {
        var warehouse = await _make.Warehouse();
        var product = await _make.Product();

        var outcome = await ImportAsync(Csv(Header, $"{warehouse.Code};{product.Sku};5;"), email: "sales@demo.test");

        outcome.Preview.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await Balance(warehouse.Id, product.Id)).ShouldBeNull();
    }

    /// <summary>Reports synchronously on the reporting thread.</summary>
    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class OpeningStockImportTests_Sqlite(SqliteApp app) : OpeningStockImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class OpeningStockImportTests_Postgres(PostgresApp app) : OpeningStockImportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
