using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.SellOuts;

namespace Sidig.Tests.Features.SellOuts;

/// <summary>Recording sell-out through its handler: the record, the customer and the ledger move together or not at all.</summary>
public abstract class SellOutTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Admin = "admin@demo.test";
    private readonly Builders _make = new(app);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)); // demo tenant: Asia/Jakarta

    private static RecordSellOut Sale(Guid warehouseId, Guid productId, decimal quantity, string phone = "0812-1111-2222", DateOnly? soldOn = null) =>
        new(warehouseId, new SellOutCustomer("Budi Santoso", phone, "budi@example.id", "31", "31.71"), soldOn ?? Today, "NOTA-7",
            [new SellOutLineInput(productId, quantity, 1_250_000m)]);

    private Task<Result<RecordedSellOut>> Record(string email, RecordSellOut sale, string tenant = "demo") =>
        app.Handle<RecordSellOutHandler, Result<RecordedSellOut>>(tenant, email, h => h.HandleAsync(sale));

    private Task<Result<SellOutList>> List(string email, string tenant = "demo") =>
        app.Handle<ListSellOutsHandler, Result<SellOutList>>(tenant, email, h => h.HandleAsync(new ListSellOuts(All: true)));

    private async Task<(Guid Partner, Guid Warehouse, Guid Product, string User)> PartnerWithStock(decimal quantity = 10)
    {
        var partner = await _make.Partner();
        var warehouse = await _make.Warehouse(partner.Id);
        var product = await _make.Product();
        (await _make.Receive(warehouse.Id, product.Id, quantity)).Errors.ShouldBeEmpty();
        return (partner.Id, warehouse.Id, product.Id, await PartnerUsers.CreateAsync(app, partner.Id));
    }

    [Fact]
    public async Task Recording_a_sale_moves_stock_out_and_keeps_the_customer()
    {
        var (partner, warehouse, product, user) = await PartnerWithStock(10);
        var result = await Record(user, Sale(warehouse, product, 3));
        result.Errors.ShouldBeEmpty();
        result.Value!.Number.ShouldStartWith($"SLO/{Today.Year}/");

        (await _make.OnHand(warehouse, product)).ShouldBe(7m);
        var movement = await _make.Query(db => db.StockMovements.SingleAsync(m => m.WarehouseId == warehouse && m.Type == MovementType.SellOut));
        (movement.Quantity, movement.DocumentType, movement.DocumentNumber, movement.DocumentId)
            .ShouldBe((-3m, StockLedger.DocumentSellOut, result.Value.Number, (Guid?)result.Value.Id));
        var sale = await _make.Query(db => db.SellOuts.Include(s => s.Lines).SingleAsync(s => s.Id == result.Value.Id));
        (sale.PartnerId, sale.WarehouseId, sale.SoldOn, sale.Reference).ShouldBe((partner, warehouse, Today, "NOTA-7"));
        sale.Lines.Single().UnitPrice.ShouldBe(1_250_000m);
        var customer = await _make.Query(db => db.Customers.SingleAsync(c => c.Id == sale.CustomerId));
        (customer.Name, customer.PhoneKey, customer.RegencyCode, customer.PartnerId).ShouldBe(("Budi Santoso", "6281211112222", "31.71", (Guid?)partner));
        (await _make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_returning_customer_is_found_by_phone_whatever_its_format()
    {
        var (_, warehouse, product, user) = await PartnerWithStock(10);
        var first = await Record(user, Sale(warehouse, product, 1, "0813-5555-0001"));
        var second = await Record(user, Sale(warehouse, product, 1, "+62 813 5555 0001"));
        second.Value!.CustomerId.ShouldBe(first.Value!.CustomerId);
        (await _make.Query(db => db.Customers.CountAsync(c => c.PhoneKey == "6281355550001"))).ShouldBe(1);
    }

    [Fact]
    public async Task Not_enough_stock_saves_nothing_and_says_why()
    {
        var (partner, warehouse, product, user) = await PartnerWithStock(2);
        var result = await Record(user, Sale(warehouse, product, 5, "0899-0000-1234"));

        var error = result.Errors.Single();
        error.Code.ShouldBe("Stock.Insufficient");
        error.Args[2].ShouldBe(2m);
        (await _make.OnHand(warehouse, product)).ShouldBe(2m);
        (await _make.Query(db => db.SellOuts.CountAsync(s => s.PartnerId == partner))).ShouldBe(0);
        (await _make.Query(db => db.Customers.CountAsync(c => c.PhoneKey == "628990001234"))).ShouldBe(0);
        (await _make.Query(db => db.StockMovements.CountAsync(m => m.WarehouseId == warehouse && m.Type == MovementType.SellOut))).ShouldBe(0);
    }

    [Fact]
    public async Task A_sale_dated_tomorrow_is_refused_next_to_its_field()
    {
        var (_, warehouse, product, user) = await PartnerWithStock();
        var error = (await Record(user, Sale(warehouse, product, 1, soldOn: Today.AddDays(1)))).Errors.Single();
        (error.Code, error.Field).ShouldBe(("SellOut.DateInFuture", "SoldOn"));
    }

    [Fact]
    public async Task An_import_of_several_sales_is_all_or_nothing()
    {
        var (partner, warehouse, product, user) = await PartnerWithStock(5);
        var result = await app.Handle<RecordSellOutHandler, Result<IReadOnlyList<RecordedSellOut>>>("demo", user, h => h.HandleManyAsync(
            [Sale(warehouse, product, 2, "0811-0000-0001") with { Source = SellOutSource.Import }, Sale(warehouse, product, 4, "0811-0000-0002")]));

        var error = result.Errors.Single();
        (error.Code, error.Field).ShouldBe(("Stock.Insufficient", "[1]"));
        (await _make.OnHand(warehouse, product)).ShouldBe(5m);
        (await _make.Query(db => db.SellOuts.CountAsync(s => s.PartnerId == partner))).ShouldBe(0);
    }

    [Fact]
    public async Task A_partner_user_sells_only_from_its_own_warehouses_and_sees_only_its_own_sales()
    {
        var a = await PartnerWithStock();
        var b = await PartnerWithStock();

        (await Record(a.User, Sale(b.Warehouse, b.Product, 1))).Errors.Single().Code.ShouldBe("SellOut.WarehouseNotAllowed");
        (await _make.OnHand(b.Warehouse, b.Product)).ShouldBe(10m);

        var ownSale = (await Record(a.User, Sale(a.Warehouse, a.Product, 1, "0812-7000-0001"))).Value!;
        var theirSale = (await Record(Admin, Sale(b.Warehouse, b.Product, 1, "0812-7000-0002"))).Value!; // staff may record for any partner

        var seenByA = (await List(a.User)).Value!.Items.Select(i => i.Id).ToList();
        seenByA.ShouldContain(ownSale.Id);
        seenByA.ShouldNotContain(theirSale.Id);
        var seenByStaff = (await List(Admin)).Value!.Items.Select(i => i.Id).ToList();
        seenByStaff.ShouldContain(ownSale.Id);
        seenByStaff.ShouldContain(theirSale.Id);
        var seenByOtherTenant = (await List("admin@other.test", "other")).Value!.Items.Select(i => i.Id).ToList();
        seenByOtherTenant.ShouldNotContain(ownSale.Id);
        seenByOtherTenant.ShouldNotContain(theirSale.Id);
    }

    [Fact]
    public async Task The_principals_own_warehouse_is_not_a_sell_out_warehouse()
    {
        var primary = await _make.Warehouse();
        var product = await _make.Product();
        await _make.Receive(primary.Id, product.Id, 3);
        (await Record(Admin, Sale(primary.Id, product.Id, 1))).Errors.Single().Code.ShouldBe("SellOut.WarehouseNotAllowed");
    }

    [Fact]
    public async Task A_role_without_sell_out_is_refused()
    {
        var (_, warehouse, product, _) = await PartnerWithStock();
        (await Record("finance@demo.test", Sale(warehouse, product, 1))).Errors.Single().Code.ShouldBe("Access.Denied");
    }
}

public sealed class SellOutTests_Sqlite(SqliteApp app) : SellOutTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class SellOutTests_Postgres(PostgresApp app) : SellOutTests<PostgresApp>(app), IClassFixture<PostgresApp>;
