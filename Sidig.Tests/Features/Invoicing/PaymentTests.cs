using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Invoicing;

namespace Sidig.Tests.Features.Invoicing;

/// <summary>Payments: partial and full, overpayment refused, partners' reports pending until finance decides, proofs and isolation.</summary>
public abstract class PaymentTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly FulfilmentBuilders _f = new(app);
    private static DateOnly Today => FulfilmentBuilders.Today;

    /// <summary>A fully shipped and invoiced order of 2 × Rp 1.000.000: total Rp 2.220.000 (DPP 1.833.333, PPN 220.000).</summary>
    private async Task<(Invoice Invoice, Guid OrderId, Guid PartnerId, string PartnerUser)> Invoiced()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 1_000_000, 0));
        var issued = await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(order, 2)));
        issued.Errors.ShouldBeEmpty();
        return (await _f.Invoice(issued.Value!.Id), order.Id, s.Partner.Id, await app.CreatePartnerUser(s.Partner.Id));
    }

    private Task<Result> Confirm(Guid paymentId, string email = FulfilmentBuilders.Finance, string tenant = "demo") =>
        app.Handle<ConfirmPaymentHandler, Result>(tenant, email, h => h.HandleAsync(new ConfirmPayment(paymentId)));

    private Task<Result<InvoiceList>> List(string email, ListInvoices? query = null) =>
        app.Handle<ListInvoicesHandler, Result<InvoiceList>>("demo", email, h => h.HandleAsync(query ?? new ListInvoices(All: true)));

    [Fact]
    public async Task Partial_payments_settle_the_invoice_and_the_order_and_overpayment_is_refused()
    {
        var (invoice, orderId, _, _) = await Invoiced();
        invoice.Total.ShouldBe(2_220_000m);

        (await _f.Pay(invoice.Id, 1_000_000)).Errors.ShouldBeEmpty();
        var partly = await _f.Invoice(invoice.Id);
        (partly.Status, partly.PaidAmount, partly.Outstanding).ShouldBe((InvoiceStatus.PartiallyPaid, 1_000_000m, 1_220_000m));
        var order = await _f.Order(orderId);
        (order.Status, order.PaidAmount).ShouldBe((OrderStatus.PartiallyPaid, 1_000_000m));

        var over = (await _f.Pay(invoice.Id, 1_220_001)).Errors.Single();
        (over.Code, over.Field).ShouldBe(("Payment.Overpayment", "Amount"));
        (await _f.Pay(invoice.Id, 100.5m)).Errors.Single().Code.ShouldBe("Payment.AmountInvalid");

        (await _f.Pay(invoice.Id, 1_220_000, reference: "TRF-2")).Errors.ShouldBeEmpty();
        (await _f.Invoice(invoice.Id)).Status.ShouldBe(InvoiceStatus.Paid);
        order = await _f.Order(orderId);
        (order.Status, order.PaidAmount).ShouldBe((OrderStatus.Paid, 2_220_000m));
        (await _f.Pay(invoice.Id, 1)).Errors.Single().Code.ShouldBe("Payment.InvoiceAlreadyPaid");
        (await _f.Make.Query(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Confirmed))).ShouldBe(2);
    }

    [Fact]
    public async Task A_partners_reported_payment_counts_only_once_finance_confirms_it()
    {
        var (invoice, orderId, _, user) = await Invoiced();

        var reported = await _f.Report(invoice.Id, 2_000_000, user);
        reported.Errors.ShouldBeEmpty();
        var pending = await _f.Make.Query(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == reported.Value));
        (pending.Status, pending.ProofContentType, pending.ProofFileName).ShouldBe((PaymentStatus.Pending, "image/png", "bukti.png"));
        (await _f.Invoice(invoice.Id)).PaidAmount.ShouldBe(0m);
        (await _f.Order(orderId)).PaidAmount.ShouldBe(0m);
        // a second report may only claim what the first leaves open
        (await _f.Report(invoice.Id, 220_001, user)).Errors.Single().Code.ShouldBe("Payment.Overpayment");

        (await Confirm(reported.Value)).Errors.ShouldBeEmpty();
        var paid = await _f.Invoice(invoice.Id);
        (paid.Status, paid.PaidAmount).ShouldBe((InvoiceStatus.PartiallyPaid, 2_000_000m));
        (await _f.Order(orderId)).PaidAmount.ShouldBe(2_000_000m);
        (await Confirm(reported.Value)).Errors.Single().Code.ShouldBe("Payment.NotPending");

        var second = await _f.Report(invoice.Id, 220_000, user);
        (await app.Handle<RejectPaymentHandler, Result>("demo", FulfilmentBuilders.Finance, h => h.HandleAsync(new RejectPayment(second.Value, " "))))
            .Errors.Single().Code.ShouldBe("Payment.RejectReasonRequired");
        (await app.Handle<RejectPaymentHandler, Result>("demo", FulfilmentBuilders.Finance, h => h.HandleAsync(new RejectPayment(second.Value, "Dana belum masuk"))))
            .Errors.ShouldBeEmpty();
        (await _f.Invoice(invoice.Id)).PaidAmount.ShouldBe(2_000_000m);
        (await Confirm(second.Value)).Errors.Single().Code.ShouldBe("Payment.NotPending");
        var view = (await app.Handle<GetInvoiceHandler, Result<InvoiceView>>("demo", user, h => h.HandleAsync(new GetInvoice(invoice.Id)))).Value!;
        view.Payments.Select(p => p.Status).ShouldBe([PaymentStatus.Confirmed, PaymentStatus.Rejected], ignoreOrder: true);
    }

    [Fact]
    public async Task A_report_needs_an_image_or_pdf_proof_of_at_most_5_mb()
    {
        var (invoice, _, _, user) = await Invoiced();
        (await _f.Report(invoice.Id, 1000, user, TestImages.Zip)).Errors.Single().Code.ShouldBe("Payment.ProofType");
        var tooLarge = (await _f.Report(invoice.Id, 1000, user, new byte[Payment.MaxProofBytes + 1])).Errors.Single();
        (tooLarge.Code, tooLarge.Field).ShouldBe(("Payment.ProofTooLarge", "Proof"));
        (await _f.Report(invoice.Id, 1000, user, "%PDF-1.7\n%…"u8.ToArray())).Errors.ShouldBeEmpty();
        var none = await app.Handle<ReportPaymentHandler, Result<Guid>>("demo", user, h => h.HandleAsync(new ReportPayment(
            new PaymentInput(invoice.Id, 1000, PaymentMethod.Cash, null, Today))));
        none.Errors.Single().Code.ShouldBe("Payment.ProofRequired");
    }

    [Fact]
    public async Task Only_finance_records_and_decides_payments_and_only_distributors_report_them()
    {
        var (invoice, _, _, user) = await Invoiced();
        (await _f.Pay(invoice.Id, 1000, user)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Pay(invoice.Id, 1000, "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Report(invoice.Id, 1000, FulfilmentBuilders.Finance)).Errors.Single().Code.ShouldBe("Access.Denied");
        var reported = await _f.Report(invoice.Id, 1000, user);
        (await Confirm(reported.Value, user)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Invoice(invoice.Id)).PaidAmount.ShouldBe(0m);
    }

    [Fact]
    public async Task Another_partner_and_another_tenant_cannot_read_pay_or_download_anything()
    {
        var (invoice, _, _, owner) = await Invoiced();
        var stranger = await app.CreatePartnerUser((await _f.Make.Partner()).Id);
        var reported = (await _f.Report(invoice.Id, 1000, owner)).Value;

        (await app.Handle<GetInvoiceHandler, Result<InvoiceView>>("demo", stranger, h => h.HandleAsync(new GetInvoice(invoice.Id)))).Errors.Single().Code
            .ShouldBe("Invoice.NotFound");
        (await List(stranger)).Value!.Items.Select(i => i.Id).ShouldNotContain(invoice.Id);
        (await List(owner)).Value!.Items.Select(i => i.Id).ShouldBe([invoice.Id]);
        (await _f.Report(invoice.Id, 1000, stranger)).Errors.Single().Code.ShouldBe("Invoice.NotFound");
        (await app.Handle<GetPaymentProofHandler, PaymentProofFile?>("demo", stranger, h => h.HandleAsync(new GetPaymentProof(reported)))).ShouldBeNull();
        (await app.Handle<GetPaymentProofHandler, PaymentProofFile?>("demo", owner, h => h.HandleAsync(new GetPaymentProof(reported)))).ShouldNotBeNull();

        (await app.Handle<GetInvoiceHandler, Result<InvoiceView>>("other", "admin@other.test", h => h.HandleAsync(new GetInvoice(invoice.Id)))).Errors.Single().Code
            .ShouldBe("Invoice.NotFound");
        (await Confirm(reported, "finance@other.test", "other")).Errors.Single().Code.ShouldBe("Payment.NotFound");
        (await app.Handle<RecordPaymentHandler, Result<Guid>>("other", "finance@other.test", h => h.HandleAsync(new RecordPayment(
            new PaymentInput(invoice.Id, 1000, PaymentMethod.Cash, null, Today))))).Errors.Single().Code.ShouldBe("Invoice.NotFound");
        (await _f.Make.Query(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id))).ShouldBe(1);
        (await _f.Invoice(invoice.Id)).PaidAmount.ShouldBe(0m);

        var url = $"/payments/{reported}/proof";
        using (var ownClient = await app.Client("demo").SignedInAs(owner))
        {
            var response = await ownClient.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBe(TestImages.Png);
        }
        using (var finance = await app.Client("demo").SignedInAs(FulfilmentBuilders.Finance))
            (await finance.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var strangerClient = await app.Client("demo").SignedInAs(stranger))
            (await strangerClient.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var otherTenant = await app.Client("other").SignedInAs("admin@other.test"))
            (await otherTenant.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var technician = await app.Client("demo").SignedInAs("technician@demo.test"))
            (await technician.Http.GetAsync(url)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        using (var anonymous = app.Client("demo"))
            (await anonymous.Http.GetAsync(url)).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        using var strangerPage = await app.Client("demo").SignedInAs(stranger);
        (await strangerPage.Http.GetStringAsync($"/invoices/{invoice.Id}")).ShouldNotContain(invoice.Number);
        using var ownerPage = await app.Client("demo").SignedInAs(owner);
        var html = await ownerPage.Http.GetStringAsync($"/invoices/{invoice.Id}");
        html.ShouldContain(invoice.Number);
        html.ShouldContain("Rp 2.220.000");
        html.ShouldContain("data-testid=\"invoice-report-payment\"");
    }

    [Fact]
    public async Task A_partner_sees_its_outstanding_and_overdue_totals_on_top_of_its_invoices()
    {
        var s = await _f.ScenarioAsync();
        var user = await app.CreatePartnerUser(s.Partner.Id);
        var first = await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 1, 1_000_000, 0)), 1)));
        var second = await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 1_000_000, 0)), 2)));
        (await _f.Pay(second.Value!.Id, 220_000)).Errors.ShouldBeEmpty();
        await _f.Make.Query(db => db.Invoices.Where(i => i.Id == first.Value!.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.DueDate, Today.AddDays(-3))));

        var list = (await List(user)).Value!;
        list.Items.Count.ShouldBe(2);
        list.Totals.ShouldBe(new InvoiceTotals(1_110_000m + 2_000_000m, 1_110_000m, 1));
        list.Items.Single(i => i.Id == first.Value!.Id).Status.ShouldBe(InvoiceDisplayStatus.Overdue);
        list.Items.Single(i => i.Id == second.Value.Id).Status.ShouldBe(InvoiceDisplayStatus.PartiallyPaid);

        (await List(user, new ListInvoices(OverdueOnly: true, All: true))).Value!.Items.Select(i => i.Id).ShouldBe([first.Value!.Id]);
        (await List(FulfilmentBuilders.Finance, new ListInvoices(Status: InvoiceDisplayStatus.Overdue, PartnerId: s.Partner.Id, All: true))).Value!.Items
            .Select(i => i.Id).ShouldBe([first.Value.Id]);
        (await List(FulfilmentBuilders.Finance, new ListInvoices(DueFrom: Today, PartnerId: s.Partner.Id, All: true))).Value!.Items
            .Select(i => i.Id).ShouldBe([second.Value.Id]);

        using var client = await app.Client("demo").SignedInAs(user);
        var page = await client.Http.GetStringAsync("/invoices");
        page.ShouldContain("data-testid=\"invoices-title\"");
    }
}

public sealed class PaymentTests_Sqlite(SqliteApp app) : PaymentTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class PaymentTests_Postgres(PostgresApp app) : PaymentTests<PostgresApp>(app), IClassFixture<PostgresApp>;
