using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Catalog;

namespace Sidig.Tests.Features.Catalog;

/// <summary>The catalog use cases through their handlers (as a circuit calls them), on a real database, and the product image over HTTP.</summary>
public abstract class CatalogTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test", Sales = "sales@demo.test";
    protected readonly Builders Make = new(app);

    private static ProductDetails NewProduct(string? sku = null) =>
        new(sku ?? Builders.Unique("TV"), "Smart TV 43 inci", null, "Demo", "unit", 7.5m, "85287292", false, 2, null);

    private Task<TResult> As<THandler, TResult>(string email, Func<THandler, Task<TResult>> call, string tenant = "demo") where THandler : notnull =>
        app.Handle(tenant, email, call);

    private Task<Result<Guid>> SaveProduct(string email, Guid? id, ProductDetails details, string tenant = "demo") =>
        As<SaveProductHandler, Result<Guid>>(email, h => h.HandleAsync(new SaveProduct(id, details)), tenant);

    private Task<Product?> LoadProduct(Guid id) => Make.Query(db => db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id));

    [Fact]
    public async Task Sales_creates_and_edits_a_product()
    {
        var created = await SaveProduct(Sales, null, NewProduct());
        created.Errors.ShouldBeEmpty();
        var id = created.Value;

        var view = await As<GetProductHandler, Result<ProductView>>(Sales, h => h.HandleAsync(new GetProduct(id)));
        view.Value!.Details.Unit.ShouldBe("UNIT");
        view.Value.HasStock.ShouldBeFalse();

        var edited = await SaveProduct(Sales, id, view.Value.Details with { Name = "Smart TV 43 inci (2026)", IsSerialised = true, IsActive = false });
        edited.Errors.ShouldBeEmpty();
        var saved = await LoadProduct(id);
        saved!.Name.ShouldBe("Smart TV 43 inci (2026)");
        saved.IsSerialised.ShouldBeTrue();
        saved.IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task A_duplicate_sku_is_refused_at_the_sku_field_and_nothing_is_written()
    {
        var existing = await Make.Product();
        var before = await Make.Query(db => db.Products.CountAsync());

        var result = await SaveProduct(Sales, null, NewProduct(" " + existing.Sku.ToLowerInvariant() + " ") with { Name = "Duplikat" });

        result.Errors.ShouldBe([new Error("Product.SkuTaken", "Sku")]);
        (await Make.Query(db => db.Products.CountAsync())).ShouldBe(before);
        (await Make.Query(db => db.Products.AnyAsync(p => p.Name == "Duplikat"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Renaming_a_products_sku_to_a_taken_one_is_refused()
    {
        var taken = await Make.Product();
        var other = await Make.Product();
        var result = await SaveProduct(Sales, other.Id, NewProduct(taken.Sku));
        result.Errors.ShouldBe([new Error("Product.SkuTaken", "Sku")]);
        (await LoadProduct(other.Id))!.Sku.ShouldBe(other.Sku);
    }

    [Fact]
    public async Task The_unique_index_refuses_a_duplicate_sku_that_slipped_past_the_check()
    {
        var existing = await Make.Product();
        var caught = await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.Products.Add(Product.Create(NewProduct(existing.Sku)));
            var e = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return UniqueViolation.Is(e);
        });
        caught.ShouldBeTrue();
    }

    [Fact]
    public async Task Another_tenant_may_use_the_same_sku()
    {
        var demo = await Make.Product();
        var result = await SaveProduct("admin@other.test", null, NewProduct(demo.Sku), tenant: "other");
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_of_another_tenant_can_neither_read_nor_edit_a_demo_product()
    {
        var demo = await Make.Product();
        var read = await As<GetProductHandler, Result<ProductView>>("admin@other.test", h => h.HandleAsync(new GetProduct(demo.Id)), "other");
        read.Errors.Single().Code.ShouldBe("Product.NotFound");

        var edit = await SaveProduct("admin@other.test", demo.Id, NewProduct(demo.Sku) with { Name = "Diretas" }, "other");
        edit.Errors.Single().Code.ShouldBe("Product.NotFound");
        var image = await As<SetProductImageHandler, Result>("admin@other.test", h => h.HandleAsync(new SetProductImage(demo.Id, TestImages.Png)), "other");
        image.Errors.Single().Code.ShouldBe("Product.NotFound");
        (await LoadProduct(demo.Id))!.Name.ShouldBe(demo.Name);
    }

    [Theory]
    [InlineData("warehouse@demo.test")]
    [InlineData("finance@demo.test")]
    [InlineData("distributor@demo.test")]
    public async Task Only_catalog_managers_may_change_products(string email)
    {
        var demo = await Make.Product();
        (await SaveProduct(email, demo.Id, NewProduct(demo.Sku) with { Name = "Tidak boleh" })).Errors.Single().Code.ShouldBe("Access.Denied");
        (await SaveProduct(email, null, NewProduct())).Errors.Single().Code.ShouldBe("Access.Denied");
        (await As<SaveCategoryHandler, Result<Guid>>(email, h => h.HandleAsync(new SaveCategory(null, Builders.Unique("C"), "Kategori", null))))
            .Errors.Single().Code.ShouldBe("Access.Denied");
        (await LoadProduct(demo.Id))!.Name.ShouldBe(demo.Name);
    }

    [Fact]
    public async Task Catalog_readers_who_cannot_manage_it_still_read_products()
    {
        var demo = await Make.Product();
        var read = await As<GetProductHandler, Result<ProductView>>("warehouse@demo.test", h => h.HandleAsync(new GetProduct(demo.Id)));
        read.Value!.Details.Sku.ShouldBe(demo.Sku);
    }

    [Fact]
    public async Task Serialised_is_locked_once_stock_of_the_product_exists()
    {
        var product = await Make.Product(serialised: false);
        var warehouse = await Make.Warehouse();
        (await Make.Receive(warehouse.Id, product.Id, 3)).Errors.ShouldBeEmpty();

        var view = await As<GetProductHandler, Result<ProductView>>(Sales, h => h.HandleAsync(new GetProduct(product.Id)));
        view.Value!.HasStock.ShouldBeTrue();
        var result = await SaveProduct(Sales, product.Id, view.Value.Details with { IsSerialised = true });
        result.Errors.ShouldBe([new Error("Product.SerialisedLocked", "IsSerialised")]);
        (await LoadProduct(product.Id))!.IsSerialised.ShouldBeFalse();

        (await SaveProduct(Sales, product.Id, view.Value.Details with { Name = "Nama baru" })).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_product_photo_is_served_to_its_own_tenant_only()
    {
        var product = await Make.Product();
        (await As<SetProductImageHandler, Result>(Sales, h => h.HandleAsync(new SetProductImage(product.Id, TestImages.Png)))).Errors.ShouldBeEmpty();
        var url = $"/catalog/products/{product.Id}/image";

        using (var demo = await app.Client("demo").SignedInAs(Sales))
        {
            var own = await demo.Http.GetAsync(url);
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            own.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            (await own.Content.ReadAsByteArrayAsync()).ShouldBe(TestImages.Png);
        }
        using var other = await app.Client("other").SignedInAs("admin@other.test");
        (await other.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_product_and_price_list_pages_open_for_sales()
    {
        var product = await Make.Product();
        var list = await PriceList(Sales, Builders.Unique("Halaman"), PriceTier.Retail, null, new DateOnly(2026, 1, 1), null, product.Id, (1, 1_500_000));
        using var client = await app.Client("demo").SignedInAs(Sales);

        var productPage = await client.Http.GetAsync($"/catalog/products/{product.Id}");
        productPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await productPage.Content.ReadAsStringAsync()).ShouldContain(product.Sku);
        var listPage = await client.Http.GetAsync($"/catalog/price-lists/{list}");
        listPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await listPage.Content.ReadAsStringAsync()).ShouldContain("Rp 1.500.000");
    }

    [Fact]
    public async Task The_product_photo_needs_a_signed_in_user()
    {
        var product = await Make.Product();
        using var anonymous = app.Client("demo");
        var response = await anonymous.Http.GetAsync($"/catalog/products/{product.Id}/image");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_as_a_photo()
    {
        var product = await Make.Product();
        var result = await As<SetProductImageHandler, Result>(Sales, h => h.HandleAsync(new SetProductImage(product.Id, TestImages.Zip)));
        result.Errors.Single().Code.ShouldBe("Product.ImageType");
        (await LoadProduct(product.Id))!.Image.ShouldBeNull();
    }

    [Fact]
    public async Task The_product_list_searches_by_sku_and_filters_by_category_with_its_subcategories()
    {
        var top = await As<SaveCategoryHandler, Result<Guid>>(Sales, h => h.HandleAsync(new SaveCategory(null, Builders.Unique("EL"), "Elektronik", null)));
        var sub = await As<SaveCategoryHandler, Result<Guid>>(Sales, h => h.HandleAsync(new SaveCategory(null, Builders.Unique("TV"), "Televisi", top.Value)));
        var sku = Builders.Unique("LST");
        (await SaveProduct(Sales, null, NewProduct(sku) with { CategoryId = sub.Value })).Errors.ShouldBeEmpty();

        var bySearch = await As<ListProductsHandler, Result<ProductResults>>(Sales, h => h.HandleAsync(new ListProducts(Search: sku[..7].ToLowerInvariant() + sku[7..])));
        bySearch.Value!.Items.Select(p => p.Sku).ShouldContain(sku);
        var byTop = await As<ListProductsHandler, Result<ProductResults>>(Sales, h => h.HandleAsync(new ListProducts(CategoryId: top.Value)));
        byTop.Value!.Items.ShouldHaveSingleItem().CategoryName.ShouldBe("Televisi");
        var exported = await As<ListProductsHandler, Result<ProductResults>>(Sales, h => h.HandleAsync(new ListProducts(PageSize: 1, All: true)));
        exported.Value!.Items.Count.ShouldBe(exported.Value.TotalCount);
    }

    [Fact]
    public async Task A_category_in_use_cannot_be_deleted_and_cannot_move_below_its_child()
    {
        var top = (await As<SaveCategoryHandler, Result<Guid>>(Sales, h => h.HandleAsync(new SaveCategory(null, Builders.Unique("AC"), "AC", null)))).Value;
        var child = (await As<SaveCategoryHandler, Result<Guid>>(Sales, h => h.HandleAsync(new SaveCategory(null, Builders.Unique("SPLIT"), "AC Split", top)))).Value;

        (await As<DeleteCategoryHandler, Result>(Sales, h => h.HandleAsync(new DeleteCategory(top)))).Errors.Single().Code.ShouldBe("Category.InUse");
        var moved = await As<SaveCategoryHandler, Result<Guid>>(Sales, h => h.HandleAsync(new SaveCategory(top, "", "AC", child)));
        moved.Errors.ShouldBe([new Error("Category.Cycle", "ParentId")]);
        (await Make.Query(db => db.Categories.Where(c => c.Id == top).Select(c => c.ParentId).FirstAsync())).ShouldBeNull();

        (await As<DeleteCategoryHandler, Result>(Sales, h => h.HandleAsync(new DeleteCategory(child)))).Errors.ShouldBeEmpty();
        (await As<DeleteCategoryHandler, Result>(Sales, h => h.HandleAsync(new DeleteCategory(top)))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_warranty_policy_used_by_a_product_cannot_be_deleted()
    {
        var details = new WarrantyPolicyDetails(Builders.Unique("Garansi"), 12, WarrantyStart.DeliveryPlusGrace, 14, "Kerusakan pabrik", "Factory defects", true, 2);
        var policy = (await As<SaveWarrantyPolicyHandler, Result<Guid>>(Admin, h => h.HandleAsync(new SaveWarrantyPolicy(null, details)))).Value;
        (await SaveProduct(Sales, null, NewProduct() with { WarrantyPolicyId = policy })).Errors.ShouldBeEmpty();

        (await As<DeleteWarrantyPolicyHandler, Result>(Sales, h => h.HandleAsync(new DeleteWarrantyPolicy(policy)))).Errors.Single().Code.ShouldBe("Warranty.InUse");
        var again = await As<SaveWarrantyPolicyHandler, Result<Guid>>(Admin, h => h.HandleAsync(new SaveWarrantyPolicy(null, details)));
        again.Errors.ShouldBe([new Error("Warranty.NameTaken", "Name")]);
    }

    [Fact]
    public async Task Warranty_policy_rules_come_back_with_their_fields()
    {
        var details = new WarrantyPolicyDetails("Garansi salah", 0, WarrantyStart.SellOut, 7, "", "Factory defects", false, null);
        var result = await As<SaveWarrantyPolicyHandler, Result<Guid>>(Admin, h => h.HandleAsync(new SaveWarrantyPolicy(null, details)));
        result.Errors.Select(e => e.Field).ShouldBe(["Months", "GraceDays", "CoverageId"]);
    }

    [Fact]
    public async Task A_warranty_policys_maintenance_interval_is_saved_listed_and_checked()
    {
        var details = new WarrantyPolicyDetails(Builders.Unique("Garansi"), 24, WarrantyStart.Registration, 0, "Kerusakan pabrik", "Factory defects", false, null, 6);
        var saved = await As<SaveWarrantyPolicyHandler, Result<Guid>>(Admin, h => h.HandleAsync(new SaveWarrantyPolicy(null, details)));
        var listed = (await As<ListWarrantyPoliciesHandler, Result<IReadOnlyList<WarrantyPolicyListItem>>>(Sales, h => h.HandleAsync(new ListWarrantyPolicies())))
            .Value!.Single(p => p.Id == saved.Value);
        listed.Details.MaintenanceMonths.ShouldBe(6);

        var tooOften = await As<SaveWarrantyPolicyHandler, Result<Guid>>(Admin, h => h.HandleAsync(new SaveWarrantyPolicy(saved.Value, details with { MaintenanceMonths = 61 })));
        tooOften.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("Warranty.MaintenanceMonthsRange", "MaintenanceMonths")]);
    }

    private async Task<Guid> PriceList(string email, string name, PriceTier tier, Guid? partner, DateOnly from, DateOnly? to, Guid product, params (decimal Min, decimal Price)[] lines)
    {
        var list = await As<SavePriceListHandler, Result<Guid>>(email, h => h.HandleAsync(new SavePriceList(null, new PriceListDetails(name, tier, partner, from, to))));
        list.Errors.ShouldBeEmpty();
        foreach (var (min, price) in lines)
            (await As<SetPriceListLineHandler, Result>(email, h => h.HandleAsync(new SetPriceListLine(list.Value, product, min, price)))).Errors.ShouldBeEmpty();
        return list.Value;
    }

    private Task<PriceQuote?> Lookup(Guid product, Guid partner, DateOnly date, decimal quantity) =>
        app.InTenant("demo", sp => sp.GetRequiredService<PriceLookupService>().FindAsync(product, partner, date, quantity));

    [Fact]
    public async Task The_price_lookup_reads_partner_and_tier_lists_from_the_database()
    {
        var product = await Make.Product();
        var distributor = await Make.Partner(PartnerType.Distributor);
        var otherDistributor = await Make.Partner(PartnerType.Distributor);
        var agent = await Make.Partner(PartnerType.Agent);
        DateOnly jan1 = new(2026, 1, 1), mar15 = new(2026, 3, 15);
        await PriceList(Sales, Builders.Unique("Distributor"), PriceTier.Distributor, null, jan1, new DateOnly(2026, 12, 31), product.Id, (1, 100_000), (10, 95_000));
        await PriceList(Sales, Builders.Unique("Khusus"), PriceTier.Retail, distributor.Id, new DateOnly(2026, 3, 1), null, product.Id, (1, 90_000.50m));

        (await Lookup(product.Id, distributor.Id, mar15, 1))!.UnitPrice.ShouldBe(90_000.50m);
        (await Lookup(product.Id, distributor.Id, new DateOnly(2026, 2, 1), 12))!.UnitPrice.ShouldBe(95_000);
        var tierQuote = (await Lookup(product.Id, otherDistributor.Id, mar15, 10))!;
        (tierQuote.UnitPrice, tierQuote.MinQuantity, tierQuote.IsPartnerList).ShouldBe((95_000m, 10m, false));
        (await Lookup(product.Id, otherDistributor.Id, new DateOnly(2027, 1, 1), 1)).ShouldBeNull(); // after the list's last day
        (await Lookup(product.Id, agent.Id, mar15, 1)).ShouldBeNull(); // no agent list
        (await Lookup(product.Id, distributor.Id, mar15, 0)).ShouldBeNull();

        var list = await Make.Query(db => db.PriceLists.Where(l => l.PartnerId == distributor.Id).Select(l => l.Tier).FirstAsync());
        list.ShouldBe(PriceTier.Distributor); // a partner's own list takes the partner's tier
    }

    [Fact]
    public async Task An_inactive_list_is_not_used_and_overlaps_are_shown()
    {
        var product = await Make.Product();
        var dealer = await Make.Partner(PartnerType.Dealer);
        DateOnly jan1 = new(2026, 1, 1);
        var older = await PriceList(Sales, Builders.Unique("Dealer A"), PriceTier.Dealer, null, jan1, null, product.Id, (1, 200_000));
        var newerName = Builders.Unique("Dealer B");
        var newer = await PriceList(Sales, newerName, PriceTier.Dealer, null, new DateOnly(2026, 2, 1), null, product.Id, (1, 210_000));

        (await Lookup(product.Id, dealer.Id, new DateOnly(2026, 3, 1), 1))!.UnitPrice.ShouldBe(210_000);
        var view = await As<GetPriceListHandler, Result<PriceListView>>(Sales, h => h.HandleAsync(new GetPriceList(older)));
        view.Value!.OverlapsWith.ShouldContain(newerName);

        var details = new PriceListDetails(newerName, PriceTier.Dealer, null, new DateOnly(2026, 2, 1), null, IsActive: false);
        (await As<SavePriceListHandler, Result<Guid>>(Sales, h => h.HandleAsync(new SavePriceList(newer, details)))).Errors.ShouldBeEmpty();
        (await Lookup(product.Id, dealer.Id, new DateOnly(2026, 3, 1), 1))!.UnitPrice.ShouldBe(200_000);
    }

    [Fact]
    public async Task Editing_a_volume_break_moves_it_and_a_taken_minimum_is_refused()
    {
        var product = await Make.Product();
        var list = await PriceList(Sales, Builders.Unique("Retail"), PriceTier.Retail, null, new DateOnly(2026, 1, 1), null, product.Id, (1, 150_000), (10, 140_000));

        var taken = await As<SetPriceListLineHandler, Result>(Sales, h => h.HandleAsync(new SetPriceListLine(list, product.Id, 10, 139_000, ReplacesMinQuantity: 1)));
        taken.Errors.ShouldBe([new Error("PriceList.BreakExists", "MinQuantity")]);
        (await As<SetPriceListLineHandler, Result>(Sales, h => h.HandleAsync(new SetPriceListLine(list, product.Id, 20, 130_000, ReplacesMinQuantity: 10)))).Errors.ShouldBeEmpty();
        (await As<RemovePriceListLineHandler, Result>(Sales, h => h.HandleAsync(new RemovePriceListLine(list, product.Id, 1)))).Errors.ShouldBeEmpty();

        var lines = await Make.Query(db => db.PriceListLines.Where(l => l.PriceListId == list).Select(l => new { l.MinQuantity, l.UnitPrice }).ToListAsync());
        lines.ShouldHaveSingleItem().MinQuantity.ShouldBe(20);
        lines[0].UnitPrice.ShouldBe(130_000);
    }

    [Fact]
    public async Task A_partner_user_checks_prices_only_for_its_own_partner()
    {
        var product = await Make.Product();
        var own = await Make.Partner(PartnerType.Distributor);
        var other = await Make.Partner(PartnerType.Distributor);
        await PriceList(Sales, Builders.Unique("Dist"), PriceTier.Distributor, null, new DateOnly(2026, 1, 1), null, product.Id, (1, 100_000));
        var user = await app.CreatePartnerUser(own.Id);
        var date = new DateOnly(2026, 5, 1);

        var mine = await As<GetPriceHandler, Result<PriceCheck>>(user, h => h.HandleAsync(new GetPrice(product.Id, own.Id, date, 2)));
        mine.Value!.Quote!.UnitPrice.ShouldBe(100_000);
        var theirs = await As<GetPriceHandler, Result<PriceCheck>>(user, h => h.HandleAsync(new GetPrice(product.Id, other.Id, date, 2)));
        theirs.Errors.Single().Code.ShouldBe("Price.PartnerNotFound");
        var staff = await As<GetPriceHandler, Result<PriceCheck>>("warehouse@demo.test", h => h.HandleAsync(new GetPrice(product.Id, other.Id, date, 2)));
        staff.Value!.Quote!.UnitPrice.ShouldBe(100_000);
    }

    [Fact]
    public async Task A_partner_user_sees_its_own_and_its_tiers_price_lists_only()
    {
        var product = await Make.Product();
        var own = await Make.Partner(PartnerType.Distributor);
        var other = await Make.Partner(PartnerType.Distributor);
        var from = new DateOnly(2026, 1, 1);
        var tierName = Builders.Unique("Dist");
        await PriceList(Sales, tierName, PriceTier.Distributor, null, from, null, product.Id, (1, 100_000));
        var ownName = Builders.Unique("Own");
        await PriceList(Sales, ownName, PriceTier.Distributor, own.Id, from, null, product.Id, (1, 90_000));
        var otherName = Builders.Unique("Other");
        var otherList = await PriceList(Sales, otherName, PriceTier.Distributor, other.Id, from, null, product.Id, (1, 80_000));
        var retailName = Builders.Unique("Retail");
        await PriceList(Sales, retailName, PriceTier.Retail, null, from, null, product.Id, (1, 150_000));
        var user = await app.CreatePartnerUser(own.Id);

        var lists = await As<ListPriceListsHandler, Result<PriceListResults>>(user, h => h.HandleAsync(new ListPriceLists(All: true)));
        var names = lists.Value!.Items.Select(l => l.Name).ToList();
        names.ShouldContain(ownName);
        names.ShouldContain(tierName);
        names.ShouldNotContain(otherName);
        names.ShouldNotContain(retailName);
        lists.Value.Items.ShouldAllBe(l => l.PartnerId == null || l.PartnerId == own.Id);
        (await As<GetPriceListHandler, Result<PriceListView>>(user, h => h.HandleAsync(new GetPriceList(otherList)))).Errors.Single().Code.ShouldBe("PriceList.NotFound");
    }
}

public sealed class CatalogTests_Sqlite(SqliteApp app) : CatalogTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class CatalogTests_Postgres(PostgresApp app) : CatalogTests<PostgresApp>(app), IClassFixture<PostgresApp>;
