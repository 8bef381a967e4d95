using System.Globalization;
using Bunit;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Invoicing;
using Sidig.Web.Features.Invoicing.Components;

namespace Sidig.Tests.Components;

/// <summary>The payment form: the outstanding amount prefilled, overpayment and a missing proof refused at their fields.</summary>
public sealed class PaymentFormTests : ComponentTest, IDisposable
{
    private static readonly Guid InvoiceId = Guid.NewGuid();
    private readonly List<PaymentInput> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public PaymentFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        OnHost(Demo);
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);

    private IRenderedComponent<PaymentForm> RenderForm(bool report = false)
    {
        Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<PaymentForm>(p => p
            .Add(x => x.InvoiceId, InvoiceId)
            .Add(x => x.Outstanding, 1_220_000m)
            .Add(x => x.Today, new DateOnly(2026, 11, 22))
            .Add(x => x.RequireProof, report)
            .Add(x => x.Submit, input =>
            {
                _submitted.Add(input);
                return Task.FromResult(Result.Ok());
            }));
    }

    [Fact]
    public void Finance_records_the_outstanding_amount_by_default()
    {
        var form = RenderForm();
        Text(form).ShouldContain("Outstanding: Rp 1.220.000");
        form.Find("input[data-testid=payment-reference]").Change("TRF-991");
        form.Find("button[data-testid=payment-submit]").Click();

        form.WaitForAssertion(() => _submitted.Count.ShouldBe(1));
        (_submitted[0].InvoiceId, _submitted[0].Amount, _submitted[0].Method, _submitted[0].Reference, _submitted[0].PaidOn)
            .ShouldBe((InvoiceId, (decimal?)1_220_000m, (PaymentMethod?)PaymentMethod.BankTransfer, "TRF-991", (DateOnly?)new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void More_than_is_outstanding_is_refused_at_the_amount()
    {
        var form = RenderForm();
        form.Find("input[data-testid=payment-amount]").Change("1220001");
        form.Find("button[data-testid=payment-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("The amount is more than is outstanding; overpayments are not accepted."));
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_partners_report_needs_the_transfer_slip()
    {
        var form = RenderForm(report: true);
        form.Find("button[data-testid=payment-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("Attach the transfer slip."));
        _submitted.ShouldBeEmpty();
    }

    private static string Text(IRenderedComponent<PaymentForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);
}
