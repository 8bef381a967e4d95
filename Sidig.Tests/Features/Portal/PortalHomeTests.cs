using System.Net;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Allocations;
using Sidig.Web.Features.Portal;

namespace Sidig.Tests.Features.Portal;

public abstract class PortalHomeTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly Builders _make = new(app);

    private Task<Result<PortalHome>> Home(string email) =>
        app.Handle<GetPortalHomeHandler, Result<PortalHome>>("demo", email, h => h.HandleAsync(new GetPortalHome()));

    [Fact]
    public async Task A_partner_user_sees_its_partners_stock_movements_and_allocations_only()
    {
        var (a, b) = (await _make.Partner(), await _make.Partner());
        var (wa, wb) = (await _make.Warehouse(a.Id), await _make.Warehouse(b.Id));
        var (p1, p2) = (await _make.Product(minStock: 5), await _make.Product());
        await _make.Receive(wa.Id, p1.Id, 3); // below its minimum of 5
        await _make.Receive(wa.Id, p2.Id, 20);
        await _make.Receive(wb.Id, p2.Id, 99);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        (await app.Handle<SaveAllocationHandler, Result<Guid>>("demo", "sales@demo.test", h => h.HandleAsync(
            new SaveAllocation(null, a.Id, p2.Id, today.AddDays(-5), today.AddDays(25), 50)))).Errors.ShouldBeEmpty();
        (await app.Handle<SaveAllocationHandler, Result<Guid>>("demo", "sales@demo.test", h => h.HandleAsync(
            new SaveAllocation(null, b.Id, p2.Id, today.AddDays(-5), today.AddDays(25), 70)))).Errors.ShouldBeEmpty();

        var home = (await Home(await PartnerUsers.CreateAsync(app, a.Id))).Value!;
        home.Linked.ShouldBeTrue();
        home.PartnerName.ShouldBe(a.LegalName);
        home.Stock.Select(s => (s.Sku, s.OnHand)).ShouldBe([(p1.Sku, 3m), (p2.Sku, 20m)]); // the low one first
        home.LowStockCount.ShouldBe(1);
        home.Movements.Count.ShouldBe(2);
        home.Movements.ShouldAllBe(m => m.WarehouseCode == wa.Code);
        home.Allocations.Single().Quantity.ShouldBe(50m);
    }

    [Fact]
    public async Task A_partner_user_not_linked_to_a_partner_gets_the_friendly_page()
    {
        var unlinked = await PartnerUsers.CreateUnlinkedAsync(app);
        (await Home(unlinked)).Value!.Linked.ShouldBeFalse();
        using var client = await app.Client("demo").SignedInAs(unlinked);
        var response = await client.Http.GetAsync("/portal");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"portal-not-linked\"");
    }

    [Fact]
    public async Task Staff_cannot_use_the_portal_query() =>
        (await Home("admin@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
}

public sealed class PortalHomeTests_Sqlite(SqliteApp app) : PortalHomeTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class PortalHomeTests_Postgres(PostgresApp app) : PortalHomeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
