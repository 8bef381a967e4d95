using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Orders;

namespace Sidig.Tests.Features.Orders;

public abstract class QuotationTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Sales = "sales@demo.test";
    private readonly OrderBuilders _o = new(app);

    private Task<Result<T>> Run<THandler, T>(string email, Func<THandler, Task<Result<T>>> call, string tenant = "demo") where THandler : notnull =>
        app.Handle<THandler, Result<T>>(tenant, email, call);

    private async Task<Result<SavedQuotation>> Save(string email, OrderSetup s, params (Guid Product, decimal Qty, decimal Disc)[] lines) =>
        await Run<SaveQuotationHandler, SavedQuotation>(email, async h => await h.HandleAsync(new SaveQuotation(null, s.Partner.Id, (await _o.Today()).AddDays(14), 5,
            "Harga khusus", lines.Select(l => new PlaceOrderLine(l.Product, l.Qty, l.Disc)).ToList())));

    [Fact]
    public async Task An_agent_quotes_its_customer_sends_and_the_accepted_quotation_becomes_an_order_with_its_prices_and_agent()
    {
        var agent = await _o.Basic.Partner(PartnerType.Agent);
        var customer = await _o.Setup(productCount: 2, unitPrice: 50_000m, type: PartnerType.Dealer, parentId: agent.Id);
        var agentUser = await PartnerUsers.CreateAsync(app, agent.Id, Roles.AgentUser);
        var saved = await Save(agentUser, customer, (customer.Products[0].Id, 3, 10), (customer.Products[1].Id, 1, 0));
        saved.Errors.ShouldBeEmpty();
        saved.Value!.Number.ShouldStartWith($"QUO/{(await _o.Today()).Year}/");
        // 150.000 − 10 % = 135.000 − 5 % = 128.250; 50.000 − 5 % = 47.500
        saved.Value.Total.ShouldBe(175_750m);

        (await Run<ChangeQuotationHandler, QuotationStatus>(agentUser, h => h.HandleAsync(new ChangeQuotation(saved.Value.Id, QuotationAction.MarkSent))))
            .Value.ShouldBe(QuotationStatus.Sent);
        // The price list changes after the offer: the order keeps the quoted prices.
        await _o.PartnerPriceList(customer.Partner.Id, (customer.Products[0].Id, 1, 99_000m));

        var order = await Run<AcceptQuotationHandler, PlacedOrder>(agentUser, h => h.HandleAsync(new AcceptQuotation(saved.Value.Id, customer.Warehouse.Id)));
        order.Errors.ShouldBeEmpty();
        order.Value!.Total.ShouldBe(175_750m);
        var loaded = await _o.Load(order.Value.Id);
        (loaded.Source, loaded.AgentId, loaded.PartnerId, loaded.Status).ShouldBe((OrderSource.Quotation, (Guid?)agent.Id, customer.Partner.Id, OrderStatus.Draft));
        loaded.Lines.Select(l => (l.ProductId, l.UnitPrice, l.DiscountPercent)).ShouldBe(
            [(customer.Products[0].Id, 50_000m, 10m), (customer.Products[1].Id, 50_000m, 0m)], ignoreOrder: true);
        var view = (await Run<GetQuotationHandler, QuotationView>(agentUser, h => h.HandleAsync(new GetQuotation(saved.Value.Id)))).Value!;
        (view.Status, view.OrderId, view.OrderNumber).ShouldBe((QuotationStatus.Accepted, (Guid?)order.Value.Id, order.Value.Number));

        (await Run<AcceptQuotationHandler, PlacedOrder>(Sales, h => h.HandleAsync(new AcceptQuotation(saved.Value.Id, customer.Warehouse.Id))))
            .Errors.Single().Code.ShouldBe("Quotation.AlreadyAccepted");
    }

    [Fact]
    public async Task An_expired_quotation_shows_expired_and_cannot_be_accepted_and_a_rejected_one_is_closed()
    {
        var s = await _o.Setup(productCount: 1);
        var today = await _o.Today();
        var old = Quotation.Create(Builders.Unique("QUO-T"), s.Partner.Id, null, today.AddDays(-20), today.AddDays(-1),
            [new SalesLineInput(s.Products[0].Id, s.Products[0].Sku, s.Products[0].Name, "PCS", 1, 100_000m, 0, s.Products[0].PpnKind)], 0, null,
            DateTimeOffset.UtcNow, "test");
        await _o.Basic.Query(async db => { db.Quotations.Add(old); return await db.SaveChangesAsync(); });

        (await Run<GetQuotationHandler, QuotationView>(Sales, h => h.HandleAsync(new GetQuotation(old.Id)))).Value!
            .ShouldSatisfyAllConditions(v => v.DisplayStatus.ShouldBe(QuotationStatus.Expired), v => v.CanAnswer.ShouldBeFalse());
        (await Run<ListQuotationsHandler, QuotationList>(Sales, h => h.HandleAsync(new ListQuotations(QuotationStatus.Expired, s.Partner.Id, All: true))))
            .Value!.Items.Single().Id.ShouldBe(old.Id);
        (await Run<AcceptQuotationHandler, PlacedOrder>(Sales, h => h.HandleAsync(new AcceptQuotation(old.Id, s.Warehouse.Id))))
            .Errors.Single().Code.ShouldBe("Quotation.Expired");

        var fresh = (await Save(Sales, s, (s.Products[0].Id, 1, 0))).Value!;
        (await Run<ChangeQuotationHandler, QuotationStatus>(Sales, h => h.HandleAsync(new ChangeQuotation(fresh.Id, QuotationAction.Reject))))
            .Value.ShouldBe(QuotationStatus.Rejected);
        (await Run<AcceptQuotationHandler, PlacedOrder>(Sales, h => h.HandleAsync(new AcceptQuotation(fresh.Id, s.Warehouse.Id))))
            .Errors.Single().Code.ShouldBe("Quotation.NotOpen");
        var past = await Run<SaveQuotationHandler, SavedQuotation>(Sales, h => h.HandleAsync(new SaveQuotation(null, s.Partner.Id, today.AddDays(-1), 0, null,
            [new PlaceOrderLine(s.Products[0].Id, 1)])));
        past.Errors.Single().ShouldBe(new Error("Quotation.ValidUntilBeforeDate", "ValidUntil"));
    }

    [Fact]
    public async Task Agents_quote_only_their_customers_and_outsiders_cannot_read_or_answer_a_quotation()
    {
        var agent = await _o.Basic.Partner(PartnerType.Agent);
        var agentUser = await PartnerUsers.CreateAsync(app, agent.Id, Roles.AgentUser);
        var stranger = await _o.Setup(productCount: 1);
        (await Save(agentUser, stranger, (stranger.Products[0].Id, 1, 0))).Errors.Single().Code.ShouldBe("Partner.NotFound");

        var quote = (await Save(Sales, stranger, (stranger.Products[0].Id, 1, 0))).Value!;
        var owner = await PartnerUsers.CreateAsync(app, stranger.Partner.Id);
        (await Run<GetQuotationHandler, QuotationView>(owner, h => h.HandleAsync(new GetQuotation(quote.Id)))).Value!.CanEdit.ShouldBeFalse();
        (await Save(owner, stranger, (stranger.Products[0].Id, 1, 0))).Errors.Single().Code.ShouldBe("Access.Denied"); // distributors do not quote

        var outsider = await PartnerUsers.CreateAsync(app, (await _o.Basic.Partner()).Id);
        foreach (var (email, tenant) in new[] { (outsider, "demo"), (agentUser, "demo"), ("admin@other.test", "other") })
        {
            (await Run<GetQuotationHandler, QuotationView>(email, h => h.HandleAsync(new GetQuotation(quote.Id)), tenant)).Errors.Single().Code.ShouldBe("Quotation.NotFound");
            (await Run<ListQuotationsHandler, QuotationList>(email, h => h.HandleAsync(new ListQuotations(All: true)), tenant)).Value!.Items.ShouldNotContain(i => i.Id == quote.Id);
            (await Run<ChangeQuotationHandler, QuotationStatus>(email, h => h.HandleAsync(new ChangeQuotation(quote.Id, QuotationAction.Reject)), tenant))
                .Errors.Single().Code.ShouldBe("Quotation.NotFound");
            (await Run<AcceptQuotationHandler, PlacedOrder>(email, h => h.HandleAsync(new AcceptQuotation(quote.Id, null)), tenant))
                .Errors.Single().Code.ShouldBe("Quotation.NotFound");
        }
        (await _o.Basic.Query(db => db.Quotations.Where(q => q.Id == quote.Id).Select(q => q.Status).FirstAsync())).ShouldBe(QuotationStatus.Draft);
    }

    [Fact]
    public async Task Order_and_quotation_pages_show_the_record_only_to_those_who_may_see_it()
    {
        var s = await _o.Setup(productCount: 1);
        var order = (await _o.Place(Sales, s, false, (s.Products[0], 2))).Value!;
        var quote = (await Save(Sales, s, (s.Products[0].Id, 1, 0))).Value!;
        var owner = await PartnerUsers.CreateAsync(app, s.Partner.Id);
        var outsider = await PartnerUsers.CreateAsync(app, (await _o.Basic.Partner()).Id);

        async Task<string> Page(string email, string url, string tenant = "demo")
        {
            using var client = await app.Client(tenant).SignedInAs(email);
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        (await Page(Sales, $"/orders/{order.Id}")).ShouldContain(order.Number);
        (await Page(owner, $"/orders/{order.Id}")).ShouldContain(order.Number);
        (await Page(owner, $"/quotations/{quote.Id}")).ShouldContain(quote.Number);
        foreach (var (email, tenant) in new[] { (outsider, "demo"), ("admin@other.test", "other") })
        {
            var orderPage = await Page(email, $"/orders/{order.Id}", tenant);
            orderPage.ShouldNotContain(order.Number);
            orderPage.ShouldContain("data-testid=\"order-not-found\"");
            var quotePage = await Page(email, $"/quotations/{quote.Id}", tenant);
            quotePage.ShouldNotContain(quote.Number);
            quotePage.ShouldContain("data-testid=\"quotation-not-found\"");
        }
    }
}

public sealed class QuotationTests_Sqlite(SqliteApp app) : QuotationTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class QuotationTests_Postgres(PostgresApp app) : QuotationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
