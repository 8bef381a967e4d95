using System.Globalization;
using Bunit;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Delivery;
using Sidig.Web.Features.Delivery.Components;

namespace Sidig.Tests.Components;

/// <summary>The delivery-note form: open quantities prefilled, too much or a bad plate shown at its field, nothing sent while wrong.</summary>
public sealed class DeliveryNoteFormTests : ComponentTest, IDisposable
{
    private static readonly DeliveryNoteDraft Draft = new(Guid.NewGuid(), "SO/2026/000007", new DateOnly(2026, 11, 20), OrderStatus.PartiallyShipped,
        "PT Mitra Jaya", "WH-JKT · Gudang Jakarta", "WH-MJ · Gudang Mitra",
        [
            new DeliveryDraftLine(Guid.NewGuid(), "TV-43", "Smart TV 43\"", "UNIT", 10, 3, 2, 40),
            new DeliveryDraftLine(Guid.NewGuid(), "AC-1", "AC 1 PK", "UNIT", 4, 4, 0, 0),
        ]);

    private readonly List<CreateDeliveryNote> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public DeliveryNoteFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        OnHost(Demo);
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);

    private IRenderedComponent<DeliveryNoteForm> RenderForm(Result? answer = null)
    {
        Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<DeliveryNoteForm>(p => p
            .Add(x => x.Draft, Draft)
            .Add(x => x.Today, new DateOnly(2026, 11, 22))
            .Add(x => x.Submit, command =>
            {
                _submitted.Add(command);
                return Task.FromResult(answer ?? Result.Ok());
            }));
    }

    [Fact]
    public void The_open_quantity_is_prefilled_and_a_valid_note_is_sent()
    {
        var form = RenderForm();
        form.Find("input[data-testid=delivery-qty-0]").GetAttribute("value").ShouldBe("5"); // 10 − 3 shipped − 2 on drafts
        form.Find("input[data-testid=delivery-company]").Change("JNE Cargo");
        form.Find("button[data-testid=delivery-submit]").Click();

        form.WaitForAssertion(() => _submitted.Count.ShouldBe(1));
        var sent = _submitted[0];
        (sent.OrderId, sent.ShipDate, sent.ShippingCompany).ShouldBe((Draft.OrderId, (DateOnly?)new DateOnly(2026, 11, 22), "JNE Cargo"));
        sent.Lines.Select(l => l.Quantity).ShouldBe([5m, null]);
    }

    [Fact]
    public void More_than_is_open_is_capped_and_a_bad_plate_is_shown_and_nothing_is_sent()
    {
        var form = RenderForm();
        form.Find("input[data-testid=delivery-qty-0]").Change("6");
        form.Find("input[data-testid=delivery-vehicle]").Change("12-ABC");
        form.Find("button[data-testid=delivery-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("Enter a vehicle number like B 1234 XYZ."));
        form.Find("input[data-testid=delivery-qty-0]").GetAttribute("value").ShouldBe("5"); // the field does not take more than is open
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_refusal_of_the_server_is_shown_next_to_its_field()
    {
        var form = RenderForm(Result.Fail([new Error("Delivery.QuantityAboveOpen", "Lines[0].Quantity", 1m)]));
        form.Find("input[data-testid=delivery-company]").Change("JNE Cargo");
        form.Find("button[data-testid=delivery-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("At most 1 can still be shipped."));
        _submitted.Count.ShouldBe(1);
    }

    private static string Text(IRenderedComponent<DeliveryNoteForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);
}
