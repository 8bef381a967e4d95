using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Partners;

namespace Sidig.Tests.Features.Partners;

/// <summary>Partner use cases through their handlers (as a circuit calls them), on a real database, and over HTTP.</summary>
public abstract class PartnerManagementTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private readonly Builders _make = new(app);

    private static PartnerDetails Details(string code, PartnerType type = PartnerType.Distributor, Guid? parentId = null, string? npwp = null) =>
        new(code, "PT Mitra " + code, type, parentId, Partner.DefaultTier(type), npwp, null, "Jl. Mitra 1", "31", "31.71", "12190",
            "+62 21 555 0101", "Info@" + code + ".co.id", null, ["31", "32"], 30, 250_000_000m, 25_000_000m,
            type == PartnerType.Agent ? 3m : null);

    private Task<Result<Guid>> Save(SavePartner command, string email = Admin, string tenant = "demo") =>
        app.Handle<SavePartnerHandler, Result<Guid>>(tenant, email, h => h.HandleAsync(command));

    private Task<Result<PartnerView>> Get(Guid id, string email = Admin, string tenant = "demo") =>
        app.Handle<GetPartnerHandler, Result<PartnerView>>(tenant, email, h => h.HandleAsync(new GetPartner(id)));

    private Task<int> CountWithCode(string code) => _make.Query(db => db.Partners.CountAsync(p => p.Code == code));

    [Fact]
    public async Task A_new_partner_is_saved_with_its_contacts_and_read_back_normalised()
    {
        var code = Builders.Unique("dist").ToLowerInvariant();
        var created = await Save(new SavePartner(null, Details(code, npwp: "01.345.678.9-012.000"),
            [new PartnerContactInput(null, "Budi Santoso", "Direktur", "0812 3456 7890", "Budi@Mitra.co.id")]));

        created.Errors.ShouldBeEmpty();
        var view = (await Get(created.Value)).Value!;
        view.Details.Code.ShouldBe(code.ToUpperInvariant());
        view.Details.Npwp.ShouldBe("0013456789012000");
        view.Details.Nitku.ShouldBe("0013456789012000000000");
        view.Details.Territory.ShouldBe(["31", "32"]);
        view.Details.PriceTier.ShouldBe(PriceTier.Distributor);
        view.Contacts.ShouldHaveSingleItem().Email.ShouldBe("budi@mitra.co.id");
        view.Parent.ShouldBeNull();
    }

    [Fact]
    public async Task Editing_changes_the_details_and_adds_changes_and_removes_contacts_in_one_save()
    {
        var code = Builders.Unique("EDIT");
        var id = (await Save(new SavePartner(null, Details(code),
            [new PartnerContactInput(null, "Ani", null, null, null), new PartnerContactInput(null, "Dedi", null, null, null)]))).Value;
        var before = (await Get(id)).Value!;
        var ani = before.Contacts.Single(c => c.Name == "Ani");

        var saved = await Save(new SavePartner(id, Details(code) with { LegalName = "PT Mitra Baru", CreditLimit = 1_000_000m, IsActive = false },
            [ani with { Position = "Keuangan" }, new PartnerContactInput(null, "Eka", null, "+62 811 000 111", null)]));

        saved.Errors.ShouldBeEmpty();
        var after = (await Get(id)).Value!;
        after.Details.LegalName.ShouldBe("PT Mitra Baru");
        after.Details.CreditLimit.ShouldBe(1_000_000m);
        after.Details.IsActive.ShouldBeFalse();
        after.Contacts.Select(c => c.Name).ShouldBe(["Ani", "Eka"]);
        after.Contacts.Single(c => c.Name == "Ani").ShouldSatisfyAllConditions(c => c.Id.ShouldBe(ani.Id), c => c.Position.ShouldBe("Keuangan"));
        (await _make.Query(db => db.PartnerContacts.CountAsync(c => c.PartnerId == id))).ShouldBe(2);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_at_its_field_and_nothing_is_written()
    {
        var code = Builders.Unique("DUP");
        (await Save(new SavePartner(null, Details(code), []))).Errors.ShouldBeEmpty();
        var other = (await Save(new SavePartner(null, Details(Builders.Unique("DUP2")), []))).Value;

        var again = await Save(new SavePartner(null, Details(code.ToLowerInvariant()) with { LegalName = "PT Kembar" },
            [new PartnerContactInput(null, "Kontak Kembar", null, null, null)]));
        var renamed = await Save(new SavePartner(other, Details(code), []));

        again.Errors.ShouldBe([new Error("Partner.CodeTaken", "Code")]);
        renamed.Errors.ShouldBe([new Error("Partner.CodeTaken", "Code")]);
        (await CountWithCode(code)).ShouldBe(1);
        (await _make.Query(db => db.Partners.CountAsync(p => p.LegalName == "PT Kembar"))).ShouldBe(0);
        (await _make.Query(db => db.PartnerContacts.CountAsync(c => c.Name == "Kontak Kembar"))).ShouldBe(0);
    }

    [Fact]
    public async Task A_partner_cannot_be_placed_under_its_own_sub_partner()
    {
        var top = await _make.Partner();
        var middle = await _make.Partner(PartnerType.Dealer, top.Id);
        var bottom = await _make.Partner(PartnerType.Dealer, middle.Id);

        var underGrandchild = await Save(new SavePartner(top.Id, Details(top.Code, parentId: bottom.Id), []));
        var underItself = await Save(new SavePartner(top.Id, Details(top.Code, parentId: top.Id), []));

        underGrandchild.Errors.ShouldBe([new Error("Partner.Cycle", "ParentId")]);
        underItself.Errors.ShouldBe([new Error("Partner.Cycle", "ParentId")]);
        (await _make.Query(db => db.Partners.Where(p => p.Id == top.Id).Select(p => p.ParentId).SingleAsync())).ShouldBeNull();
        (await Save(new SavePartner(bottom.Id, Details(bottom.Code, PartnerType.Dealer, top.Id), []))).Errors.ShouldBeEmpty(); // moving up is fine
    }

    [Fact]
    public async Task A_parent_of_another_tenant_is_refused()
    {
        var foreign = await new Builders(app, "other").Partner();
        var result = await Save(new SavePartner(null, Details(Builders.Unique("ORPHAN"), parentId: foreign.Id), []));
        result.Errors.ShouldBe([new Error("Partner.ParentNotFound", "ParentId")]);
    }

    [Fact]
    public async Task Invalid_input_is_answered_field_by_field_and_nothing_is_written()
    {
        var code = Builders.Unique("BAD");
        var result = await Save(new SavePartner(null, Details(code) with { Npwp = "123", CommissionRatePercent = 5m, Territory = ["99"] },
            [new PartnerContactInput(null, " ", null, "telp", null)]));

        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([
            ("Npwp.Invalid", "Npwp"), ("Partner.TerritoryInvalid", "Territory"), ("Partner.CommissionAgentsOnly", "CommissionRatePercent"),
            ("Contact.NameRequired", "Contacts[0].Name"), ("Validation.PhoneInvalid", "Contacts[0].Phone")], ignoreOrder: true);
        (await CountWithCode(code)).ShouldBe(0);
    }

    [Fact]
    public async Task Sales_manages_partners_finance_only_reads_them()
    {
        var bySales = await Save(new SavePartner(null, Details(Builders.Unique("SALES")), []), "sales@demo.test");
        var byFinance = await Save(new SavePartner(null, Details(Builders.Unique("FIN")), []), "finance@demo.test");

        bySales.Errors.ShouldBeEmpty();
        byFinance.Errors.ShouldBe([new Error("Access.Denied")]);
        (await Get(bySales.Value, "finance@demo.test")).Errors.ShouldBeEmpty();
        (await Get(bySales.Value, "technician@demo.test")).Errors.ShouldBe([new Error("Access.Denied")]);
    }

    [Fact]
    public async Task Another_tenant_can_neither_read_nor_edit_a_demo_partner()
    {
        var partner = await _make.Partner();

        var read = await Get(partner.Id, "admin@other.test", "other");
        var edit = await Save(new SavePartner(partner.Id, Details(partner.Code) with { LegalName = "Diambil alih" }, []), "admin@other.test", "other");
        var list = await app.Handle<ListPartnersHandler, Result<PartnerList>>("other", "admin@other.test",
            h => h.HandleAsync(new ListPartners(Search: partner.Code)));

        read.Errors.ShouldBe([new Error("Partner.NotFound")]);
        edit.Errors.ShouldBe([new Error("Partner.NotFound")]);
        list.Value!.Items.ShouldBeEmpty();
        (await Get(partner.Id)).Value!.Details.LegalName.ShouldBe(partner.LegalName);
    }

    [Fact]
    public async Task The_partner_page_shows_the_partner_only_in_its_own_tenant()
    {
        var partner = await _make.Partner(code: Builders.Unique("PAGE"));
        using var demo = await app.Client("demo").SignedInAs(Admin);
        using var other = await app.Client("other").SignedInAs("admin@other.test");

        var own = await demo.Http.GetAsync($"/partners/{partner.Id}");
        var foreign = await other.Http.GetAsync($"/partners/{partner.Id}");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldContain(partner.LegalName);
        foreign.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await foreign.Content.ReadAsStringAsync();
        text.ShouldContain("data-testid=\"partner-load-error\"");
        text.ShouldNotContain(partner.Code);
    }

    [Fact]
    public async Task The_list_searches_filters_sorts_and_pages_on_the_server()
    {
        var prefix = Builders.Unique("LST");
        var parent = (await Save(new SavePartner(null, Details(prefix + "-A", npwp: "0987654321012345"), []))).Value;
        await Save(new SavePartner(null, Details(prefix + "-B", PartnerType.Dealer, parent), []));
        await Save(new SavePartner(null, Details(prefix + "-C", PartnerType.Agent, parent) with { ProvinceCode = "32", RegencyCode = null, IsActive = false }, []));
        Task<PartnerList> List(ListPartners q) => app.Handle<ListPartnersHandler, PartnerList>("demo", Admin, async h => (await h.HandleAsync(q)).Value!);

        var all = await List(new ListPartners(prefix, SortBy: nameof(PartnerListItem.Code), Descending: true));
        var page2 = await List(new ListPartners(prefix, Page: 1, PageSize: 2));
        var byNpwp = await List(new ListPartners("0987.6543"));
        var dealers = await List(new ListPartners(prefix, Type: PartnerType.Dealer));
        var westJava = await List(new ListPartners(prefix, ProvinceCode: "32"));
        var inactive = await List(new ListPartners(prefix, Active: false));
        var children = await List(new ListPartners(ParentId: parent));
        var export = await List(new ListPartners(prefix, PageSize: 1, All: true));

        all.Items.Select(p => p.Code).ShouldBe([prefix + "-C", prefix + "-B", prefix + "-A"]);
        all.TotalCount.ShouldBe(3);
        page2.Items.Select(p => p.Code).ShouldBe([prefix + "-C"]);
        byNpwp.Items.Select(p => p.Code).ShouldBe([prefix + "-A"]);
        dealers.Items.Single().ParentCode.ShouldBe(prefix + "-A");
        westJava.Items.Single().Code.ShouldBe(prefix + "-C");
        inactive.Items.Single().Code.ShouldBe(prefix + "-C");
        children.Items.Select(p => p.Code).ShouldBe([prefix + "-B", prefix + "-C"]);
        export.Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_network_counts_sub_partners_warehouses_and_values_stock_at_the_distributor_price()
    {
        var top = await _make.Partner(code: Builders.Unique("NETTOP"));
        var dealer = await _make.Partner(PartnerType.Dealer, top.Id, province: "32");
        var product = await _make.Product();
        var unpriced = await _make.Product();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await _make.Query(async db =>
        {
            var old = PriceList.Create("Distributor lama", PriceTier.Distributor, null, today.AddDays(-60), null);
            old.SetPrice(product.Id, 1, 8_000m);
            var current = PriceList.Create("Distributor", PriceTier.Distributor, null, today.AddDays(-10), null);
            current.SetPrice(product.Id, 1, 10_000m);
            current.SetPrice(product.Id, 10, 9_000m);
            var expired = PriceList.Create("Distributor habis", PriceTier.Distributor, null, today.AddDays(-30), today.AddDays(-1));
            expired.SetPrice(unpriced.Id, 1, 99_000m);
            var agents = PriceList.Create("Agen", PriceTier.Agent, null, today.AddDays(-5), null);
            agents.SetPrice(product.Id, 1, 50_000m);
            db.AddRange(old, current, expired, agents);
            return await db.SaveChangesAsync();
        });
        var w1 = await _make.Warehouse(top.Id);
        var w2 = await _make.Warehouse(top.Id);
        var w3 = await _make.Warehouse(dealer.Id);
        await _make.Receive(w1.Id, product.Id, 3);
        await _make.Receive(w2.Id, product.Id, 2.5m);
        await _make.Receive(w2.Id, unpriced.Id, 100);
        await _make.Receive(w3.Id, product.Id, 1);
        await PartnerUsers.CreateAsync(app, dealer.Id);
        Task<PartnerNetwork> Network(GetPartnerNetwork q) => app.Handle<GetPartnerNetworkHandler, PartnerNetwork>("demo", Admin, async h => (await h.HandleAsync(q)).Value!);

        var all = await Network(new GetPartnerNetwork());
        var dealersInWestJava = await Network(new GetPartnerNetwork(PartnerType.Dealer, "32"));

        var topNode = Flatten(all.Roots).Single(n => n.Id == top.Id);
        topNode.ShouldSatisfyAllConditions(
            n => n.SubPartners.ShouldBe(1), n => n.Warehouses.ShouldBe(2), n => n.Users.ShouldBe(0),
            n => n.StockValue.ShouldBe(55_000m), // 5.5 × Rp 10.000; the unpriced product counts 0
            n => n.Children.Single().Id.ShouldBe(dealer.Id));
        topNode.Children.Single().ShouldSatisfyAllConditions(n => n.Users.ShouldBe(1), n => n.StockValue.ShouldBe(10_000m), n => n.Warehouses.ShouldBe(1));
        var filteredTop = Flatten(dealersInWestJava.Roots).Single(n => n.Id == top.Id);
        filteredTop.Matches.ShouldBeFalse(); // shown for context above the match
        filteredTop.Children.Single().ShouldSatisfyAllConditions(n => n.Id.ShouldBe(dealer.Id), n => n.Matches.ShouldBeTrue());
        Flatten(dealersInWestJava.Roots).Where(n => n.Matches).ShouldAllBe(n => n.Type == PartnerType.Dealer && n.ProvinceCode == "32");
    }

    [Fact]
    public async Task The_admin_sets_the_stock_rules_of_the_tenant_and_sales_cannot()
    {
        var denied = await app.Handle<UpdateStockSettingsHandler, Result>("demo", "sales@demo.test", h => h.HandleAsync(new UpdateStockSettings(true, true)));
        var saved = await app.Handle<UpdateStockSettingsHandler, Result>("demo", Admin, h => h.HandleAsync(new UpdateStockSettings(true, false)));
        var read = await app.Handle<GetStockSettingsHandler, Result<StockSettings>>("demo", Admin, h => h.HandleAsync(new GetStockSettings()));
        var otherTenant = await app.Handle<GetStockSettingsHandler, Result<StockSettings>>("other", "admin@other.test", h => h.HandleAsync(new GetStockSettings()));
        await app.Handle<UpdateStockSettingsHandler, Result>("demo", Admin, h => h.HandleAsync(new UpdateStockSettings(false, false)));

        denied.Errors.ShouldBe([new Error("Access.Denied")]);
        saved.Errors.ShouldBeEmpty();
        read.Value.ShouldBe(new StockSettings(true, false));
        otherTenant.Value.ShouldBe(new StockSettings(false, false));
    }

    protected static IEnumerable<NetworkNode> Flatten(IEnumerable<NetworkNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}

public sealed class PartnerManagementTests_Sqlite(SqliteApp app) : PartnerManagementTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PartnerManagementTests_Postgres(PostgresApp app) : PartnerManagementTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    private readonly PostgresApp _app = app;

    [Fact]
    public async Task Racing_creates_with_one_code_leave_exactly_one_partner()
    {
        await new Builders(_app).Partner(); // the app and its database exist before the race (the factory starts once)
        var code = Builders.Unique("RACE");
        var details = new PartnerDetails(code, "PT Balapan", PartnerType.Agent, null, PriceTier.Agent, null, null, null, null, null, null,
            null, null, null, [], 14, 0, 0, 1m);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            _app.Handle<SavePartnerHandler, Result<Guid>>("demo", "admin@demo.test", h => h.HandleAsync(new SavePartner(null, details, []))))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).SelectMany(r => r.Errors).Select(e => (e.Code, e.Field)).Distinct().ShouldBe([("Partner.CodeTaken", "Code")]);
        (await new Builders(_app).Query(db => db.Partners.CountAsync(p => p.Code == code))).ShouldBe(1);
    }
}
