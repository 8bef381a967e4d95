using System.Text;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Tests.Features.Import.Importers;

public abstract class PartnerImportTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private const string Header = "Code;LegalName;Type;ParentCode;PriceTier;NPWP;NITKU;Address;ProvinceCode;RegencyCode;PostalCode;Phone;Email;BillingEmail;"
                                  + "Territory;PaymentTermDays;CreditLimit;OverdueLimit;CommissionRate";
    private readonly Builders _make = new(app);

    private static byte[] Csv(params string[] lines) => TestFiles.Csv(string.Join("\n", lines));

    private Task<ImportOutcome> ImportAsync(byte[] content, string fileName = "mitra.csv", string email = Admin) =>
        app.ImportAsync<PartnerImporter>(email, content, fileName);

    private Task<int> PartnerCount() => _make.Query(db => db.Partners.CountAsync());

    private Task<Partner> Find(string code) => _make.Query(db => db.Partners.AsNoTracking().SingleAsync(p => p.Code == code));

    [Fact]
    public async Task A_valid_csv_links_parents_on_earlier_rows_and_existing_partners()
    {
        string dist = Builders.Unique("D"), shop = Builders.Unique("T"), agent = Builders.Unique("A");
        var outcome = await ImportAsync(Csv(Header,
            $"{dist};PT Uji Distribusi;distributor;;;0021.3456.7890.1999;;Jl. Raya Uji 1;31;31.71;10610;+62 21 555 1234;Halo@Uji.test;;31 32,36;45;750000000;75000000;",
            $"{shop.ToLowerInvariant()};Toko Uji Makmur;toko;{dist.ToLowerInvariant()};;;;;31;;;0812-3456-7890;;;31;14;50000000;0;",
            $"{agent};CV Agen Uji;agen;DIST-JKT;eceran;;;;32;32.73;;;;tagihan@agen.test;;0;0;0;2,5"));

        outcome.Written.ShouldBe(3);
        var (d, t, a) = (await Find(dist), await Find(shop), await Find(agent));
        var distJkt = await Find("DIST-JKT");
        (d.Type, d.ParentId, d.PriceTier, d.Npwp, d.Nitku, d.RegencyCode, d.Email, d.Territory, d.PaymentTermDays, d.CreditLimit, d.OverdueLimit)
            .ShouldBe((PartnerType.Distributor, (Guid?)null, PriceTier.Distributor, "0021345678901999", "0021345678901999000000", "31.71", "halo@uji.test",
                "31,32,36", 45, 750_000_000m, 75_000_000m));
        (t.Type, t.ParentId, t.PriceTier, t.Phone).ShouldBe((PartnerType.Dealer, (Guid?)d.Id, PriceTier.Dealer, "0812-3456-7890"));
        (a.Type, a.ParentId, a.PriceTier, a.CommissionRatePercent, a.BillingEmail).ShouldBe((PartnerType.Agent, (Guid?)distJkt.Id, PriceTier.Retail, (decimal?)2.5m, "tagihan@agen.test"));
    }

    [Fact]
    public async Task A_valid_workbook_whose_second_row_hangs_below_the_first_is_imported()
    {
        string dist = Builders.Unique("D"), service = Builders.Unique("SC");
        var outcome = await ImportAsync(TestFiles.Xlsx(
            ["Kode", "Nama", "Jenis", "KodeInduk", "NPWP", "KodeProvinsi", "TerminHari", "LimitKredit"],
            [dist, "PT Distribusi Excel", "Distributor", null, "021345678901888", "35", 30, 250000000],
            [service, "PT Servis Excel", "Pusat Servis", dist, null, "35", 0, 0]), "mitra.xlsx");

        outcome.Written.ShouldBe(2);
        var (d, s) = (await Find(dist), await Find(service));
        (d.Npwp, d.PaymentTermDays, d.CreditLimit).ShouldBe(("0021345678901888", 30, 250_000_000m)); // 15-digit NPWP gets its leading 0
        (s.Type, s.ParentId, s.PriceTier).ShouldBe((PartnerType.ServiceCentre, (Guid?)d.Id, PriceTier.Retail));
    }

    [Fact]
    public async Task A_large_file_with_parents_in_earlier_batches_is_imported_in_one_go()
    {
        var prefix = Builders.Unique("NET");
        var lines = new StringBuilder("Code;LegalName;Type;ParentCode;ProvinceCode");
        lines.Append($"\n{prefix}-0000;PT Induk Besar;Distributor;;31");
        for (var i = 1; i <= 1000; i++) lines.Append($"\n{prefix}-{i:D4};Toko {i};Dealer;{prefix}-{(i > 600 ? i - 550 : 0):D4};31");

        var outcome = await ImportAsync(Encoding.UTF8.GetBytes(lines.ToString()));

        outcome.Written.ShouldBe(1001);
        var root = await Find($"{prefix}-0000");
        var late = await Find($"{prefix}-1000");
        late.ParentId.ShouldBe((await Find($"{prefix}-0450")).Id);
        (await _make.Query(db => db.Partners.CountAsync(p => p.ParentId == root.Id))).ShouldBe(600);
    }

    [Fact]
    public async Task Unknown_parents_and_parents_on_later_rows_are_refused()
    {
        string first = Builders.Unique("P"), second = Builders.Unique("P");
        var before = await PartnerCount();

        var outcome = await ImportAsync(Csv("Code;LegalName;Type;ParentCode",
            $"{first};PT Satu;Dealer;{second}",
            $"{second};PT Dua;Distributor;",
            $"{Builders.Unique("P")};PT Tiga;Dealer;TIDAK-ADA",
            $"{Builders.Unique("P")};PT Empat;Dealer;DIST-JKT"));

        outcome.Problems.ShouldBe([(2, "ParentCode", "Import.ParentOnLaterRow"), (4, "ParentCode", "Import.PartnerNotFound")]);
        outcome.Errors[0].Args.ShouldBe([second, 3]);
        outcome.ShouldHaveWrittenNothing();
        (await PartnerCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Codes_already_used_and_twice_in_the_file_are_refused()
    {
        var code = Builders.Unique("P");
        var before = await PartnerCount();

        var outcome = await ImportAsync(Csv("Code;LegalName;Type", "dist-jkt;PT Tiruan;Distributor", $"{code};PT A;Agent", $"{code};PT B;Agent"));

        outcome.Problems.ShouldBe([(2, "Code", "Import.CodeExists"), (4, "Code", "Import.Duplicate")]);
        outcome.ShouldHaveWrittenNothing();
        (await PartnerCount()).ShouldBe(before);
    }

    [Fact]
    public async Task The_partners_own_rules_are_reported_on_their_columns()
    {
        var before = await PartnerCount();

        var outcome = await ImportAsync(Csv(Header,
            $"{Builders.Unique("P")};PT Satu;Dealer;;;123;;;;;;;;;;;;;5",
            $"{Builders.Unique("P")};PT Dua;Distributor;;;;;;31;35.78;;;bukan-email;;31 99;;;;",
            $"{Builders.Unique("P")};PT Tiga;pabrik;;;;;;;;;;;;;400;-1;;"));

        outcome.Problems.ShouldBe([
            (2, "NPWP", "Npwp.Invalid"), (2, "CommissionRate", "Partner.CommissionAgentsOnly"),
            (3, "RegencyCode", "Address.RegencyNotInProvince"), (3, "Email", "Validation.EmailInvalid"), (3, "Territory", "Partner.TerritoryInvalid"),
            (4, "Type", "Import.ChoiceInvalid"), (4, "PaymentTermDays", "Import.NumberTooLarge"), (4, "CreditLimit", "Import.NumberTooSmall"),
        ], ignoreOrder: true);
        outcome.ShouldHaveWrittenNothing();
        (await PartnerCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sales_user_imports_partners_but_a_warehouse_user_may_not()
    {
        var file = Csv("Code;LegalName;Type", $"{Builders.Unique("P")};PT Penjualan;Agent");

        var denied = await ImportAsync(file, email: "warehouse@demo.test");
        var allowed = await ImportAsync(file, email: "sales@demo.test");

        denied.Preview.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        allowed.Written.ShouldBe(1);
    }
}

public sealed class PartnerImportTests_Sqlite(SqliteApp app) : PartnerImportTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class PartnerImportTests_Postgres(PostgresApp app) : PartnerImportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
