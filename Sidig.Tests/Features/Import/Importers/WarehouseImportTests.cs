using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Tests.Features.Import.Importers;

public abstract class WarehouseImportTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private const string Header = "Code;Name;OwnerPartnerCode;Address;ProvinceCode;RegencyCode";
    private readonly Builders _make = new(app);

    private static byte[] Csv(params string[] lines) => TestFiles.Csv(string.Join("\n", lines));

    private Task<ImportOutcome> ImportAsync(byte[] content, string fileName = "gudang.csv", string email = Admin) =>
        app.ImportAsync<WarehouseImporter>(email, content, fileName);

    private Task<int> WarehouseCount() => _make.Query(db => db.Warehouses.CountAsync());

    private Task<Warehouse> Find(string code) => _make.Query(db => db.Warehouses.AsNoTracking().SingleAsync(w => w.Code == code));

    [Fact]
    public async Task A_valid_csv_creates_principal_and_partner_warehouses()
    {
        string own = Builders.Unique("WH"), partner = Builders.Unique("WH");
        var outcome = await ImportAsync(Csv(Header,
            $"{own.ToLowerInvariant()};Gudang Transit Karawang;;Jl. Industri 5;32;32.15",
            $"{partner};Gudang Sinar Jaya Bekasi;dist-jkt;;32;"), email: "warehouse@demo.test");

        outcome.Written.ShouldBe(2);
        var distJkt = await _make.Query(db => db.Partners.SingleAsync(p => p.Code == "DIST-JKT"));
        var (o, p) = (await Find(own), await Find(partner));
        (o.Name, o.OwnerPartnerId, o.Address, o.ProvinceCode, o.RegencyCode, o.IsActive)
            .ShouldBe(("Gudang Transit Karawang", (Guid?)null, "Jl. Industri 5", "32", "32.15", true));
        (p.OwnerPartnerId, p.ProvinceCode, p.RegencyCode).ShouldBe(((Guid?)distJkt.Id, "32", (string?)null));
    }

    [Fact]
    public async Task A_valid_workbook_is_imported()
    {
        var code = Builders.Unique("WH");
        var outcome = await ImportAsync(TestFiles.Xlsx(["Kode", "Nama", "Pemilik", "KodeProvinsi"], [code, "Gudang Excel", "DIST-SBY", 35]), "gudang.xlsx");

        outcome.Written.ShouldBe(1);
        (await Find(code)).ProvinceCode.ShouldBe("35");
    }

    [Fact]
    public async Task Unknown_owners_used_codes_and_wrong_areas_are_refused()
    {
        var code = Builders.Unique("WH");
        var before = await WarehouseCount();

        var outcome = await ImportAsync(Csv(Header,
            $"{Builders.Unique("WH")};Gudang A;MITRA-HILANG;;;",
            "wh-ckr;Gudang Cikarang Lagi;;;;",
            $"{Builders.Unique("WH")};Gudang C;;;31;35.78",
            $"{code};Gudang D;;;;",
            $"{code};Gudang E;;;;"));

        outcome.Problems.ShouldBe([
            (2, "OwnerPartnerCode", "Import.PartnerNotFound"), (3, "Code", "Import.CodeExists"), (4, "RegencyCode", "Address.RegencyNotInProvince"),
            (6, "Code", "Import.Duplicate"),
        ]);
        outcome.ShouldHaveWrittenNothing();
        (await WarehouseCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sales_user_may_not_import_warehouses()
    {
        var before = await WarehouseCount();

        var outcome = await ImportAsync(Csv(Header, $"{Builders.Unique("WH")};Gudang Sales;;;;"), email: "sales@demo.test");

        outcome.Preview.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await WarehouseCount()).ShouldBe(before);
    }
}

public sealed class WarehouseImportTests_Sqlite(SqliteApp app) : WarehouseImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class WarehouseImportTests_Postgres(PostgresApp app) : WarehouseImportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
