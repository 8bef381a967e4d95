using Sidig.Domain.Common;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Tests.TestSupport;
using UglyToad.PdfPig;

namespace Sidig.Tests.Documents;

/// <summary>The real invoice (InvoicePdf from an InvoicePrint) read back as a reader would.</summary>
public class InvoiceDocumentTests
{
    private static readonly InvoicePrint Twenty = BusinessSamples.Invoice(20);
    private static readonly byte[] TwentyPdf = InvoicePdf.Render(Twenty);
    private static readonly Lazy<string> TwentyText = new(() => PdfFiles.PageTexts(TwentyPdf).Single());

    [Fact]
    public void A_20_line_invoice_with_a_qr_code_is_one_page() =>
        PdfFiles.Read(TwentyPdf, d => d.NumberOfPages).ShouldBe(1);

    [Fact]
    public void Number_dates_references_and_partner_tax_ids_are_printed()
    {
        var text = TwentyText.Value;
        text.ShouldContain("FAKTUR PENJUALAN");
        text.ShouldContain($"No. faktur : {BusinessSamples.InvoiceNumber}");
        text.ShouldContain("Tanggal : 1 Des 2026");
        text.ShouldContain("Jatuh tempo : 31 Des 2026");
        text.ShouldContain("No. pesanan : SO/2026/11/0042");
        text.ShouldContain("SJ/2026/11/0101, SJ/2026/11/0102");
        text.ShouldContain("CV Sinar Jaya Distribusi");
        text.ShouldContain("NPWP 0027.8945.6123.0000");
        text.ShouldContain("NITKU " + BusinessSamples.PartnerNitku);
        // The company's legal data in the header.
        text.ShouldContain("PT Acme Elektronik Indonesia Jl. Industri Raya No. 12, Kawasan MM2100 Cikarang Barat, Bekasi 17530");
        text.ShouldContain("NPWP 0013.4567.8901.2000 · Telp. (021) 8998 1234 · finance@acme.co.id");
    }

    [Fact]
    public void Lines_and_totals_are_formatted_as_rupiah()
    {
        var text = TwentyText.Value;
        var fifth = Twenty.Lines[4]; // has a 10 % discount
        text.ShouldContain($"5 {fifth.Sku}");
        text.ShouldContain($"{Idr.Number(fifth.UnitPrice)} {Idr.Number(fifth.Discount)} {Idr.Number(fifth.Amount)}");
        var tax = Twenty.Taxes.Single();
        text.ShouldContain("Subtotal " + Idr.Format(Twenty.Subtotal));
        text.ShouldContain("DPP 11/12 " + Idr.Format(tax.Dpp));
        text.ShouldContain("PPN 12% " + Idr.Format(tax.Amount));
        text.ShouldContain("Total " + Idr.Format(Twenty.Total));
        Idr.Format(Twenty.Total).ShouldMatch(@"^Rp \d{1,3}(\.\d{3})+$");
    }

    [Fact]
    public void The_total_is_spelled_out_in_indonesian_in_both_languages()
    {
        var words = "Terbilang: " + Terbilang.Rupiah(Twenty.Total);
        TwentyText.Value.ShouldContain(words);
        PdfFiles.PageTexts(InvoicePdf.Render(BusinessSamples.Invoice(20, BusinessSamples.En)))[0].ShouldContain(words);
    }

    [Fact]
    public void A_round_total_reads_as_the_brief_says()
    {
        var p = BusinessSamples.Invoice(1) with { Total = 1_500_000 };
        PdfFiles.PageTexts(InvoicePdf.Render(p))[0].ShouldContain("Terbilang: satu juta lima ratus ribu rupiah");
    }

    [Fact]
    public void Bank_details_of_every_account_are_printed()
    {
        var text = TwentyText.Value;
        text.ShouldContain("Pembayaran ke");
        text.ShouldContain("Bank No. rekening Atas nama Bank Central Asia (BCA) 123 456 7890 PT Acme Elektronik Indonesia");
        text.ShouldContain("Bank Mandiri 137-00-1234567-8 PT Acme Elektronik Indonesia");
    }

    [Fact]
    public void English_labels_replace_the_indonesian_ones()
    {
        var text = PdfFiles.PageTexts(InvoicePdf.Render(BusinessSamples.Invoice(20, BusinessSamples.En) with { StampDuty = true })).Single();
        foreach (var label in new[] { "INVOICE", "Invoice no. :", "Due date : 31 Dec 2026", "Date : 1 Dec 2026", "Bill to",
                     "Unit price (Rp)", "Amount (Rp)", "VAT (PPN) 12%", "Payment to", "Stamp duty paid Rp 10.000", "Sincerely,", "Bank Account no. Account name Bank Central Asia (BCA) 123 456 7890", "Page 1 of 1" })
            text.ShouldContain(label);
        foreach (var label in new[] { "FAKTUR PENJUALAN", "Jatuh tempo", "Halaman", "Pembayaran ke", "Des 2026" })
            text.ShouldNotContain(label);
    }

    [Fact]
    public void The_tax_invoice_number_is_printed_or_left_as_a_blank_line()
    {
        TwentyText.Value.ShouldContain("No. faktur pajak : ____");
        var with = PdfFiles.PageTexts(InvoicePdf.Render(Twenty with { TaxInvoiceNumber = "04002600000012345" }))[0];
        with.ShouldContain("No. faktur pajak : 04002600000012345");
        with.ShouldNotContain("No. faktur pajak : ____");
    }

