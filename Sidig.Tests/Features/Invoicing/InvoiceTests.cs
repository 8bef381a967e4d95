using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Invoicing;

namespace Sidig.Tests.Features.Invoicing;

/// <summary>Issuing invoices through the handler: lines and nets, PPN/DPP/total, due date, numbering, the notes and orders they bill.</summary>
public abstract class InvoiceTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly FulfilmentBuilders _f = new(app);
    private static DateOnly Today => FulfilmentBuilders.Today;

    private Task<Result<InvoiceView>> Get(Guid id, string email, string tenant = "demo") =>
        app.Handle<GetInvoiceHandler, Result<InvoiceView>>(tenant, email, h => h.HandleAsync(new GetInvoice(id)));

    [Fact]
    public async Task An_invoice_from_two_delivery_notes_bills_what_they_shipped_with_ppn_once_per_invoice()
    {
        var s = await _f.ScenarioAsync(stock: 20);
        var partner = await _f.PartnerWithTaxIds();
        var order = await _f.ApprovedOrder(partner.Id, s.From.Id, (s.Product, 10, 1_000_000, 10), (s.Other, 3, 333_333, 0));
        var first = await _f.ShippedNote(order, 4, 3);
        var second = await _f.ShippedNote(order, 6);

        var issued = await _f.Issue(IssueInvoice.FromDeliveryNotes(first, second));
        issued.Errors.ShouldBeEmpty();
        issued.Value!.Number.ShouldMatch($@"^INV/{Today:yyyy}/{Today:MM}/\d{{5}}$");

        var invoice = await _f.Invoice(issued.Value.Id);
        invoice.Lines.Count.ShouldBe(3);
        invoice.Lines.Where(l => l.ProductId == s.Product.Id).Select(l => l.NetAmount).OrderBy(n => n).ShouldBe([3_600_000m, 5_400_000m]); // 9.000.000 net, split 4/6
        invoice.Lines.Single(l => l.ProductId == s.Other.Id).NetAmount.ShouldBe(999_999m);
        invoice.Subtotal.ShouldBe(9_999_999m);
        invoice.Dpp.ShouldBe(9_166_666m);     // 9.999.999 × 11/12 = 9.166.665,75 → rounded once
        invoice.PpnAmount.ShouldBe(1_100_000m); // 12 % of 9.166.666 = 1.099.999,92 → rounded once
        invoice.Total.ShouldBe(11_099_999m);
        invoice.StampDutyRequired.ShouldBeTrue();
        (invoice.IssueDate, invoice.DueDate, invoice.PaymentTermDays).ShouldBe((Today, Today.AddDays(14), 14));
        (invoice.PartnerName, invoice.PartnerNpwp, invoice.PartnerNitku).ShouldBe((partner.LegalName, "0013456789012345", "0013456789012345000001"));
        invoice.PartnerAddress.ShouldNotBeNull();
        invoice.PartnerAddress.ShouldStartWith("Jl. Faktur No. 9");
        invoice.PartnerAddress.ShouldContain("10110");
        invoice.BankDetails.ShouldNotBeNull();
        invoice.BankDetails.ShouldContain("Bank Central Asia 5270123456");

        (await _f.Note(first)).InvoiceId.ShouldBe(invoice.Id);
        (await _f.Note(second)).InvoiceId.ShouldBe(invoice.Id);
        var saved = await _f.Order(order.Id);
        (saved.Status, saved.InvoicedAmount).ShouldBe((OrderStatus.Invoiced, 11_099_999m));
        saved.Lines.ShouldAllBe(l => l.InvoicedQuantity == l.Quantity);

        var view = (await Get(invoice.Id, FulfilmentBuilders.Finance)).Value!;
        view.AmountInWords.ShouldBe("sebelas juta sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan rupiah");
        view.Status.ShouldBe(InvoiceDisplayStatus.Unpaid);
    }

    [Fact]
    public async Task Luxury_lines_are_taxed_on_the_full_price_and_exempt_lines_not_at_all()
    {
        var s = await _f.ScenarioAsync(stock: 10);
        var luxury = await _f.Make.Query(async db =>
        {
            var p = Sidig.Domain.Catalog.Product.Create(new Sidig.Domain.Catalog.ProductDetails(Builders.Unique("LUX"), "Jam Mewah", null, null, "PCS", null, null,
                false, 0, null, true, Sidig.Domain.Catalog.PpnKind.Luxury));
            db.Products.Add(p);
            await db.SaveChangesAsync();
            return p;
        });
        (await _f.Make.Receive(s.From.Id, luxury.Id, 5)).Errors.ShouldBeEmpty();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 1, 1_200_000, 0), (luxury, 1, 1_000_000, 0));
        var invoice = await _f.Invoice((await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(order, 1, 1)))).Value!.Id);
        invoice.Dpp.ShouldBe(1_100_000m + 1_000_000m);
        invoice.PpnAmount.ShouldBe(252_000m);
        invoice.Total.ShouldBe(2_452_000m);
    }

    [Fact]
    public async Task A_delivery_note_is_invoiced_once_and_only_when_shipped()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 6, 100_000, 0));
        var shipped = await _f.ShippedNote(order, 2);
        var draft = (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 3))).Value!;

        (await _f.Issue(IssueInvoice.FromDeliveryNotes(draft.Id))).Errors.Single().Code.ShouldBe("Invoice.DeliveryNoteNotShipped");
        var first = await _f.Issue(IssueInvoice.FromDeliveryNotes(shipped));
        first.Errors.ShouldBeEmpty();
        (await _f.Issue(IssueInvoice.FromDeliveryNotes(shipped))).Errors.Single().Code.ShouldBe("Invoice.DeliveryNoteAlreadyInvoiced");
        (await _f.Order(order.Id)).InvoicedAmount.ShouldBe(first.Value!.Total);

        var next = await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(order, 1)));
        Counter(next.Value!.Number).ShouldBe(Counter(first.Value.Number) + 1);
        (await _f.Issue(IssueInvoice.FromOrder(order.Id))).Errors.Single().Code.ShouldBe("Invoice.BasisMismatch");
    }

    [Fact]
    public async Task Notes_of_two_partners_do_not_go_on_one_invoice()
    {
        var a = await _f.ScenarioAsync();
        var b = await _f.ScenarioAsync();
        var noteA = await _f.ShippedNote(await _f.ApprovedOrder(a.Partner.Id, a.From.Id, (a.Product, 1, 1000, 0)), 1);
        var noteB = await _f.ShippedNote(await _f.ApprovedOrder(b.Partner.Id, b.From.Id, (b.Product, 1, 1000, 0)), 1);
        (await _f.Issue(IssueInvoice.FromDeliveryNotes(noteA, noteB))).Errors.Single().Code.ShouldBe("Invoice.MixedPartners");
        (await _f.Note(noteA)).InvoiceId.ShouldBeNull();
    }

    [Fact]
    public async Task With_the_order_basis_the_whole_not_yet_invoiced_order_is_billed()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 3, 500_000, 0), (s.Other, 2, 250_000, 50));
        await _f.SetBasis(InvoiceBasis.Order);
        try
        {
            (await _f.Issue(IssueInvoice.FromDeliveryNotes(Guid.NewGuid()))).Errors.Single().Code.ShouldBe("Invoice.BasisMismatch");
            var issued = await _f.Issue(IssueInvoice.FromOrder(order.Id));
            issued.Errors.ShouldBeEmpty();
            var invoice = await _f.Invoice(issued.Value!.Id);
            invoice.Lines.ShouldAllBe(l => l.DeliveryNoteId == null);
            invoice.Subtotal.ShouldBe(1_500_000m + 250_000m);
            invoice.Total.ShouldBe(1_750_000m + SalesMath.Rupiah(SalesMath.Rupiah(1_750_000m * 11 / 12) * 0.12m));
            invoice.DueDate.ShouldBe(Today.AddDays(30));
            (await _f.Order(order.Id)).Status.ShouldBe(OrderStatus.Invoiced);
            (await _f.Issue(IssueInvoice.FromOrder(order.Id))).Errors.Single().Code.ShouldBe("Invoice.NothingToInvoice");
        }
        finally
        {
            await _f.SetBasis(InvoiceBasis.DeliveryNotes);
        }
    }

    [Fact]
    public async Task The_faktur_pajak_number_takes_17_digits_and_only_finance_sets_it()
    {
        var invoice = await IssuedInvoice();
        Task<Result> Set(string? number, string email = FulfilmentBuilders.Finance) =>
            app.Handle<SetTaxInvoiceNumberHandler, Result>("demo", email, h => h.HandleAsync(new SetTaxInvoiceNumber(invoice.Id, number)));

        (await Set("040.025-00.000000001")).Errors.ShouldBeEmpty();
        (await _f.Invoice(invoice.Id)).TaxInvoiceNumber.ShouldBe("04002500000000001");
        var error = (await Set("123")).Errors.Single();
        (error.Code, error.Field).ShouldBe(("Invoice.TaxInvoiceNumberInvalid", "Number"));
        (await Set("04002500000000002", "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Invoice(invoice.Id)).TaxInvoiceNumber.ShouldBe("04002500000000001");
    }

    [Fact]
    public async Task Only_finance_issues_invoices()
    {
        var s = await _f.ScenarioAsync();
        var note = await _f.ShippedNote(await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 1, 1000, 0)), 1);
        (await _f.Issue(IssueInvoice.FromDeliveryNotes(note), "sales@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Issue(IssueInvoice.FromDeliveryNotes(note), await app.CreatePartnerUser(s.Partner.Id))).Errors.Single().Code.ShouldBe("Access.Denied");
        var otherTenant = await app.Handle<IssueInvoiceHandler, Result<IssuedInvoice>>("other", "admin@other.test", h => h.HandleAsync(IssueInvoice.FromDeliveryNotes(note)));
        otherTenant.Errors.Single().Code.ShouldBe("Delivery.NotFound");
        (await _f.Note(note)).InvoiceId.ShouldBeNull();
    }

    /// <summary>An invoice of 2 × Rp 1.000.000 (total Rp 2.220.000) to a new distributor; returns it with the partner.</summary>
    private async Task<Invoice> IssuedInvoice(Guid? partnerId = null)
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(partnerId ?? s.Partner.Id, s.From.Id, (s.Product, 2, 1_000_000, 0));
        var issued = await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(order, 2)));
        issued.Errors.ShouldBeEmpty();
        return await _f.Invoice(issued.Value!.Id);
    }

    internal static long Counter(string number) => long.Parse(number[(number.LastIndexOf('/') + 1)..]);
}

public sealed class InvoiceTests_Sqlite(SqliteApp app) : InvoiceTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class InvoiceTests_Postgres(PostgresApp app) : InvoiceTests<PostgresApp>(app), IClassFixture<PostgresApp>;
