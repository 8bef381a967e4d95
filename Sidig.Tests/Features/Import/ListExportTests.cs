using System.Globalization;
using Bunit;
using MudBlazor.Services;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Catalog;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.SellOuts;
using Sidig.Web.Features.Stock;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Import;

/// <summary>
/// The list pages' exports: the page's query with <c>All = true</c> through <see cref="ExportRows"/> into a real
/// .xlsx/.csv, read back. The exported rows must be exactly the filtered rows of every grid page (more than one page),
/// and a partner user's export only its own partner's rows.
/// </summary>
public abstract class ListExportTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private const int Rows = 27; // more than one grid page (25)
    private readonly Builders _make = new(app);

    /// <summary>What the page's ExportMenu does: the handler's All query into a file, which is read back (first column).</summary>
    private Task<List<string>> Export<THandler, TResult, TItem>(string email, Func<THandler, CancellationToken, Task<Result<TResult>>> query,
        Func<TResult, IEnumerable<TItem>> items, Func<TItem, object?> key, Func<TItem, object?> number, ExportFormat format = ExportFormat.Xlsx)
        where THandler : notnull =>
        app.AsUser("demo", email, async sp =>
        {
            var handler = sp.GetRequiredService<THandler>();
            var source = ExportSource.Create<TItem>("daftar", [new("Kunci", key), new("Angka", number)],
                ct => ExportRows.From(c => query(handler, c), items, ct));
            using var file = new MemoryStream();
            await source.WriteAsync(format, file, new CultureInfo("id-ID"), CancellationToken.None);
            file.Position = 0;
            var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
            var read = await reader.ReadAsync(file, "daftar" + TabularExport.Extension(format));
            read.Errors.ShouldBeEmpty();
            read.Value!.Headers.ShouldBe(["Kunci", "Angka"]);
            read.Value.Rows.ShouldAllBe(r => r.Cells[1] != "");
            return read.Value.Rows.Select(r => r.Cells[0]).ToList();
        });

    /// <summary>The grid's first two pages of 25, as the user sees them.</summary>
    private async Task<List<string>> Pages<THandler, TResult, TItem>(string email, Func<THandler, int, Task<Result<TResult>>> page,
        Func<TResult, IEnumerable<TItem>> items, Func<TItem, string> key) where THandler : notnull
    {
        var keys = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var result = await app.Handle<THandler, Result<TResult>>("demo", email, h => page(h, i));
            result.Errors.ShouldBeEmpty();
            keys.AddRange(items(result.Value!).Select(key));
        }
        return keys;
    }

    [Theory]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Csv)]
    public async Task Products_export_every_row_matching_the_filter(ExportFormat format)
    {
        var prefix = Builders.Unique("EXP");
        for (var i = 1; i <= Rows; i++) await _make.Product($"{prefix}-{i:D2}");
        await _make.Product(Builders.Unique("OTHER"));
        var query = new ListProducts(Search: prefix.ToLowerInvariant());

        var exported = await Export<ListProductsHandler, ProductResults, ProductListItem>(Admin,
            (h, ct) => h.HandleAsync(query with { All = true }, ct), r => r.Items, p => p.Sku, p => p.IsSerialised, format);
        var pages = await Pages<ListProductsHandler, ProductResults, ProductListItem>(Admin,
            (h, page) => h.HandleAsync(query with { Page = page }), r => r.Items, p => p.Sku);

        exported.Count.ShouldBe(Rows);
        exported.ShouldBe(pages);
        exported.ShouldAllBe(sku => sku.StartsWith(prefix));
    }

    [Fact]
    public async Task Partners_export_every_row_matching_the_filter()
    {
        var prefix = Builders.Unique("EXP");
        for (var i = 1; i <= Rows; i++) await _make.Partner(code: $"{prefix}-{i:D2}");
        await _make.Partner();
        var query = new ListPartners(Search: prefix);

        var exported = await Export<ListPartnersHandler, PartnerList, PartnerListItem>(Admin,
            (h, ct) => h.HandleAsync(query with { All = true }, ct), r => r.Items, p => p.Code, p => p.CreditLimit);
        var pages = await Pages<ListPartnersHandler, PartnerList, PartnerListItem>(Admin,
            (h, page) => h.HandleAsync(query with { Page = page }), r => r.Items, p => p.Code);

        exported.Count.ShouldBe(Rows);
        exported.ShouldBe(pages);
    }

    [Fact]
    public async Task Movements_export_the_filtered_rows_and_a_partner_user_only_its_own()
    {
        var (mine, theirs) = (await _make.Partner(), await _make.Partner());
        var (myWarehouse, theirWarehouse) = (await _make.Warehouse(mine.Id), await _make.Warehouse(theirs.Id));
        var product = await _make.Product();
        for (var i = 1; i <= Rows; i++) (await _make.Receive(myWarehouse.Id, product.Id, i)).Errors.ShouldBeEmpty();
        (await _make.Receive(theirWarehouse.Id, product.Id, 5)).Errors.ShouldBeEmpty();

        // Staff, filtered to the product: both warehouses' movements, exactly what the grid pages show.
        var byProduct = new ListMovements(ProductId: product.Id);
        var exported = await Export<ListMovementsHandler, MovementPage, MovementListItem>(Admin,
            (h, ct) => h.HandleAsync(byProduct with { All = true }, ct), r => r.Items, m => m.DocumentNumber, m => m.Quantity);
        var pages = await Pages<ListMovementsHandler, MovementPage, MovementListItem>(Admin,
            (h, page) => h.HandleAsync(byProduct with { Page = page }), r => r.Items, m => m.DocumentNumber);
        exported.Count.ShouldBe(Rows + 1);
        exported.ShouldBe(pages);

        // A partner user without any filter: its own warehouse's movements only.
        var user = await PartnerUsers.CreateAsync(app, mine.Id);
        var own = await _make.Query(db => db.StockMovements.Where(m => db.Warehouses.Any(w => w.Id == m.WarehouseId && w.OwnerPartnerId == mine.Id)).Select(m => m.DocumentNumber).ToListAsync());
        var theirDocuments = await _make.Query(db => db.StockMovements.Where(m => m.WarehouseId == theirWarehouse.Id).Select(m => m.DocumentNumber).ToListAsync());
        var partnerExport = await Export<ListMovementsHandler, MovementPage, MovementListItem>(user,
            (h, ct) => h.HandleAsync(new ListMovements(All: true), ct), r => r.Items, m => m.DocumentNumber, m => m.Quantity);
        partnerExport.Count.ShouldBe(Rows);
        partnerExport.ShouldBe(own, ignoreOrder: true);
        partnerExport.ShouldNotContain(theirDocuments.Single());
    }

    [Fact]
    public async Task Sell_out_exports_the_filtered_rows_and_a_partner_user_only_its_own()
    {
        var (mine, theirs) = (await _make.Partner(), await _make.Partner());
        var (myWarehouse, theirWarehouse) = (await _make.Warehouse(mine.Id), await _make.Warehouse(theirs.Id));
        var product = await _make.Product();
        await _make.Receive(myWarehouse.Id, product.Id, 100);
        await _make.Receive(theirWarehouse.Id, product.Id, 100);
        var (me, them) = (await PartnerUsers.CreateAsync(app, mine.Id), await PartnerUsers.CreateAsync(app, theirs.Id));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        async Task<string> Sell(string user, Guid warehouse) =>
            (await app.Handle<RecordSellOutHandler, Result<RecordedSellOut>>("demo", user, h => h.HandleAsync(new RecordSellOut(warehouse,
                new SellOutCustomer("Sari Dewi", "0812-7777-0000", null, "31", "31.71"), today, null,
                [new SellOutLineInput(product.Id, 1, 2_500_000m)])))).Value!.Number;
        var mySales = new List<string>();
        for (var i = 0; i < Rows; i++) mySales.Add(await Sell(me, myWarehouse.Id));
        var theirSale = await Sell(them, theirWarehouse.Id);

        var byWarehouse = new ListSellOuts(WarehouseId: myWarehouse.Id);
        var exported = await Export<ListSellOutsHandler, SellOutList, SellOutListItem>(Admin,
            (h, ct) => h.HandleAsync(byWarehouse with { All = true }, ct), r => r.Items, s => s.Number, s => s.Amount);
        var pages = await Pages<ListSellOutsHandler, SellOutList, SellOutListItem>(Admin,
            (h, page) => h.HandleAsync(byWarehouse with { Page = page }), r => r.Items, s => s.Number);
        exported.Count.ShouldBe(Rows);
        exported.ShouldBe(pages);
        exported.ShouldBe(mySales, ignoreOrder: true);

        var mine_ = await Export<ListSellOutsHandler, SellOutList, SellOutListItem>(me,
            (h, ct) => h.HandleAsync(new ListSellOuts(All: true), ct), r => r.Items, s => s.Number, s => s.Quantity);
        mine_.ShouldBe(mySales, ignoreOrder: true);
        var theirs_ = await Export<ListSellOutsHandler, SellOutList, SellOutListItem>(them,
            (h, ct) => h.HandleAsync(new ListSellOuts(All: true), ct), r => r.Items, s => s.Number, s => s.Quantity);
        theirs_.ShouldBe([theirSale]);
    }

    [Fact]
    public async Task Users_export_every_matching_user_whatever_the_page_size()
    {
        var query = new ListUsers(Search: "@demo.test", PageSize: 1);
        var first = await app.Handle<ListUsersHandler, Result<UserPage>>("demo", Admin, h => h.HandleAsync(query));
        first.Value!.TotalCount.ShouldBeGreaterThan(1);
        var exported = await Export<ListUsersHandler, UserPage, UserListItem>(Admin,
            (h, ct) => h.HandleAsync(query with { All = true }, ct), r => r.Items, u => u.Email, u => u.DisplayName);
        exported.Count.ShouldBe(first.Value.TotalCount);
        exported.ShouldAllBe(email => email.EndsWith("@demo.test"));
        exported[0].ShouldBe(first.Value.Items[0].Email);
    }

    [Fact]
    public async Task A_user_without_the_permission_gets_a_failed_export_not_a_file()
    {
        await Should.ThrowAsync<ExportQueryFailedException>(() => Export<ListSellOutsHandler, SellOutList, SellOutListItem>("finance@demo.test",
            (h, ct) => h.HandleAsync(new ListSellOuts(All: true), ct), r => r.Items, s => s.Number, s => s.Quantity));
    }

    [Fact]
    public async Task The_sell_out_page_renders_its_export_menu_in_bunit()
    {
        // The page with the app's real handlers (from a scope acting as the admin) behind bUnit's renderer.
        await app.AsUser("demo", Admin, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            ctx.Services.AddLocalization();
            ctx.Services.AddFallbackServiceProvider(sp);
            var page = ctx.Render<SellOutPage>();
            page.WaitForAssertion(() => page.FindAll("[data-testid=export-menu]").Count.ShouldBe(1));
            return true;
        });
    }

    [Theory]
    [InlineData("/catalog/products")]
    [InlineData("/partners")]
    [InlineData("/stock/movements")]
    [InlineData("/sell-out")]
    [InlineData("/catalog/price-lists")]
    [InlineData("/stock")]
    [InlineData("/stock/warehouses")]
    [InlineData("/stock/audits")]
    [InlineData("/allocations")]
    [InlineData("/admin/users")]
    public async Task The_list_page_shows_its_export_menu(string page)
    {
        using var client = await app.Client("demo").SignedInAs(Admin);
        var response = await client.Http.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"export-menu\"");
    }
}

public sealed class ListExportTests_Sqlite(SqliteApp app) : ListExportTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ListExportTests_Postgres(PostgresApp app) : ListExportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
