using System.Text;
using Microsoft.EntityFrameworkCore;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Tests.Features.Import.Importers;

/// <summary>The product importer through the real preview/commit handlers, as a signed-in user, on a real database.</summary>
public abstract class ProductImportTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private const string Header = "SKU;Name;Category;Brand;Unit;WeightKg;GoodsCode;Serialised;MinStock;WarrantyPolicy;Active";
    private readonly Builders _make = new(app);

    private static byte[] Csv(params string[] lines) => TestFiles.Csv(string.Join("\n", lines));

    private Task<ImportOutcome> ImportAsync(byte[] content, string fileName = "produk.csv", string email = Admin) =>
        app.ImportAsync<ProductImporter>(email, content, fileName);

    private Task<int> ProductCount(string tenant = "demo") => new Builders(app, tenant).Query(db => db.Products.CountAsync());

    [Fact]
    public async Task A_valid_csv_is_imported_with_its_category_warranty_policy_and_values()
    {
        string a = Builders.Unique("IMP"), b = Builders.Unique("IMP");
        var outcome = await ImportAsync(Csv(Header,
            $"{a.ToLowerInvariant()};Kipas Angin Berdiri;dapur;Nusantara;pcs;3,5;85167100;tidak;12;Garansi 6 bulan (kirim + 14 hari);ya",
            $"{b};AC Cassette 2 PK;AC;;UNIT;;;ya;;garansi 36 BULAN kompresor;tidak"));

        outcome.Written.ShouldBe(2);
        var saved = await _make.Query(db => db.Products.AsNoTracking().Where(p => p.Sku == a || p.Sku == b).OrderBy(p => p.Sku == b).ToListAsync());
        var categories = await _make.Query(db => db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id));
        var policies = await _make.Query(db => db.WarrantyPolicies.ToDictionaryAsync(p => p.Name, p => p.Id));
        saved.Select(p => (p.Sku, p.Name, p.CategoryId, p.Brand, p.Unit, p.WeightKg, p.GoodsCode, p.IsSerialised, p.MinStockDefault, p.WarrantyPolicyId, p.IsActive))
            .ShouldBe([
                (a, "Kipas Angin Berdiri", (Guid?)categories["DAPUR"], "Nusantara", "PCS", (decimal?)3.5m, "85167100", false, 12m,
                    (Guid?)policies["Garansi 6 bulan (kirim + 14 hari)"], true),
                (b, "AC Cassette 2 PK", categories["AC"], null, "UNIT", null, null, true, 0m, policies["Garansi 36 bulan kompresor"], false),
            ]);
    }

    [Fact]
    public async Task A_valid_workbook_is_imported()
    {
        var sku = Builders.Unique("XL");
        var outcome = await ImportAsync(TestFiles.Xlsx(
            ["SKU", "Nama", "Kategori", "Satuan", "WeightKg", "MinStock", "Serialised"],
            [sku, "Smart TV 75 inci", "TV", "UNIT", 28.5, 3, "ya"]), "produk.xlsx");

        outcome.Written.ShouldBe(1);
        var product = await _make.Query(db => db.Products.AsNoTracking().SingleAsync(p => p.Sku == sku));
        (product.Name, product.WeightKg, product.MinStockDefault, product.IsSerialised).ShouldBe(("Smart TV 75 inci", (decimal?)28.5m, 3m, true));
    }

    [Fact]
    public async Task Wrong_columns_are_file_errors_and_nothing_is_written()
    {
        var before = await ProductCount();

        var outcome = await ImportAsync(Csv("SKU;Nama Produk;Category;Unit", $"{Builders.Unique("IMP")};Kipas;DAPUR;PCS"));

        outcome.Problems.ShouldBe([(null, null, "Import.UnknownColumn"), (null, null, "Import.MissingColumn")], ignoreOrder: true);
        outcome.Errors.Single(e => e.Code == "Import.MissingColumn").Args.ShouldBe(["Name"]);
        outcome.Commit!.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.HasErrors");
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_numbers_and_booleans_are_reported_on_their_row_and_column()
    {
        var before = await ProductCount();

        var outcome = await ImportAsync(Csv(Header,
            $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;berat;;tidak;1;;ya",
            $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;1;;tidak;1.500;;ya",
            $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;1;;mungkin;1;;ya",
            $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;-2;;tidak;1;;ya"));

        outcome.Problems.ShouldBe([
            (2, "WeightKg", "Import.NumberInvalid"), (3, "MinStock", "Import.NumberAmbiguous"), (4, "Serialised", "Import.BooleanInvalid"),
            (5, "WeightKg", "Import.NumberTooSmall"),
        ]);
        outcome.ShouldHaveWrittenNothing();
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sku_twice_in_the_file_marks_the_second_row()
    {
        var sku = Builders.Unique("IMP");
        var before = await ProductCount();

        var outcome = await ImportAsync(Csv(Header, $"{sku};Kipas;DAPUR;;PCS;;;;;;", $"{sku.ToLowerInvariant()};Kipas 2;DAPUR;;PCS;;;;;;"));

        outcome.Problems.ShouldBe([(3, "SKU", "Import.Duplicate")]);
        outcome.Errors.Single().Args[1].ShouldBe(2);
        outcome.ShouldHaveWrittenNothing();
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sku_that_already_exists_in_the_tenant_is_refused()
    {
        var before = await ProductCount();

        var outcome = await ImportAsync(Csv(Header, $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;;;;;;", "ac-10-inv;AC lagi;AC;;UNIT;;;;;;"));

        outcome.Problems.ShouldBe([(3, "SKU", "Import.SkuExists")]);
        outcome.Errors.Single().Args.ShouldBe(["AC-10-INV"]);
        outcome.ShouldHaveWrittenNothing();
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Unknown_categories_and_warranty_policies_are_refused()
    {
        var before = await ProductCount();

        var outcome = await ImportAsync(Csv(Header,
            $"{Builders.Unique("IMP")};Kipas;MAINAN;;PCS;;;;;;",
            $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;;;;;Garansi Seumur Hidup;"));

        outcome.Problems.ShouldBe([(2, "Category", "Import.CategoryNotFound"), (3, "WarrantyPolicy", "Import.WarrantyPolicyNotFound")]);
        outcome.ShouldHaveWrittenNothing();
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task The_products_own_rules_are_reported_on_their_columns()
    {
        var outcome = await ImportAsync(Csv(Header,
            $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;;12AB;;;;",
            "AC 10;Kipas;DAPUR;;PCS;;;;;;"));

        outcome.Problems.ShouldBe([(2, "GoodsCode", "Product.GoodsCodeInvalid"), (3, "SKU", "Code.Invalid")]);
        outcome.ShouldHaveWrittenNothing();
    }

    [Fact]
    public async Task Empty_files_and_files_without_rows_are_refused()
    {
        var before = await ProductCount();

        var empty = await ImportAsync([], "produk.csv");
        var headerOnly = await ImportAsync(Csv(Header), "produk.csv");

        empty.Preview.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.FileEmpty");
        headerOnly.Preview.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.NoDataRows");
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_text_file_renamed_to_xlsx_is_refused()
    {
        var outcome = await ImportAsync(Csv(Header, $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;;;;;;"), "produk.xlsx");

        outcome.Preview.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.NotXlsx");
        outcome.Commit.ShouldBeNull();
    }

    [Fact]
    public async Task One_bad_row_after_a_thousand_good_ones_imports_nothing()
    {
        var prefix = Builders.Unique("BULK");
        var lines = new StringBuilder(Header);
        for (var i = 1; i <= 1000; i++) lines.Append($"\n{prefix}-{i:D4};Produk massal {i};DAPUR;;PCS;1,25;;tidak;{i % 7};;ya");
        lines.Append($"\n{prefix}-BAD;Produk rusak;TIDAK-ADA;;PCS;;;;;;");
        var before = await ProductCount();

        var outcome = await ImportAsync(Encoding.UTF8.GetBytes(lines.ToString()));

        outcome.Problems.ShouldBe([(1002, "Category", "Import.CategoryNotFound")]);
        (outcome.Preview.Value!.RowCount, outcome.Preview.Value.ValidCount).ShouldBe((1001, 1000));
        outcome.ShouldHaveWrittenNothing();
        (await ProductCount()).ShouldBe(before);
        (await _make.Query(db => db.Products.CountAsync(p => p.Sku.StartsWith(prefix)))).ShouldBe(0);
    }

    [Fact]
    public async Task A_warehouse_user_can_neither_preview_nor_commit_a_product_import()
    {
        var file = Csv(Header, $"{Builders.Unique("IMP")};Kipas;DAPUR;;PCS;;;;;;");
        var preview = await app.PreviewImportAsync<ProductImporter>(Admin, file, "produk.csv");
        var before = await ProductCount();

        var previewed = await app.PreviewImportAsync<ProductImporter>("warehouse@demo.test", file, "produk.csv");
        var committed = await app.CommitImportAsync<ProductImporter>("warehouse@demo.test", preview.Value!);

        previewed.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        committed.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await ProductCount()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_sku_is_imported_in_two_tenants_without_touching_the_other()
    {
        var sku = Builders.Unique("BOTH");
        var demoBefore = await ProductCount();

        (await ImportAsync(Csv(Header, $"{sku};Produk demo;DAPUR;;PCS;;;;;;"))).Written.ShouldBe(1);
        var other = await ImportAsync(Csv(Header, $"{sku};Produk other;DAPUR;;PCS;;;;;;", "ac-05-inv;Sudah ada di other;AC;;UNIT;;;;;;"),
            email: "admin@other.test");
        other.Problems.ShouldBe([(3, "SKU", "Import.SkuExists")]); // the other tenant's own catalog, not demo's
        (await ImportAsync(Csv(Header, $"{sku};Produk other;DAPUR;;PCS;;;;;;"), email: "admin@other.test")).Written.ShouldBe(1);

        (await ProductCount()).ShouldBe(demoBefore + 1);
        (await _make.Query(db => db.Products.SingleAsync(p => p.Sku == sku))).Name.ShouldBe("Produk demo");
        (await new Builders(app, "other").Query(db => db.Products.SingleAsync(p => p.Sku == sku))).Name.ShouldBe("Produk other");
    }
}

public sealed class ProductImportTests_Sqlite(SqliteApp app) : ProductImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ProductImportTests_Postgres(PostgresApp app) : ProductImportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
