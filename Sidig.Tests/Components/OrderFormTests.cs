using System.Globalization;
using Bunit;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Orders;
using Sidig.Web.Features.Orders.Components;

namespace Sidig.Tests.Components;

/// <summary>The order form: lines priced by the server with totals in rupiah, each problem next to its field, nothing sent while invalid.</summary>
public sealed class OrderFormTests : ComponentTest, IDisposable
{
    private static readonly Guid PartnerId = Guid.NewGuid(), WarehouseId = Guid.NewGuid(), TvId = Guid.NewGuid(), FanId = Guid.NewGuid();
    private static readonly OrderFormOptions Options = new([new WarehouseOption(WarehouseId, "WH-PUSAT", "Gudang Pusat", null, null)], [], true, false, null, 10);
    private static readonly Dictionary<Guid, (string Sku, decimal Price)> Catalog = new() { [TvId] = ("TV-43", 10_000m), [FanId] = ("FAN-16", 2_500m) };

    private readonly List<(OrderFormInput Input, bool Submit)> _saved = [];
    private readonly List<PriceOrderLines> _priced = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private Result _answer = Result.Ok();

    public OrderFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        OnHost(Demo);
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);

    /// <summary>Prices like the server does (SalesMath), so the totals the form shows are the handler's.</summary>
    private Task<Result<PricedLines>> Price(PriceOrderLines q)
    {
        _priced.Add(q);
        var lines = q.Lines.Select(l => new PricedLine(l.ProductId, Catalog[l.ProductId].Sku, "", "PCS", Catalog[l.ProductId].Price, "Distributor",
            SalesMath.Net(l.Quantity, Catalog[l.ProductId].Price, l.DiscountPercent, q.DiscountPercent), null, 50, null)).ToList();
        var gross = q.Lines.Sum(l => SalesMath.Gross(l.Quantity, Catalog[l.ProductId].Price));
        return Task.FromResult(Result<PricedLines>.Ok(new PricedLines(lines, gross, lines.Sum(l => l.NetAmount))));
    }

    private static OrderView Draft(decimal discount, params (Guid Id, decimal Qty, decimal Disc)[] lines) => new(
        Guid.NewGuid(), "SO/2026/000001", PartnerId, "DIST-JKT", "PT Distributor Jakarta", null, null, null, WarehouseId, "WH-PUSAT · Gudang Pusat",
        new DateOnly(2026, 11, 22), OrderSource.Staff, null, null, discount, OrderStatus.Draft, "sales@demo.test", DateTimeOffset.UtcNow, null, 0, 0,
        lines.Select(l => new OrderLineView(Guid.NewGuid(), l.Id, Catalog[l.Id].Sku, Catalog[l.Id].Sku, "PCS", l.Qty, Catalog[l.Id].Price, l.Disc, 0,
            null, 0, 0, 0)).ToList(), [], [], true, true, false);

    private IRenderedComponent<OrderForm> RenderForm(OrderView? existing = null)
    {
        Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<OrderForm>(p => p
            .Add(x => x.Options, Options)
            .Add(x => x.Existing, existing)
            .Add(x => x.Today, new DateOnly(2026, 11, 22))
            .Add(x => x.SearchPartners, (_, _) => Task.FromResult<IEnumerable<OrderPartnerOption>>(
                [new OrderPartnerOption(PartnerId, "DIST-JKT", "PT Distributor Jakarta", PartnerType.Distributor, null)]))
            .Add(x => x.SearchProducts, (_, _) => Task.FromResult<IEnumerable<OrderProductOption>>([]))
            .Add(x => x.Price, Price)
            .Add(x => x.Save, (input, submit) =>
            {
                _saved.Add((input, submit));
                return Task.FromResult(_answer);
            }));
    }

    private static string Text(IRenderedComponent<OrderForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);

    [Fact]
    public void Lines_show_their_server_price_and_the_total_follows_quantities_and_discounts()
    {
        var form = RenderForm(Draft(2.5m, (TvId, 9, 0), (FanId, 12, 10)));
        // 9 × 10.000 − 2,5 % = 87.750; 12 × 2.500 = 30.000 − 10 % = 27.000 − 2,5 % = 26.325
        form.WaitForAssertion(() => form.Find("[data-testid=order-total]").TextContent.ShouldContain("Rp 114.075"));
        form.Find("[data-testid=line-net-0]").TextContent.ShouldContain("Rp 87.750");
        form.Find("[data-testid=line-net-1]").TextContent.ShouldContain("Rp 26.325");
        form.Find("[data-testid=order-gross]").TextContent.ShouldContain("Rp 120.000");
        form.Find("[data-testid=line-info-1]").TextContent.ShouldContain("Rp 2.500");

        form.Find("input[data-testid=line-quantity-0]").Change("10");
        form.WaitForAssertion(() => form.Find("[data-testid=line-net-0]").TextContent.ShouldContain("Rp 97.500"));
        _priced.Last().Lines.Single(l => l.ProductId == TvId).Quantity.ShouldBe(10m);
        form.Find("[data-testid=order-total]").TextContent.ShouldContain("Rp 123.825");

        form.Find("button[data-testid=order-submit]").Click();
        form.WaitForAssertion(() => _saved.Count.ShouldBe(1));
        var (input, submit) = _saved.Single();
        submit.ShouldBeTrue();
        input.OrderLines().ShouldBe([new PlaceOrderLine(TvId, 10, 0), new PlaceOrderLine(FanId, 12, 10)]);
        (input.PartnerId, input.WarehouseId, input.DiscountPercent).ShouldBe((PartnerId, WarehouseId, 2.5m));
    }

    [Fact]
    public void An_empty_new_order_says_what_is_missing_and_sends_nothing()
    {
        var form = RenderForm();
        form.Find("[data-testid=order-total]").TextContent.ShouldContain("Rp 0");
        form.Find("button[data-testid=order-submit]").Click();
        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("Choose the partner.");
            Text(form).ShouldContain("Choose a product.");
        });
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public void Bad_quantities_and_discounts_are_shown_next_to_their_fields()
    {
        var form = RenderForm(Draft(0, (TvId, 1, 0)));
        form.Find("input[data-testid=line-quantity-0]").Change("0");
        form.Find("input[data-testid=line-discount-0]").Change("12.345"); // above 100 is clamped by the field; three decimals are not
        form.Find("button[data-testid=order-save-draft]").Click();
        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("The quantity must be more than zero.");
            Text(form).ShouldContain("The discount must be between 0 and 100 %");
        });
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public void The_servers_problems_come_back_on_their_lines()
    {
        _answer = Result.Fail([new Error("Order.StockShort", "Lines[1].Quantity", "FAN-16", "3", "PCS"), new Error("Order.NotEditable")]);
        var form = RenderForm(Draft(0, (TvId, 1, 0), (FanId, 12, 0)));
        form.Find("button[data-testid=order-submit]").Click();
        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("FAN-16: only 3 PCS available in this warehouse.");
            form.Find("[data-testid=order-form-error]").TextContent.ShouldContain("Only a draft order can be changed.");
        });
        _saved.Count.ShouldBe(1);
    }
}
