using Sidig.Domain.Common;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Documents;

public class CreditNoteDocumentTests
{
    private static readonly CreditNotePrint Note = BusinessSamples.CreditNote();

    [Fact]
    public void The_credited_invoice_reason_lines_and_totals_are_printed()
    {
        var text = PdfFiles.PageTexts(CreditNotePdf.Render(Note)).Single();
        text.ShouldContain("NOTA KREDIT");
        text.ShouldContain("No. nota kredit : CN/2026/12/0003");
        text.ShouldContain("Tanggal : 14 Des 2026");
        text.ShouldContain($"Atas faktur : {BusinessSamples.InvoiceNumber}");
        text.ShouldContain("Tanggal faktur : 1 Des 2026");
        text.ShouldContain("Alasan: Retur barang rusak saat pengiriman (RMA/2026/12/0005)");
        text.ShouldContain("2 SKU-0007 Kulkas dua pintu 420 liter inverter 1 unit 4.250.000 4.250.000");
        text.ShouldContain("NPWP 0027.8945.6123.0000");
        text.ShouldContain("Subtotal Rp 4.625.000");
        text.ShouldContain("DPP 11/12 Rp 4.239.583");
        text.ShouldContain("PPN 12% Rp 508.750");
        text.ShouldContain("Total dikreditkan Rp 5.133.750");
        text.ShouldContain("Terbilang: " + Terbilang.Rupiah(5_133_750));
        text.ShouldContain("Halaman 1 dari 1");
    }

    [Fact]
    public void An_english_credit_note_has_english_labels_and_indonesian_words()
    {
        var text = PdfFiles.PageTexts(CreditNotePdf.Render(BusinessSamples.CreditNote(BusinessSamples.En))).Single();
        foreach (var label in new[] { "CREDIT NOTE", "Credit note no. :", "Credits invoice :", "Invoice date : 1 Dec 2026",
                     "Reason:", "Total credited Rp 5.133.750", "VAT (PPN) 12% Rp 508.750", "Terbilang: lima juta seratus tiga puluh tiga ribu tujuh ratus lima puluh rupiah" })
            text.ShouldContain(label);
        text.ShouldNotContain("NOTA KREDIT");
    }
}

public class StatementDocumentTests
{
    [Fact]
    public void Opening_balance_movements_running_balance_and_closing_balance_are_printed()
    {
        var p = BusinessSamples.Statement();
        var text = PdfFiles.PageTexts(StatementPdf.Render(p)).Single();
        text.ShouldContain("PERNYATAAN REKENING");
        text.ShouldContain("Periode : 1 Nov 2026 – 30 Nov 2026");
        text.ShouldContain("Tanggal cetak : 1 Des 2026");
        text.ShouldContain("Tanggal Dokumen Keterangan Debit (Rp) Kredit (Rp) Saldo (Rp)");
        text.ShouldContain("1 Nov 2026 Saldo awal 5.000.000");
        text.ShouldContain("3 Nov 2026 Faktur INV/2026/11/0010 SO/2026/10/0031 2.000.000 7.000.000");
        text.ShouldContain("10 Nov 2026 Pembayaran PAY/2026/11/0004 Transfer BCA 3.000.000 4.000.000");
        text.ShouldContain("20 Nov 2026 Nota kredit CN/2026/11/0002 Retur 1 unit 500.000 3.500.000");
        text.ShouldContain("Jumlah mutasi 2.000.000 3.500.000");
        text.ShouldContain("Saldo akhir Rp 3.500.000");
        p.ClosingBalance.ShouldBe(3_500_000);
    }

    [Fact]
    public void The_aging_buckets_are_a_small_table_in_both_languages()
    {
        var id = PdfFiles.PageTexts(StatementPdf.Render(BusinessSamples.Statement())).Single();
        id.ShouldContain("Umur piutang (1 Des 2026)");
        id.ShouldContain("Belum jatuh tempo 1–30 hari 31–60 hari 61–90 hari > 90 hari Total");
        id.ShouldContain("Rp 1.250.000 Rp 750.000 Rp 500.000 Rp 600.000 Rp 400.000 Rp 3.500.000");

        var en = PdfFiles.PageTexts(StatementPdf.Render(BusinessSamples.Statement(BusinessSamples.En))).Single();
        en.ShouldContain("STATEMENT OF ACCOUNT");
        en.ShouldContain("Aging (1 Dec 2026)");
        en.ShouldContain("Current 1–30 days 31–60 days 61–90 days > 90 days Total");
        en.ShouldContain("Opening balance 5.000.000");
        en.ShouldContain("Invoice INV/2026/11/0010");
        en.ShouldContain("Payment PAY/2026/11/0004");
        en.ShouldContain("Credit note CN/2026/11/0002");
        en.ShouldContain("Closing balance Rp 3.500.000");
        en.ShouldNotContain("Saldo");
    }

    [Fact]
    public void A_long_statement_breaks_across_pages_and_keeps_the_running_balance()
    {
        var p = BusinessSamples.Statement(extraRows: 120);
        var pages = PdfFiles.PageTexts(StatementPdf.Render(p));
        pages.Count.ShouldBeGreaterThan(1);
        pages.ShouldAllBe(t => t.Contains("Tanggal Dokumen Keterangan Debit (Rp) Kredit (Rp) Saldo (Rp)"));
        // 3.500.000 after the three sample rows, then 100.000 more per invoice.
        pages[^1].ShouldContain("Faktur INV/2026/11/0220 100.000 " + Idr.Number(3_500_000 + 120 * 100_000));
        pages[^1].ShouldContain("Saldo akhir " + Idr.Format(p.ClosingBalance));
        p.ClosingBalance.ShouldBe(15_500_000);
    }

    [Fact]
    public void A_period_without_movements_says_so()
    {
        var p = BusinessSamples.Statement() with { Rows = [] };
        var text = PdfFiles.PageTexts(StatementPdf.Render(p)).Single();
        text.ShouldContain("Tidak ada mutasi pada periode ini.");
        text.ShouldContain("Saldo akhir Rp 5.000.000");
    }
}
