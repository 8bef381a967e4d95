using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Common;
using Sidig.Web.Features.Stock;
using Sidig.Web.Features.Stock.Components;

namespace Sidig.Tests.Components;

/// <summary>The transfer and adjustment forms check their input before anything is sent, and show the server's refusal.</summary>
public sealed class StockFormsTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private static readonly WarehouseOption Jakarta = new(Guid.NewGuid(), "WH-JKT", "Gudang Jakarta", null, true);
    private static readonly WarehouseOption Bandung = new(Guid.NewGuid(), "WH-BDG", "Gudang Bandung", Guid.NewGuid(), true);
    private static readonly ProductOption Fan = new(Guid.NewGuid(), "FAN-16", "Kipas Angin 16\"", "PCS");
    private static readonly ProductOption Tv = new(Guid.NewGuid(), "TV-43", "Smart TV 43", "UNIT", IsSerialised: true);
    private readonly List<StockMoveInput> _moves = [];
    private readonly List<AdjustStock> _adjustments = [];
    private Result _answer = Result.Ok();

    public StockFormsTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    private static Task<IEnumerable<ProductOption>> Search(string? text, CancellationToken ct) => Task.FromResult<IEnumerable<ProductOption>>([Fan]);

    private IRenderedComponent<StockMoveForm> Transfer(Guid? from = null, Guid? to = null, ProductOption? product = null)
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<StockMoveForm>(p => p
            .Add(x => x.Mode, StockMoveMode.Transfer)
            .Add(x => x.Warehouses, [Jakarta, Bandung])
            .Add(x => x.SearchProducts, Search)
            .Add(x => x.InitialFrom, from)
            .Add(x => x.InitialTo, to)
            .Add(x => x.InitialProduct, product)
            .Add(x => x.Submit, input => { _moves.Add(input); return Task.FromResult(_answer); }));
    }

    private IRenderedComponent<AdjustmentForm> Adjustment()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<AdjustmentForm>(p => p
            .Add(x => x.Warehouses, [Jakarta, Bandung])
            .Add(x => x.SearchProducts, Search)
            .Add(x => x.InitialWarehouse, Jakarta.Id)
            .Add(x => x.InitialProduct, Fan)
            .Add(x => x.Submit, command => { _adjustments.Add(command); return Task.FromResult(_answer); }));
    }

    private static string Text(IRenderedComponent<StockMoveForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);
    private static string Text(IRenderedComponent<AdjustmentForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);

    [Fact]
    public void An_empty_transfer_shows_what_is_missing_and_sends_nothing()
    {
        var form = Transfer();
        form.Find("button[data-testid=move-submit]").Click();
        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("Choose the warehouse the stock leaves.");
            Text(form).ShouldContain("Choose the warehouse the stock goes to.");
            Text(form).ShouldContain("Choose a product.");
            Text(form).ShouldContain("Enter a quantity above 0.");
        });
        _moves.ShouldBeEmpty();
    }

    [Fact]
    public void A_transfer_into_its_own_source_warehouse_is_refused_before_sending()
    {
        var form = Transfer(Jakarta.Id, Jakarta.Id, Fan);
        form.Find("input[data-testid=move-quantity-0]").Input("3");
        form.Find("button[data-testid=move-submit]").Click();
        form.WaitForAssertion(() => Text(form).ShouldContain("Choose a different warehouse than the source."));
        _moves.ShouldBeEmpty();
    }

    [Fact]
    public void A_complete_transfer_is_sent_and_not_enough_stock_is_explained()
    {
        _answer = Result.Fail([new Error("Stock.Insufficient", null, "FAN-16", "WH-JKT", 2m, 3m)]);
        var form = Transfer(Jakarta.Id, Bandung.Id, Fan);
        form.Find("input[data-testid=move-quantity-0]").Input("3");
        form.Find("button[data-testid=move-submit]").Click();
        form.WaitForAssertion(() => form.Find("[data-testid=move-error]").TextContent
            .ShouldBe("Not enough stock of FAN-16 in WH-JKT: 2 on hand, 3 requested."));
        var sent = _moves.ShouldHaveSingleItem();
        sent.ToTransfer().ShouldBe(new TransferStock(Jakarta.Id, Bandung.Id, sent.Lines, null));
        sent.Lines.ShouldBe([new StockQuantity(Fan.Id, 3m)]);
    }

    [Fact]
    public void A_serialised_line_takes_pasted_serials_counts_them_against_the_quantity_and_sends_them()
    {
        var form = Transfer(Jakarta.Id, Bandung.Id, Tv);
        form.Find("input[data-testid=move-quantity-0]").Input("3");
        form.Find("textarea[data-testid=move-serials-0]").Input("TV-43-0001\nTV-43-0002");
        form.WaitForAssertion(() => form.Find("[data-testid=move-serials-0-count]").TextContent.ShouldBe("2 of 3"));
        form.Find("textarea[data-testid=move-serials-0]").Input("TV-43-0001\nTV-43-0002\thttps://demo.sidig.id/u/abcdefghjkmn");
        form.WaitForAssertion(() => form.Find("[data-testid=move-serials-0-count]").TextContent.ShouldBe("3 of 3"));
        form.Find("button[data-testid=move-submit]").Click();
        form.WaitForAssertion(() => _moves.ShouldHaveSingleItem());
        _moves[0].Lines.ShouldBe([new StockQuantity(Tv.Id, 3m, "TV-43-0001\nTV-43-0002\thttps://demo.sidig.id/u/abcdefghjkmn")]);
    }

    [Fact]
    public void A_plain_product_has_no_serials_field() =>
        Transfer(Jakarta.Id, Bandung.Id, Fan).FindAll("textarea[data-testid=move-serials-0]").ShouldBeEmpty();

    [Fact]
    public void A_refused_serial_is_shown_on_its_line()
    {
        _answer = Result.Fail([new Error("Units.SerialUnknown", StockFormRules.LineSerials(0), "TV-43-9999")]);
        var form = Transfer(Jakarta.Id, Bandung.Id, Tv);
        form.Find("input[data-testid=move-quantity-0]").Input("1");
        form.Find("textarea[data-testid=move-serials-0]").Input("TV-43-9999");
        form.Find("button[data-testid=move-submit]").Click();
        form.WaitForAssertion(() => Text(form).ShouldContain("Unknown serial(s): TV-43-9999"));
    }

    [Fact]
    public void An_adjustment_without_a_reason_is_not_sent()
    {
        var form = Adjustment();
        form.Find("input[data-testid=adjust-quantity]").Input("2");
        form.Find("button[data-testid=adjust-submit]").Click();
        form.WaitForAssertion(() => Text(form).ShouldContain("Enter the reason for the adjustment."));
        _adjustments.ShouldBeEmpty();
    }

    [Fact]
    public void An_adjustment_needs_a_quantity_above_zero_and_removing_stock_sends_a_negative_one()
    {
        var form = Adjustment();
        form.Find("textarea[data-testid=adjust-reason]").Change("Rusak di gudang");
        form.Find("button[data-testid=adjust-submit]").Click();
        form.WaitForAssertion(() => Text(form).ShouldContain("Enter a quantity above 0."));
        _adjustments.ShouldBeEmpty();

        var decrease = form.Find("input[data-testid=adjust-decrease], [data-testid=adjust-decrease] input");
        try { decrease.Click(); } catch (MissingEventHandlerException) { decrease.Change(false); }
        form.Find("input[data-testid=adjust-quantity]").Input("2");
        form.Find("button[data-testid=adjust-submit]").Click();
        form.WaitForAssertion(() => _adjustments.ShouldHaveSingleItem().ShouldBe(new AdjustStock(Jakarta.Id, Fan.Id, -2m, "Rusak di gudang")));
    }
}
