using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Tests.Features.Import.Importers;

public abstract class SellOutImportTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private const string Header = "Date;Reference;WarehouseCode;CustomerName;CustomerPhone;CustomerEmail;ProvinceCode;RegencyCode;SKU;Quantity;UnitPrice";
    private readonly Builders _make = new(app);
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

    private static byte[] Csv(params string[] lines) => TestFiles.Csv(string.Join("\n", lines));

    /// <summary>A phone number no other test uses (customers are found again by phone).</summary>
    private static string Phone() => "0812" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    private Task<ImportOutcome> ImportAsync(string email, byte[] content, string fileName = "sell-out.csv") =>
        app.ImportAsync<SellOutImporter>(email, content, fileName);

    /// <summary>A distributor with one warehouse holding 10 of p1 and 5 of p2, and a user of that distributor.</summary>
    private async Task<(string User, Warehouse Warehouse, Sidig.Domain.Catalog.Product P1, Sidig.Domain.Catalog.Product P2)> PartnerWithStock()
    {
        var partner = await _make.Partner();
        var warehouse = await _make.Warehouse(partner.Id);
        var (p1, p2) = (await _make.Product(), await _make.Product());
        (await _make.Receive(warehouse.Id, p1.Id, 10)).Succeeded.ShouldBeTrue();
        (await _make.Receive(warehouse.Id, p2.Id, 5)).Succeeded.ShouldBeTrue();
        return (await PartnerUsers.CreateAsync(app, partner.Id), warehouse, p1, p2);
    }

    private Task<(int SellOuts, int Movements, int Customers)> Counts() =>
        _make.Query(async db => (await db.SellOuts.CountAsync(), await db.StockMovements.CountAsync(), await db.Customers.CountAsync()));

    [Fact]
    public async Task Two_sales_one_with_two_lines_are_recorded_with_movements_and_customers()
    {
        var (user, warehouse, p1, p2) = await PartnerWithStock();
        var (phoneA, phoneB) = (Phone(), Phone());
        var reference = Builders.Unique("NOTA");

        var outcome = await ImportAsync(user, Csv(Header,
            $"{Yesterday};{reference};{warehouse.Code};Budi Santoso;{phoneA};budi@example.com;31;31.71;{p1.Sku};2;4500000",
            $"{Yesterday};{reference};;Budi Santoso;{phoneA};;31;31.71;{p2.Sku.ToLowerInvariant()};1;",
            $"{Yesterday};;;Siti Aminah;{phoneB};;;;{p1.Sku};1,5;1200000"));

        outcome.Written.ShouldBe(3);
        var sales = await _make.Query(db => db.SellOuts.AsNoTracking().Include(s => s.Lines).Where(s => s.WarehouseId == warehouse.Id).ToListAsync());
        sales.Count.ShouldBe(2);
        sales.ShouldAllBe(s => s.Source == SellOutSource.Import);
        var withReference = sales.Single(s => s.Reference == reference);
        withReference.Lines.Count.ShouldBe(2);
        withReference.Lines.Single(l => l.ProductId == p1.Id).ShouldSatisfyAllConditions(l => l.Quantity.ShouldBe(2m), l => l.UnitPrice.ShouldBe(4_500_000m));
        withReference.Lines.Single(l => l.ProductId == p2.Id).UnitPrice.ShouldBeNull();
        sales.Single(s => s.Reference == null).Lines.ShouldHaveSingleItem().Quantity.ShouldBe(1.5m);
        (await _make.OnHand(warehouse.Id, p1.Id)).ShouldBe(6.5m);
        (await _make.OnHand(warehouse.Id, p2.Id)).ShouldBe(4m);
        var numbers = sales.Select(s => s.Number).ToList();
        var movements = await _make.Query(db => db.StockMovements.AsNoTracking().Where(m => m.WarehouseId == warehouse.Id && m.Type == MovementType.SellOut).ToListAsync());
        movements.Count.ShouldBe(3);
        movements.ShouldAllBe(m => m.DocumentType == StockLedger.DocumentSellOut && numbers.Contains(m.DocumentNumber));
        var customerIds = sales.Select(s => s.CustomerId).ToList();
        var customers = await _make.Query(db => db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToListAsync());
        customers.Count.ShouldBe(2);
        customers.Single(c => c.Name == "Budi Santoso").ShouldSatisfyAllConditions(c => c.Email.ShouldBe("budi@example.com"), c => c.RegencyCode.ShouldBe("31.71"));
        customers.ShouldContain(c => c.Name == "Siti Aminah");
        (await _make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_partner_user_may_not_sell_from_another_partners_warehouse_and_nothing_is_written()
    {
        var (user, warehouse, p1, _) = await PartnerWithStock();
        var other = await _make.Warehouse((await _make.Partner()).Id);
        (await _make.Receive(other.Id, p1.Id, 10)).Succeeded.ShouldBeTrue();
        var before = await Counts();

        var outcome = await ImportAsync(user, Csv(Header,
            $"{Yesterday};;{warehouse.Code};Budi;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};;{other.Code};Siti;{Phone()};;;;{p1.Sku};1;"));

        outcome.Problems.ShouldBe([(3, "WarehouseCode", "Import.SellOutWarehouseNotAllowed")]);
        outcome.ShouldHaveWrittenNothing();
        (await Counts()).ShouldBe(before);
        (await _make.OnHand(other.Id, p1.Id)).ShouldBe(10m);
        (await _make.OnHand(warehouse.Id, p1.Id)).ShouldBe(10m);
    }

    [Fact]
    public async Task One_bad_row_among_many_writes_nothing()
    {
        var (user, warehouse, p1, p2) = await PartnerWithStock();
        var before = await Counts();
        var future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");

        var outcome = await ImportAsync(user, Csv(Header,
            $"{Yesterday};A-1;;Budi;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};A-2;;Siti;{Phone()};;;;{p2.Sku};1;",
            $"{future};A-3;;Joko;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};A-4;;Ani;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};A-5;;Dewi;{Phone()};;;;{p2.Sku};1;"));

        outcome.Problems.ShouldBe([(4, "Date", "SellOut.DateInFuture")]);
        outcome.ShouldHaveWrittenNothing();
        (await Counts()).ShouldBe(before);
        (await _make.OnHand(warehouse.Id, p1.Id)).ShouldBe(10m);
    }

    [Fact]
    public async Task Unknown_codes_bad_numbers_bad_dates_and_customers_are_refused_on_their_rows()
    {
        var (user, warehouse, p1, _) = await PartnerWithStock();
        var before = await Counts();

        var outcome = await ImportAsync(user, Csv(Header,
            $"{Yesterday};;GUDANG-HILANG;Budi;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};;;Siti;{Phone()};;;;SKU-HILANG;1;",
            $"{Yesterday};;;Joko;{Phone()};;;;{p1.Sku};banyak;",
            $"{Yesterday};;;Ani;{Phone()};;;;{p1.Sku};1;-5",
            $"12/31/2025;;;Dewi;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};;;Rina;{Phone()};;99;;{p1.Sku};1;"));

        outcome.Problems.ShouldBe([
            (2, "WarehouseCode", "Import.SellOutWarehouseNotAllowed"), (3, "SKU", "Import.ProductNotFound"), (4, "Quantity", "Import.NumberInvalid"),
            (5, "UnitPrice", "Import.NumberTooSmall"), (6, "Date", "Import.DateInvalid"), (7, "ProvinceCode", "Address.ProvinceInvalid"),
        ]);
        outcome.ShouldHaveWrittenNothing();
        (await Counts()).ShouldBe(before);
    }

    [Fact]
    public async Task Insufficient_stock_is_refused_on_the_row_that_runs_out_and_nothing_is_written()
    {
        var (user, warehouse, p1, p2) = await PartnerWithStock();
        var before = await Counts();

        var outcome = await ImportAsync(user, Csv(Header,
            $"{Yesterday};N-1;;Budi;{Phone()};;;;{p1.Sku};6;",
            $"{Yesterday};N-1;;Budi;;;;;{p2.Sku};5;",
            $"{Yesterday};N-2;;Siti;{Phone()};;;;{p1.Sku};5;"));

        outcome.Problems.ShouldBe([(4, "Quantity", "Stock.Insufficient")]);
        outcome.Errors.Single().Args[0].ShouldBe(p1.Sku);
        outcome.Errors.Single().Args[2].ShouldBe(4m);
        outcome.ShouldHaveWrittenNothing();
        (await Counts()).ShouldBe(before);
        (await _make.OnHand(warehouse.Id, p1.Id)).ShouldBe(10m);
        (await _make.OnHand(warehouse.Id, p2.Id)).ShouldBe(5m);
    }

    [Fact]
    public async Task Stock_taken_after_the_preview_is_caught_by_the_commit_and_ledger_refusals_are_put_on_their_row()
    {
        var (user, warehouse, p1, p2) = await PartnerWithStock();
        var file = Csv(Header,
            $"{Yesterday};R-1;;Budi;{Phone()};;;;{p1.Sku};2;",
            $"{Yesterday};R-2;;Siti;{Phone()};;;;{p1.Sku};1;",
            $"{Yesterday};R-2;;Siti;;;;;{p2.Sku};3;");
        var preview = await app.PreviewImportAsync<SellOutImporter>(user, file, "sell-out.csv");
        preview.Value!.Errors.ShouldBeEmpty();
        (await _make.Post(Builders.Unique("ISS"), new StockLine(warehouse.Id, p2.Id, MovementType.ShipmentOut, -4))).Succeeded.ShouldBeTrue();
        var before = await Counts();

        // The check of the commit sees the new stock: the file changed since the preview.
        var commit = await app.CommitImportAsync<SellOutImporter>(user, preview.Value);
        commit.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.ChangedSincePreview");

        // Saving itself maps the ledger's refusal to the row of the line that ran out.
        var groups = new List<List<Sidig.Web.Features.Import.ImportRow<SellOutImportRow>>>
        {
            new() { new(2, new SellOutImportRow { Sku = p1.Sku }) },
            new() { new(3, new SellOutImportRow { Sku = p1.Sku }), new(4, new SellOutImportRow { Sku = p2.Sku }) },
        };
        var mapped = SellOutImporter.OnRow(new("Stock.Insufficient", "[1]", p2.Sku, warehouse.Code, 1m, 3m), groups).ToList();
        mapped.Select(e => (e.Code, e.Field)).ShouldBe([("Import.SaveFailedOnRow", "Quantity"), ("Stock.Insufficient", "[1]")]);
        mapped[0].Args[0].ShouldBe(4);
        SellOutImporter.OnRow(new("Customer.NameRequired", "[0].CustomerName"), groups).First().ShouldSatisfyAllConditions(
            e => e.Args[0].ShouldBe(2), e => e.Field.ShouldBe("CustomerName"));
        (await Counts()).ShouldBe(before);
        (await _make.OnHand(warehouse.Id, p1.Id)).ShouldBe(10m);
    }

    [Fact]
    public async Task Staff_import_a_workbook_for_a_partner_warehouse()
    {
        var (_, warehouse, p1, _) = await PartnerWithStock();
        var phone = Phone();

        var outcome = await ImportAsync(Admin, TestFiles.Xlsx(
            ["Tanggal", "NoNota", "KodeGudang", "NamaPelanggan", "TeleponPelanggan", "SKU", "Jumlah", "HargaSatuan"],
            [Yesterday, "X-1", warehouse.Code, "Toko Maju", phone, p1.Sku, 3, 1500000]), "sell-out.xlsx");

        outcome.Written.ShouldBe(1);
        var sale = await _make.Query(db => db.SellOuts.AsNoTracking().Include(s => s.Lines).SingleAsync(s => s.WarehouseId == warehouse.Id));
        sale.Reference.ShouldBe("X-1");
        sale.RecordedBy.ShouldBe(Admin);
        sale.Lines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(l => l.Quantity.ShouldBe(3m), l => l.UnitPrice.ShouldBe(1_500_000m));
        (await _make.OnHand(warehouse.Id, p1.Id)).ShouldBe(7m);
    }

    [Fact]
    public async Task A_partner_user_finds_the_import_button_on_the_sell_out_page_and_gets_the_template()
    {
        var (user, _, _, _) = await PartnerWithStock();
        using var client = await app.Client("demo").SignedInAs(user);

        var html = await client.Http.GetStringAsync("/sell-out");
        var template = await client.Http.GetAsync($"/import/{SellOutImporter.ImportName}/template.csv");

        html.ShouldContain("data-testid=\"sell-out-import\"");
        template.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF').ShouldStartWith("Date");
        using var warehouse = await app.Client("demo").SignedInAs("warehouse@demo.test");
        (await warehouse.Http.GetAsync($"/import/{SellOutImporter.ImportName}/template.csv")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Staff_must_name_the_warehouse()
    {
        var (_, _, p1, _) = await PartnerWithStock();

        var outcome = await ImportAsync(Admin, Csv(Header, $"{Yesterday};;;Budi;{Phone()};;;;{p1.Sku};1;"));

        outcome.Problems.ShouldBe([(2, "WarehouseCode", "Validation.Required")]);
        outcome.ShouldHaveWrittenNothing();
    }
}

public sealed class SellOutImportTests_Sqlite(SqliteApp app) : SellOutImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class SellOutImportTests_Postgres(PostgresApp app) : SellOutImportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
