using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Stock;

namespace Sidig.Tests.Features.Stock;

/// <summary>The stock use cases through their handlers, as a circuit calls them, on a real database.</summary>
public abstract class StockFeatureTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    protected const string Admin = "admin@demo.test", WarehouseStaff = "warehouse@demo.test", Sales = "sales@demo.test";
    protected readonly Builders Make = new(app);
    protected TApp App => app;

    private Task<TResult> As<THandler, TResult>(string email, Func<THandler, Task<TResult>> call, string tenant = "demo") where THandler : notnull =>
        app.Handle(tenant, email, call);

    private Task<Result<string>> Transfer(Guid from, Guid to, params (Guid Product, decimal Quantity)[] lines) =>
        As<TransferStockHandler, Result<string>>(WarehouseStaff, h => h.HandleAsync(
            new TransferStock(from, to, lines.Select(l => new StockQuantity(l.Product, l.Quantity)).ToList())));

    private Task<StockOverviewPage> Overview(string email, StockGrouping grouping, StockFilter filter) =>
        As<GetStockOverviewHandler, Result<StockOverviewPage>>(email, h => h.HandleAsync(new GetStockOverview(grouping, filter, PageSize: 100)))
            .ContinueWith(t => t.Result.Value ?? throw new InvalidOperationException(string.Join(",", t.Result.Errors.Select(e => e.Code))));

    // ---------------------------------------------------------------- warehouses

    [Fact]
    public async Task A_warehouse_is_created_edited_and_a_duplicate_code_is_refused_at_its_field()
    {
        var partner = await Make.Partner();
        var code = Builders.Unique("WH");
        var created = await As<SaveWarehouseHandler, Result<Guid>>(WarehouseStaff, h => h.HandleAsync(
            new SaveWarehouse(null, code.ToLowerInvariant(), "Gudang Surabaya", partner.Id, "Jl. Rungkut 5", "35", "35.78")));
        created.Errors.ShouldBeEmpty();

        var duplicate = await As<SaveWarehouseHandler, Result<Guid>>(Admin, h => h.HandleAsync(
            new SaveWarehouse(null, code, "Gudang Lain", null, null, null, null)));
        duplicate.Errors.ShouldBe([new Error("Warehouse.CodeTaken", nameof(SaveWarehouse.Code))]);

        var edited = await As<SaveWarehouseHandler, Result<Guid>>(WarehouseStaff, h => h.HandleAsync(
            new SaveWarehouse(created.Value, code, "Gudang Surabaya Timur", partner.Id, "Jl. Rungkut 5", "35", "35.78", IsActive: false)));
        edited.Errors.ShouldBeEmpty();
        var details = await As<GetWarehouseHandler, Result<WarehouseDetails>>(Admin, h => h.HandleAsync(new GetWarehouse(created.Value)));
        details.Value.ShouldBe(new WarehouseDetails(code, "Gudang Surabaya Timur", partner.Id, "Jl. Rungkut 5", "35", "35.78", false));

        var list = await As<ListWarehousesHandler, Result<WarehousePage>>(Admin, h => h.HandleAsync(
            new ListWarehouses(Search: code, Ownership: StockOwnership.Secondary, ProvinceCode: "35", Active: false)));
        var item = list.Value!.Items.ShouldHaveSingleItem();
        (item.OwnerName, item.ProvinceName, item.IsPrimary).ShouldBe((partner.LegalName, "Jawa Timur", false));
    }

    [Fact]
    public async Task The_owner_of_a_warehouse_cannot_change_and_sales_cannot_manage_warehouses()
    {
        var partner = await Make.Partner();
        var warehouse = await Make.Warehouse();
        var moved = await As<SaveWarehouseHandler, Result<Guid>>(Admin, h => h.HandleAsync(
            new SaveWarehouse(warehouse.Id, warehouse.Code, warehouse.Name, partner.Id, null, "31", null)));
        moved.Errors.ShouldBe([new Error("Warehouse.OwnerLocked", nameof(SaveWarehouse.OwnerPartnerId))]);
        var bySales = await As<SaveWarehouseHandler, Result<Guid>>(Sales, h => h.HandleAsync(
            new SaveWarehouse(null, Builders.Unique("WH"), "Gudang", null, null, null, null)));
        bySales.Errors.ShouldBe([new Error("Access.Denied")]);
    }

    // ---------------------------------------------------------------- transfers, receipts, adjustments

    [Fact]
    public async Task A_transfer_moves_both_sides_under_one_number_and_one_correlation()
    {
        var product = await Make.Product();
        var (a, b) = (await Make.Warehouse(), await Make.Warehouse());
        await Make.Receive(a.Id, product.Id, 10);

        var result = await Transfer(a.Id, b.Id, (product.Id, 4));

        result.Errors.ShouldBeEmpty();
        result.Value.ShouldStartWith($"TRF/{DateTimeOffset.UtcNow.AddHours(7).Year}/");
        (await Make.OnHand(a.Id, product.Id)).ShouldBe(6);
        (await Make.OnHand(b.Id, product.Id)).ShouldBe(4);
        var movements = await Make.Query(db => db.StockMovements.Where(m => m.DocumentNumber == result.Value).ToListAsync());
        movements.Select(m => (m.WarehouseId, m.Type, m.Quantity)).OrderBy(m => m.Quantity)
            .ShouldBe([(a.Id, MovementType.TransferOut, -4m), (b.Id, MovementType.TransferIn, 4m)]);
        movements.Select(m => m.CorrelationId).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_transfer_with_too_little_stock_writes_nothing_on_either_side_and_gives_its_number_back()
    {
        var (enough, scarce) = (await Make.Product(), await Make.Product());
        var (a, b) = (await Make.Warehouse(), await Make.Warehouse());
        await Make.Receive(a.Id, enough.Id, 10);
        await Make.Receive(a.Id, scarce.Id, 2);
        var first = await Transfer(a.Id, b.Id, (enough.Id, 1));

        var refused = await Transfer(a.Id, b.Id, (enough.Id, 5), (scarce.Id, 3));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("Stock.Insufficient");
        error.Args.ShouldBe([scarce.Sku, a.Code, 2m, 3m]);
        (await Make.OnHand(a.Id, enough.Id)).ShouldBe(9);
        (await Make.OnHand(a.Id, scarce.Id)).ShouldBe(2);
        (await Make.OnHand(b.Id, enough.Id)).ShouldBe(1);
        (await Make.Query(db => db.StockMovements.CountAsync(m => m.WarehouseId == b.Id))).ShouldBe(1);
        var next = await Transfer(a.Id, b.Id, (enough.Id, 1));
        Sequence(next.Value!).ShouldBe(Sequence(first.Value!) + 1);
    }

    private static long Sequence(string number) => long.Parse(number.Split('/')[2]);

    [Fact]
    public async Task A_transfer_out_of_a_frozen_warehouse_is_refused_with_the_count_number()
    {
        var product = await Make.Product();
        var (a, b) = (await Make.Warehouse(), await Make.Warehouse());
        await Make.Receive(a.Id, product.Id, 5);
        var audit = Builders.Unique("SOP");
        await Make.Query(async db =>
        {
            db.StockAudits.Add(StockAudit.Open(audit, a.Id, false, null, new Dictionary<Guid, decimal> { [product.Id] = 5 }, DateTimeOffset.UtcNow, "test"));
            return await db.SaveChangesAsync();
        });
        var result = await Transfer(a.Id, b.Id, (product.Id, 1));
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("Stock.WarehouseFrozen");
        error.Args.ShouldBe([audit]);
        (await Make.OnHand(b.Id, product.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_transfer_is_checked_before_anything_is_posted()
    {
        var product = await Make.Product();
        var a = await Make.Warehouse();
        var result = await Transfer(a.Id, a.Id, (product.Id, 0));
        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("Stock.SameWarehouse", "To"), ("Stock.QuantityPositive", "Lines[0].Quantity")]);
    }

    [Fact]
    public async Task A_goods_receipt_goes_into_primary_warehouses_only()
    {
        var product = await Make.Product();
        var primary = await Make.Warehouse();
        var secondary = await Make.Warehouse((await Make.Partner()).Id);
        var received = await As<ReceiveStockHandler, Result<string>>(WarehouseStaff, h => h.HandleAsync(
            new ReceiveStock(primary.Id, [new StockQuantity(product.Id, 12.5m)], "SJ-SUPPLIER-9")));
        received.Value.ShouldStartWith("GR/");
        (await Make.OnHand(primary.Id, product.Id)).ShouldBe(12.5m);
        var refused = await As<ReceiveStockHandler, Result<string>>(WarehouseStaff, h => h.HandleAsync(
            new ReceiveStock(secondary.Id, [new StockQuantity(product.Id, 1)])));
        refused.Errors.ShouldBe([new Error("Stock.ReceiptPrimaryOnly", "To")]);
    }

    [Fact]
    public async Task An_adjustment_needs_a_reason_and_the_adjust_permission()
    {
        var product = await Make.Product();
        var warehouse = await Make.Warehouse();
        await Make.Receive(warehouse.Id, product.Id, 10);

        var noReason = await As<AdjustStockHandler, Result<string>>(WarehouseStaff, h => h.HandleAsync(new AdjustStock(warehouse.Id, product.Id, -2, "  ")));
        noReason.Errors.ShouldBe([new Error("Stock.ReasonRequired", "Reason")]);
        var bySales = await As<AdjustStockHandler, Result<string>>(Sales, h => h.HandleAsync(new AdjustStock(warehouse.Id, product.Id, -2, "Rusak")));
        bySales.Errors.ShouldBe([new Error("Access.Denied")]);
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(10);

        var adjusted = await As<AdjustStockHandler, Result<string>>(WarehouseStaff, h => h.HandleAsync(new AdjustStock(warehouse.Id, product.Id, -2, "Rusak di gudang")));
        adjusted.Value.ShouldStartWith("ADJ/");
        (await Make.OnHand(warehouse.Id, product.Id)).ShouldBe(8);
        var movement = await Make.Query(db => db.StockMovements.SingleAsync(m => m.DocumentNumber == adjusted.Value));
        (movement.Type, movement.Quantity, movement.Reason, movement.UserName).ShouldBe((MovementType.Adjustment, -2m, "Rusak di gudang", WarehouseStaff));
    }

    // ---------------------------------------------------------------- overview and low stock

    private sealed record Network(string Prefix, Partner A, Partner B, Warehouse Primary, Warehouse AWarehouse, Warehouse BWarehouse, Guid X, Guid Y);

    /// <summary>Primary P (31) 70 X + 45 Y; partner A's warehouse (31) 30 X; partner B's (32) 20 X + 5 Y.</summary>
    private async Task<Network> NetworkAsync()
    {
        var prefix = Builders.Unique("OVR");
        var (pa, pb) = (await Make.Partner(province: "31"), await Make.Partner(province: "32"));
        var primary = await Make.Warehouse(province: "31");
        var wa = await Make.Warehouse(pa.Id, province: "31");
        var wb = await Make.Warehouse(pb.Id, province: "32");
        var (x, y) = (await Make.Product(prefix + "-X"), await Make.Product(prefix + "-Y"));
        await Make.Receive(primary.Id, x.Id, 120);
        await Make.Receive(primary.Id, y.Id, 50);
        (await Transfer(primary.Id, wa.Id, (x.Id, 30))).Errors.ShouldBeEmpty();
        (await Transfer(primary.Id, wb.Id, (x.Id, 20), (y.Id, 5))).Errors.ShouldBeEmpty();
        return new Network(prefix, pa, pb, primary, wa, wb, x.Id, y.Id);
    }

    [Fact]
    public async Task The_overview_adds_up_by_province_partner_ownership_and_product()
    {
        var n = await NetworkAsync();
        var filter = new StockFilter(ProductSearch: n.Prefix);

        var byProvince = await Overview(Admin, StockGrouping.Province, filter);
        byProvince.Rows.Select(r => (r.ProvinceCode, r.ProvinceName, r.OnHand, r.Lines)).ShouldBe([("31", "DKI Jakarta", 145m, 3), ("32", "Jawa Barat", 25m, 2)]);
        byProvince.Totals.ShouldBe(new StockTotals(115, 55, 0));

        var byPartner = await Overview(Admin, StockGrouping.Partner, filter with { Ownership = StockOwnership.Secondary });
        byPartner.Rows.Select(r => (r.PartnerId, r.OnHand)).OrderBy(r => r.OnHand).ShouldBe([(n.B.Id, 25m), (n.A.Id, 30m)]);
        (await Overview(Admin, StockGrouping.Partner, filter)).Rows.Single(r => r.IsPrimary == true).OnHand.ShouldBe(115);

        (await Overview(Admin, StockGrouping.Ownership, filter)).Rows.Select(r => (r.IsPrimary, r.OnHand)).ShouldBe([(true, 115m), (false, 55m)]);
        (await Overview(Admin, StockGrouping.Product, filter)).Rows.Select(r => (r.ProductId, r.OnHand)).ShouldBe([(n.X, 120m), (n.Y, 50m)]);
        var inB = await Overview(Admin, StockGrouping.None, filter with { PartnerId = n.B.Id });
        inB.Rows.Select(r => (r.WarehouseId, r.ProductId, r.OnHand)).ShouldBe([(n.BWarehouse.Id, n.X, 20m), (n.BWarehouse.Id, n.Y, 5m)]);
        inB.TotalCount.ShouldBe(2);
    }

    [Fact]
    public async Task Low_stock_uses_the_warehouse_minimum_else_the_product_default()
    {
        var warehouse = await Make.Warehouse();
        var byDefault = await Make.Product(minStock: 10);
        var byWarehouse = await Make.Product(minStock: 1);
        await Make.Receive(warehouse.Id, byDefault.Id, 3);
        await Make.Receive(warehouse.Id, byWarehouse.Id, 5);

        async Task<IReadOnlyList<StockRow>> Low() =>
            (await As<ListLowStockHandler, Result<LowStockPage>>(Admin, h => h.HandleAsync(new ListLowStock(warehouse.Id)))).Value!.Items;

        (await Low()).Select(r => (r.ProductId, r.OnHand, r.MinLevel)).ShouldBe([(byDefault.Id, 3m, (decimal?)10m)]);
        (await As<SetMinLevelHandler, Result>(WarehouseStaff, h => h.HandleAsync(new SetMinLevel(warehouse.Id, byWarehouse.Id, 6)))).Errors.ShouldBeEmpty();
        (await Low()).Select(r => r.ProductId).ShouldBe([byDefault.Id, byWarehouse.Id]);
        (await As<SetMinLevelHandler, Result>(WarehouseStaff, h => h.HandleAsync(new SetMinLevel(warehouse.Id, byDefault.Id, 2)))).Errors.ShouldBeEmpty();
        (await Low()).Select(r => r.ProductId).ShouldBe([byWarehouse.Id]);

        var overview = await Overview(Admin, StockGrouping.None, new StockFilter(WarehouseId: warehouse.Id, BelowMinimum: true));
        overview.Rows.Select(r => r.ProductId).ShouldBe([byWarehouse.Id]);
        (await As<SetMinLevelHandler, Result>(Sales, h => h.HandleAsync(new SetMinLevel(warehouse.Id, byDefault.Id, 2)))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await As<SetMinLevelHandler, Result>(Admin, h => h.HandleAsync(new SetMinLevel(warehouse.Id, byDefault.Id, -1)))).Errors.ShouldBe([new Error("Stock.MinLevelInvalid", "MinLevel")]);
    }

    // ---------------------------------------------------------------- movements

    [Fact]
    public async Task Movements_filter_by_day_in_the_tenant_time_zone_type_and_document()
    {
        var product = await Make.Product();
        var (a, b) = (await Make.Warehouse(), await Make.Warehouse());
        await Make.Receive(a.Id, product.Id, 10);
        var number = (await Transfer(a.Id, b.Id, (product.Id, 3))).Value!;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).DateTime);

        async Task<IReadOnlyList<MovementListItem>> List(ListMovements q) =>
            (await As<ListMovementsHandler, Result<MovementPage>>(Admin, h => h.HandleAsync(q))).Value!.Items;

        (await List(new ListMovements(From: today, To: today, ProductId: product.Id))).Count.ShouldBe(3);
        (await List(new ListMovements(From: today.AddDays(1), ProductId: product.Id))).ShouldBeEmpty();
        (await List(new ListMovements(To: today.AddDays(-1), ProductId: product.Id))).ShouldBeEmpty();
        (await List(new ListMovements(ProductId: product.Id, Type: MovementType.TransferIn))).Select(m => (m.WarehouseId, m.Quantity)).ShouldBe([(b.Id, 3m)]);
        (await List(new ListMovements(DocumentNumber: number.ToLowerInvariant()))).Select(m => m.Type).Order()
            .ShouldBe([MovementType.TransferOut, MovementType.TransferIn]);
        var range = await As<ListMovementsHandler, Result<MovementPage>>(Admin, h => h.HandleAsync(new ListMovements(From: today, To: today.AddDays(-1))));
        range.Errors.ShouldBe([new Error("Stock.RangeInvalid")]);
    }

    // ---------------------------------------------------------------- isolation

    [Fact]
    public async Task A_partner_user_sees_only_its_own_partners_warehouses_stock_and_movements()
    {
        var n = await NetworkAsync();
        var user = await PartnerUsers.CreateAsync(app, n.A.Id);

        var warehouses = await As<ListWarehousesHandler, Result<WarehousePage>>(user, h => h.HandleAsync(new ListWarehouses(All: true)));
        warehouses.Value!.Items.Select(w => w.Id).ShouldBe([n.AWarehouse.Id]);
        var stock = await Overview(user, StockGrouping.None, new StockFilter(ProductSearch: n.Prefix));
        stock.Rows.Select(r => (r.WarehouseId, r.OnHand)).ShouldBe([(n.AWarehouse.Id, 30m)]);
        stock.Totals.ShouldBe(new StockTotals(0, 30, 0));
        (await Overview(user, StockGrouping.Province, new StockFilter(ProductSearch: n.Prefix))).Rows.Select(r => r.OnHand).ShouldBe([30m]);
        var movements = await As<ListMovementsHandler, Result<MovementPage>>(user, h => h.HandleAsync(new ListMovements(ProductSearch: n.Prefix, All: true)));
        movements.Value!.Items.Select(m => (m.WarehouseId, m.Type, m.Quantity)).ShouldBe([(n.AWarehouse.Id, MovementType.TransferIn, 30m)]);
        var options = await As<ListStockOptionsHandler, Result<StockOptions>>(user, h => h.HandleAsync(new ListStockOptions()));
        options.Value!.Warehouses.Select(w => w.Id).ShouldBe([n.AWarehouse.Id]);
        options.Value.Partners.Select(p => p.Id).ShouldBe([n.A.Id]);
    }

    [Fact]
    public async Task A_partner_user_cannot_open_another_warehouse_by_id_nor_post_stock()
    {
        var n = await NetworkAsync();
        var user = await PartnerUsers.CreateAsync(app, n.A.Id);

        (await As<GetWarehouseHandler, Result<WarehouseDetails>>(user, h => h.HandleAsync(new GetWarehouse(n.AWarehouse.Id)))).Succeeded.ShouldBeTrue();
        foreach (var other in new[] { n.BWarehouse.Id, n.Primary.Id })
            (await As<GetWarehouseHandler, Result<WarehouseDetails>>(user, h => h.HandleAsync(new GetWarehouse(other)))).Errors.ShouldBe([new Error("Warehouse.NotFound")]);
        (await As<TransferStockHandler, Result<string>>(user, h => h.HandleAsync(
            new TransferStock(n.AWarehouse.Id, n.BWarehouse.Id, [new StockQuantity(n.X, 1)])))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await As<AdjustStockHandler, Result<string>>(user, h => h.HandleAsync(
            new AdjustStock(n.AWarehouse.Id, n.X, 5, "Ketemu lagi")))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await As<SaveWarehouseHandler, Result<Guid>>(user, h => h.HandleAsync(
            new SaveWarehouse(n.AWarehouse.Id, n.AWarehouse.Code, "Milik saya", n.A.Id, null, "31", null)))).Errors.ShouldBe([new Error("Access.Denied")]);
        (await Make.OnHand(n.AWarehouse.Id, n.X)).ShouldBe(30);
    }

    [Fact]
    public async Task A_partner_user_without_a_partner_sees_no_stock()
    {
        await NetworkAsync();
        var stock = await Overview(await PartnerUsers.CreateUnlinkedAsync(app), StockGrouping.None, new StockFilter());
        stock.Rows.ShouldBeEmpty();
        stock.Totals.ShouldBe(new StockTotals(0, 0, 0));
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_demos_warehouses_stock_or_movements()
    {
        var n = await NetworkAsync();
        const string other = "admin@other.test";
        (await As<ListWarehousesHandler, Result<WarehousePage>>(other, h => h.HandleAsync(new ListWarehouses(Search: n.Primary.Code)), "other")).Value!.TotalCount.ShouldBe(0);
        (await As<GetWarehouseHandler, Result<WarehouseDetails>>(other, h => h.HandleAsync(new GetWarehouse(n.Primary.Id)), "other")).Errors.ShouldBe([new Error("Warehouse.NotFound")]);
        (await As<GetStockOverviewHandler, Result<StockOverviewPage>>(other, h => h.HandleAsync(
            new GetStockOverview(Filter: new StockFilter(ProductSearch: n.Prefix))), "other")).Value!.Rows.ShouldBeEmpty();
        (await As<ListMovementsHandler, Result<MovementPage>>(other, h => h.HandleAsync(new ListMovements(ProductId: n.X)), "other")).Value!.TotalCount.ShouldBe(0);
        var transfer = await As<TransferStockHandler, Result<string>>(other, h => h.HandleAsync(
            new TransferStock(n.Primary.Id, n.AWarehouse.Id, [new StockQuantity(n.X, 1)])), "other");
        transfer.Errors.ShouldBe([new Error("Warehouse.NotFound")]);
        (await Make.OnHand(n.Primary.Id, n.X)).ShouldBe(70);
    }

    // ---------------------------------------------------------------- consistency check (--check-stock)

    /// <summary>Changes a balance behind the ledger's back, with raw SQL as the tables' owner.</summary>
    protected abstract Task CorruptBalanceAsync(Guid warehouseId, Guid productId, decimal delta);

    [Fact]
    public async Task The_stock_check_finds_every_balance_consistent_after_postings_and_detects_a_tampered_one()
    {
        var n = await NetworkAsync();
        (await StockConsistencyCheck.FindAllAsync(app.Services)).ShouldBeEmpty();
        var output = new StringWriter();
        (await StockConsistencyCheck.RunAsync(app.Services, output)).ShouldBe(0);

        await CorruptBalanceAsync(n.BWarehouse.Id, n.Y, 5);
        try
        {
            var mismatch = (await StockConsistencyCheck.FindAllAsync(app.Services)).ShouldHaveSingleItem();
            (mismatch.WarehouseId, mismatch.ProductId, mismatch.Balance, mismatch.Ledger).ShouldBe((n.BWarehouse.Id, n.Y, 10m, 5m));
            mismatch.TenantId.ShouldBe(await Make.Query(db => Task.FromResult(db.CurrentTenantId)));
            output = new StringWriter();
            (await StockConsistencyCheck.RunAsync(app.Services, output)).ShouldBe(1);
            output.ToString().ShouldContain($"MISMATCH tenant={mismatch.TenantId} warehouse={n.BWarehouse.Id} product={n.Y} balance=10 ledger=5");
        }
        finally
        {
            await CorruptBalanceAsync(n.BWarehouse.Id, n.Y, -5);
        }
        (await StockConsistencyCheck.FindAllAsync(app.Services)).ShouldBeEmpty();
    }

    // ---------------------------------------------------------------- pages

    [Theory]
    [InlineData("/stock", "warehouse@demo.test")]
    [InlineData("/stock/warehouses", "admin@demo.test")]
    [InlineData("/stock/movements", "finance@demo.test")]
    public async Task The_stock_pages_render_for_staff(string page, string email)
    {
        using var client = await app.Client("demo").SignedInAs(email);
        var response = await client.Http.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"" + page.Split('/').Last() switch
        {
            "stock" => "stock-title", "warehouses" => "warehouses-title", _ => "movements-title",
        } + "\"");
    }

    [Fact]
    public async Task A_partner_user_opens_its_stock_and_the_dashboard_shows_its_low_stock_card()
    {
        var partner = await Make.Partner();
        var email = await PartnerUsers.CreateAsync(app, partner.Id);
        using var client = await app.Client("demo").SignedInAs(email);
        (await client.Http.GetAsync("/stock")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var home = await client.Http.GetStringAsync("/");
        home.ShouldContain("data-testid=\"low-stock-card\"");
        using var technician = await app.Client("demo").SignedInAs("technician@demo.test");
        (await technician.Http.GetStringAsync("/")).ShouldNotContain("data-testid=\"low-stock-card\"");
    }
}