    [Fact]
    public void The_stamp_duty_box_appears_only_when_flagged()
    {
        TwentyText.Value.ShouldNotContain("Bermeterai");
        PdfFiles.PageTexts(InvoicePdf.Render(Twenty with { StampDuty = true }))[0].ShouldContain("Bermeterai Rp 10.000");
    }

    [Fact]
    public void A_status_label_is_stamped_next_to_the_title_when_given()
    {
        TwentyText.Value.ShouldNotContain("LUNAS");
        PdfFiles.PageTexts(InvoicePdf.Render(Twenty with { StatusLabel = "Lunas" }))[0].ShouldContain("FAKTUR PENJUALAN LUNAS");
    }

    [Fact]
    public void Luxury_lines_are_marked_and_taxed_in_their_own_group()
    {
        var p = BusinessSamples.Invoice(8, withLuxury: true);
        p.Taxes.Count.ShouldBe(2);
        var text = PdfFiles.PageTexts(InvoicePdf.Render(p))[0];
        text.ShouldContain($"SKU-0004 {p.Lines[3].Name} *");
        text.ShouldNotContain($"{p.Lines[2].Name} *");
        text.ShouldContain("* Barang mewah: PPN dihitung atas harga jual penuh.");
        text.ShouldContain("DPP 11/12 " + Idr.Format(p.Taxes[0].Dpp));
        text.ShouldContain("DPP 100% (barang mewah) " + Idr.Format(p.Taxes[1].Dpp));
        text.ShouldContain("Total " + Idr.Format(p.Total));
    }

    [Fact]
    public void An_invoice_discount_row_is_printed_only_when_there_is_one()
    {
        TwentyText.Value.ShouldNotContain("Diskon -Rp");
        PdfFiles.PageTexts(InvoicePdf.Render(Twenty with { Discount = 250_000 }))[0].ShouldContain("Diskon -Rp 250.000");
    }

    [Fact]
    public void The_qr_code_decodes_to_the_invoice_url_and_is_left_out_without_one()
    {
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(TwentyPdf, 1, 150)).ShouldBe([BusinessSamples.InvoiceUrl]);
        var withoutQr = InvoicePdf.Render(BusinessSamples.Invoice(20, qr: false));
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(withoutQr, 1, 150)).ShouldBeEmpty();
        PdfFiles.PageTexts(withoutQr)[0].ShouldNotContain("Pindai");
    }

    [Fact]
    public void The_logo_is_embedded_only_when_the_company_has_one()
    {
        PdfFiles.Read(TwentyPdf, d => d.GetPage(1).GetImages().Count()).ShouldBe(1);
        var noLogo = InvoicePdf.Render(Twenty with { Company = BusinessSamples.Company(logo: false) });
        PdfFiles.Read(noLogo, d => d.GetPage(1).GetImages().Count()).ShouldBe(0);
        PdfFiles.PageTexts(noLogo)[0].ShouldContain("PT Acme Elektronik Indonesia");
    }

    [Fact]
    public void A_utc_instant_near_midnight_is_printed_as_the_day_in_the_tenant_time_zone()
    {
        var at = new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero); // 23:30 WIB, 00:30 WIT next day
        string Date(string zone) => PdfFiles.PageTexts(InvoicePdf.Render(Twenty with
        {
            IssueDate = at, Culture = DocumentCulture.For("id-ID", zone),
        }))[0];
        Date("Asia/Jakarta").ShouldContain("Tanggal : 1 Des 2026");
        Date("Asia/Jayapura").ShouldContain("Tanggal : 2 Des 2026");
        // The sample's 30 Nov 17:30 UTC is already 1 Dec in Jakarta.
        TwentyText.Value.ShouldNotContain("30 Nov 2026");
    }

    [Fact]
    public void A_200_line_invoice_spans_several_pages_with_the_table_heading_repeated_above_the_rows()
    {
        var p = BusinessSamples.Invoice(200);
        var pdf = InvoicePdf.Render(p);
        using var document = PdfDocument.Open(pdf);
        var count = document.NumberOfPages;
        count.ShouldBeGreaterThanOrEqualTo(4);
        var seen = new List<string>();
        for (var n = 1; n <= count; n++)
        {
            var page = document.GetPage(n);
            var words = page.GetWords().ToList();
            var text = PdfFiles.Text(page);
            text.ShouldContain($"Halaman {n} dari {count}");
            text.ShouldContain("No Kode Nama barang Qty Sat. Harga (Rp) Diskon (Rp) Jumlah (Rp)");
            if (n > 1) text.ShouldContain($"FAKTUR PENJUALAN {BusinessSamples.InvoiceNumber} (lanjutan)");
            // The heading sits above every row of the page (PDF y grows upwards).
            var heading = words.First(w => w.Text == "Kode").BoundingBox.Bottom;
            var skus = words.Where(w => w.Text.StartsWith("SKU-")).ToList();
            skus.ShouldNotBeEmpty();
            skus.ShouldAllBe(w => w.BoundingBox.Top < heading);
            seen.AddRange(skus.Select(w => w.Text));
            (text.Contains("Terbilang:")).ShouldBe(n == count);
        }
        seen.ShouldBe(p.Lines.Select(l => l.Sku)); // every line once, in order, none lost at a page break
    }

    [Fact]
    public void The_file_name_is_the_number_without_slashes() =>
        InvoicePdf.FileName(Twenty).ShouldBe("INV-2026-12-0001.pdf");
}
