using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Seeding;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Documents;

namespace Sidig.Tests.Features.Documents;

/// <summary>
/// Business documents downloaded as a user would, from the seeded order-to-cash data: read back with PdfPig, the
/// delivery note's QR decoded from the rendered page, and every document refused to whoever may not see it.
/// </summary>
public abstract class DocumentDownloadTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly Builders _make = new(app);

    private Task<Invoice> InvoiceOf(string partnerCode) => _make.Query(db =>
        db.Invoices.Include(i => i.Lines).Where(i => db.Partners.Any(p => p.Id == i.PartnerId && p.Code == partnerCode)).OrderBy(i => i.Number).FirstAsync());

    [Fact]
    public async Task Finance_downloads_an_invoice_with_its_number_npwp_total_in_words_and_bank_details()
    {
        var invoice = await InvoiceOf(DemoBusinessSeed.DistributorJakarta);
        using var client = await app.Client("demo").SignedInAs("finance@demo.test");
        var response = await client.Http.GetAsync(DocumentEndpoints.PdfUrl(DocumentKind.Invoice, invoice.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = string.Join(' ', PdfFiles.PageTexts(await response.Content.ReadAsByteArrayAsync()));
        text.ShouldContain(invoice.Number);
        text.ShouldContain(invoice.PartnerName.Split(' ')[1]);
        text.ShouldContain(Sidig.Domain.Common.Idr.Format(invoice.Total).Split(' ')[1]);
        text.ShouldContain(string.Join(' ', Sidig.Domain.Common.Terbilang.Rupiah(invoice.Total).Split(' ').Take(3)), Case.Insensitive);
        text.ShouldContain("5270123456"); // the tenant's bank account
    }

    [Fact]
    public async Task The_delivery_note_QR_code_opens_the_note_on_the_tenants_host()
    {
        var note = await _make.Query(db => db.DeliveryNotes.OrderBy(d => d.Number).FirstAsync());
        using var client = await app.Client("demo").SignedInAs("warehouse@demo.test");
        var pdf = await client.Http.GetByteArrayAsync(DocumentEndpoints.PdfUrl(DocumentKind.DeliveryNote, note.Id));

        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(pdf)).ShouldBe([$"http://demo.localhost/delivery-notes/{note.Id}"]);
        var text = PdfFiles.PageTexts(pdf)[0];
        text.ShouldContain(note.Number);
        text.ShouldContain(note.VehicleNumber!.Split(' ')[1]);
    }

    [Fact]
    public async Task A_distributor_downloads_its_own_invoice_but_another_partners_is_not_found()
    {
        var own = await InvoiceOf(DemoBusinessSeed.DistributorJakarta);
        var other = await InvoiceOf(DemoBusinessSeed.DistributorSurabaya);
        using var client = await app.Client("demo").SignedInAs("distributor@demo.test");

        (await client.Http.GetAsync(DocumentEndpoints.PdfUrl(DocumentKind.Invoice, own.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync(DocumentEndpoints.PdfUrl(DocumentKind.Invoice, other.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var otherNote = await _make.Query(db => db.DeliveryNotes.FirstAsync(d => d.PartnerId == other.PartnerId));
        (await client.Http.GetAsync(DocumentEndpoints.PdfUrl(DocumentKind.DeliveryNote, otherNote.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_tenants_user_gets_nothing_of_this_tenants_documents()
    {
        var invoice = await InvoiceOf(DemoBusinessSeed.DistributorJakarta);
        using var client = await app.Client("other").SignedInAs("finance@other.test");
        (await client.Http.GetAsync(DocumentEndpoints.PdfUrl(DocumentKind.Invoice, invoice.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_user_without_the_finance_view_cannot_download_invoices()
    {
        var invoice = await InvoiceOf(DemoBusinessSeed.DistributorJakarta);
        using var client = await app.Client("demo").SignedInAs("technician@demo.test");
        (await client.Http.GetAsync(DocumentEndpoints.PdfUrl(DocumentKind.Invoice, invoice.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_credit_note_prints_the_invoice_it_credits()
    {
        var note = await _make.Query(db => db.CreditNotes.FirstAsync());
        var invoice = await _make.Query(db => db.Invoices.FirstAsync(i => i.Id == note.InvoiceId));
        using var client = await app.Client("demo").SignedInAs("finance@demo.test");
        var text = string.Join(' ', PdfFiles.PageTexts(await client.Http.GetByteArrayAsync(DocumentEndpoints.PdfUrl(DocumentKind.CreditNote, note.Id))));
        text.ShouldContain(note.Number);
        text.ShouldContain(invoice.Number);
    }

    [Fact]
    public async Task The_zip_of_a_date_range_holds_the_users_invoices_only()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-120), today);
        var all = await _make.Query(db => db.Invoices.Select(i => i.Number).ToListAsync());
        using var finance = await app.Client("demo").SignedInAs("finance@demo.test");
        ZipNames(await finance.Http.GetByteArrayAsync(DocumentEndpoints.ZipUrl(DocumentKind.Invoice, from, to)))
            .ShouldBe(all.Select(n => n.Replace('/', '-') + ".pdf"), ignoreOrder: true);

        var own = await _make.Query(db => db.Invoices.Where(i => db.Partners.Any(p => p.Id == i.PartnerId && p.Code == DemoBusinessSeed.DistributorJakarta))
            .Select(i => i.Number).ToListAsync());
        using var distributor = await app.Client("demo").SignedInAs("distributor@demo.test");
        ZipNames(await distributor.Http.GetByteArrayAsync(DocumentEndpoints.ZipUrl(DocumentKind.Invoice, from, to)))
            .ShouldBe(own.Select(n => n.Replace('/', '-') + ".pdf"), ignoreOrder: true);
        own.Count.ShouldBeLessThan(all.Count);
    }

    [Fact]
    public async Task A_reversed_range_is_a_clear_error()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var finance = await app.Client("demo").SignedInAs("finance@demo.test");
        var response = await finance.Http.GetAsync(DocumentEndpoints.ZipUrl(DocumentKind.Invoice, today, today.AddDays(-1)));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Documents.RangeInvalid");
    }

    [Fact]
    public async Task The_statement_of_account_prints_the_partners_invoices_and_the_closing_balance_of_the_page()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (today.AddDays(-120), today);
        var partnerId = await _make.Query(db => db.Partners.Where(p => p.Code == DemoBusinessSeed.DistributorJakarta).Select(p => p.Id).FirstAsync());
        var statement = (await app.Handle<Sidig.Web.Features.Receivables.GetStatementHandler, Sidig.Domain.Common.Result<Sidig.Web.Features.Receivables.StatementOfAccount>>(
            "demo", "finance@demo.test", h => h.HandleAsync(new Sidig.Web.Features.Receivables.GetStatement(partnerId, from, to)))).Value!;
        statement.Rows.Count.ShouldBeGreaterThan(1);

        using var client = await app.Client("demo").SignedInAs("finance@demo.test");
        var response = await client.Http.GetAsync(DocumentEndpoints.StatementUrl(partnerId, from, to));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = string.Join(' ', PdfFiles.PageTexts(await response.Content.ReadAsByteArrayAsync()));
        text.ShouldContain("PERNYATAAN REKENING");
        foreach (var number in statement.Rows.Where(r => r.Kind == Sidig.Web.Features.Receivables.StatementEntryKind.Invoice).Select(r => r.Number))
            text.ShouldContain(number);
        text.ShouldContain(Sidig.Domain.Common.Idr.Format(statement.ClosingBalance).Split(' ')[1]);
    }

    [Fact]
    public async Task A_distributor_downloads_its_own_statement_only()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var own = await _make.Query(db => db.Partners.Where(p => p.Code == DemoBusinessSeed.DistributorJakarta).Select(p => p.Id).FirstAsync());
        var other = await _make.Query(db => db.Partners.Where(p => p.Code == DemoBusinessSeed.DistributorSurabaya).Select(p => p.Id).FirstAsync());
        using var client = await app.Client("demo").SignedInAs("distributor@demo.test");
        (await client.Http.GetAsync(DocumentEndpoints.StatementUrl(own, today.AddDays(-60), today))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync(DocumentEndpoints.StatementUrl(other, today.AddDays(-60), today))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var otherTenant = await app.Client("other").SignedInAs("finance@other.test");
        (await otherTenant.Http.GetAsync(DocumentEndpoints.StatementUrl(own, today.AddDays(-60), today))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var technician = await app.Client("demo").SignedInAs("technician@demo.test");
        (await technician.Http.GetAsync(DocumentEndpoints.StatementUrl(own, today.AddDays(-60), today))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_statement_with_a_reversed_period_is_a_clear_error()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var partnerId = await _make.Query(db => db.Partners.Where(p => p.Code == DemoBusinessSeed.DistributorJakarta).Select(p => p.Id).FirstAsync());
        using var finance = await app.Client("demo").SignedInAs("finance@demo.test");
        var response = await finance.Http.GetAsync(DocumentEndpoints.StatementUrl(partnerId, today, today.AddDays(-1)));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Statement.RangeInvalid");
    }

    private static List<string> ZipNames(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(e => e.FullName).ToList();
    }
}

public sealed class DocumentDownloadTests_Sqlite(SqliteApp app) : DocumentDownloadTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DocumentDownloadTests_Postgres(PostgresApp app) : DocumentDownloadTests<PostgresApp>(app), IClassFixture<PostgresApp>;