public sealed class StockFeatureTests_Sqlite(SqliteApp app) : StockFeatureTests<SqliteApp>(app), IClassFixture<SqliteApp>
{
    protected override Task CorruptBalanceAsync(Guid warehouseId, Guid productId, decimal delta) =>
        Make.Query(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"StockBalances\" SET \"OnHand\" = \"OnHand\" + {0} WHERE \"WarehouseId\" = {1} AND \"ProductId\" = {2}",
            (double)delta, warehouseId, productId));
}

public sealed class StockFeatureTests_Postgres(PostgresApp app) : StockFeatureTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    protected override async Task CorruptBalanceAsync(Guid warehouseId, Guid productId, decimal delta)
    {
        var tenant = await Make.Query(db => Task.FromResult(db.CurrentTenantId));
        await using var conn = new NpgsqlConnection(App.OwnerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT set_config('app.tenant_id', @t, false); UPDATE stock_balances SET on_hand = on_hand + @d WHERE warehouse_id = @w AND product_id = @p", conn);
        cmd.Parameters.AddWithValue("t", tenant.ToString());
        cmd.Parameters.AddWithValue("d", delta);
        cmd.Parameters.AddWithValue("w", warehouseId);
        cmd.Parameters.AddWithValue("p", productId);
        await cmd.ExecuteNonQueryAsync();
    }
}
