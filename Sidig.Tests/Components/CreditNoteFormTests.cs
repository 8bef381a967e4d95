using System.Globalization;
using Bunit;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Receivables;
using Sidig.Web.Features.Receivables.Components;

namespace Sidig.Tests.Components;

/// <summary>The return form: quantities never above what may come back, every problem next to its field, nothing sent until valid.</summary>
public sealed class CreditNoteFormTests : ComponentTest, IDisposable
{
    private static readonly WarehouseOption Principal = new(Guid.NewGuid(), "WH-PUSAT", "Gudang Pusat", null, null);
    private static readonly WarehouseOption PartnerOwn = new(Guid.NewGuid(), "WH-MITRA", "Gudang Mitra", Guid.NewGuid(), "PT Mitra Jaya");
    private static readonly DateOnly Today = new(2026, 11, 22);

    // Line 0: 5 billed, 3 delivered, 1 returned → 2 may come back. Line 1: fully returned already.
    private static readonly CreditNoteDraft Draft = new(Guid.NewGuid(), "INV/2026/11/00007", new DateOnly(2026, 11, 2), Guid.NewGuid(), "PT Mitra Jaya",
        6_660_000m, 0m,
        [
            new ReturnableLine(Guid.NewGuid(), "TV-43", "Smart TV 43\"", "UNIT", 5, 1, 3, 2, 1_200_000m),
            new ReturnableLine(Guid.NewGuid(), "RC-01", "Remote", "PCS", 2, 2, 2, 0, 50_000m),
        ],
        [Principal, PartnerOwn], Today);

    private readonly List<CreateCreditNote> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public CreditNoteFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        OnHost(Demo);
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);

    private IRenderedComponent<CreditNoteForm> RenderForm(Result? answer = null)
    {
        Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<CreditNoteForm>(p => p
            .Add(x => x.Draft, Draft)
            .Add(x => x.Submit, command =>
            {
                _submitted.Add(command);
                return Task.FromResult(answer ?? Result.Ok());
            }));
    }

    private static string Text(IRenderedComponent<CreditNoteForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);

    [Fact]
    public void An_empty_form_asks_for_a_quantity_and_a_reason_and_sends_nothing()
    {
        var form = RenderForm();
        form.Find("button[data-testid=credit-note-submit]").Click();

        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("Enter a quantity to return on at least one line.");
            Text(form).ShouldContain("Say why the goods come back.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void More_than_may_come_back_is_shown_next_to_the_line_and_not_sent()
    {
        var form = RenderForm();
        form.Find("input[data-testid=credit-note-quantity-0]").Change("3");
        form.Find("textarea[data-testid=credit-note-reason]").Change("Rusak");
        form.Find("button[data-testid=credit-note-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("At most 2 UNIT were delivered and not returned yet."));
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_fully_returned_line_cannot_be_entered()
    {
        var form = RenderForm();
        form.Find("input[data-testid=credit-note-quantity-1]").HasAttribute("disabled").ShouldBeTrue();
        Text(form).ShouldContain("Up to 0 PCS may come back");
    }

    [Fact]
    public void A_valid_return_is_sent_with_the_principals_warehouse_and_today()
    {
        var form = RenderForm();
        form.Find("input[data-testid=credit-note-quantity-0]").Change("2");
        form.Find("textarea[data-testid=credit-note-reason]").Change("Rusak dalam pengiriman");
        form.WaitForAssertion(() => Text(form).ShouldContain("Net returned: Rp 2.400.000"));
        form.Find("button[data-testid=credit-note-submit]").Click();

        form.WaitForAssertion(() => _submitted.Count.ShouldBe(1));
        var command = _submitted[0];
        (command.InvoiceId, command.WarehouseId, command.IssueDate, command.Reason).ShouldBe((Draft.InvoiceId, (Guid?)Principal.Id, (DateOnly?)Today, "Rusak dalam pengiriman"));
        command.Lines.Select(l => (l.InvoiceLineId, l.Quantity)).ShouldBe([(Draft.Lines[0].InvoiceLineId, (decimal?)2m), (Draft.Lines[1].InvoiceLineId, null)]);
    }

    [Fact]
    public void A_refusal_from_the_server_is_shown_next_to_its_field()
    {
        var form = RenderForm(Result.Fail([new Error("CreditNote.WarehouseNotAllowed", "WarehouseId")]));
        form.Find("input[data-testid=credit-note-quantity-0]").Change("1");
        form.Find("textarea[data-testid=credit-note-reason]").Change("Salah kirim");
        form.Find("button[data-testid=credit-note-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("Returns go back into one of the principal's warehouses or the partner's own."));
        _submitted.Count.ShouldBe(1);
    }
}
