using Sidig.Infrastructure.Documents.Business;
using Sidig.Tests.TestSupport;
using UglyToad.PdfPig;

namespace Sidig.Tests.Documents;

public class DeliveryNoteDocumentTests
{
    private static readonly DeliveryNotePrint Note = BusinessSamples.DeliveryNote();
    private static readonly byte[] NotePdf = DeliveryNotePdf.Render(Note);
    private static readonly Lazy<string> NoteText = new(() => PdfFiles.PageTexts(NotePdf).Single());

    [Fact]
    public void The_qr_code_on_the_rendered_page_opens_the_delivery_note() =>
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(NotePdf, page: 1, dpi: 150)).ShouldBe([BusinessSamples.DeliveryNoteUrl]);

    [Fact]
    public void Number_date_order_and_transport_details_are_printed()
    {
        var text = NoteText.Value;
        text.ShouldContain("SURAT JALAN");
        text.ShouldContain($"No. surat jalan : {BusinessSamples.DeliveryNoteNumber}");
        text.ShouldContain("Tanggal : 1 Des 2026"); // 30 Nov 17:30 UTC is 1 Dec in Jakarta
        text.ShouldContain("No. pesanan : SO/2026/11/0042");
        text.ShouldContain("Ekspedisi : PT Lintas Cepat Logistik");
        text.ShouldContain("No. kendaraan : B 9123 KXT");
        text.ShouldContain("Pengemudi : Slamet Riyadi");
        text.ShouldContain("No. resi : LCL-88120045");
        text.ShouldContain("Catatan: Bongkar di gudang belakang, pintu 3.");
    }

    [Fact]
    public void Sender_and_recipient_are_printed_with_their_addresses()
    {
        var text = NoteText.Value;
        // The two boxes stand side by side, so a reader meets their lines alternately.
        text.ShouldContain("Dikirim dari Dikirim kepada PT Acme — Gudang Cikarang CV Sinar Jaya Distribusi");
        text.ShouldContain("Jl. Industri Raya Blok C-7, MM2100");
        text.ShouldContain("Cikarang Barat, Bekasi 17530");
        text.ShouldContain("Jl. Gajah Mada No. 88, Semarang Tengah");
        text.ShouldContain("Kota Semarang, Jawa Tengah 50134");
        text.ShouldContain("NPWP 0027.8945.6123.0000");
        text.ShouldContain("Telp. (021) 8998 1299");
    }

    [Fact]
    public void Items_carry_quantities_and_units_but_no_prices()
    {
        var text = NoteText.Value;
        text.ShouldContain("No Kode Nama barang Qty Sat. Keterangan");
        text.ShouldContain("3 SKU-0003 Kipas angin berdiri 16 inci seri 3 4 dus SN 003001–003004");
        text.ShouldContain("4 SKU-0004 Kipas angin berdiri 16 inci seri 4 1 unit");
        text.ShouldNotContain("Rp");
        text.ShouldNotContain("Harga");
    }

    [Fact]
    public void The_three_signature_boxes_have_name_and_date_lines()
    {
        using var document = PdfDocument.Open(NotePdf);
        var words = document.GetPage(1).GetWords().ToList();
        var headings = new[] { "Pengirim", "Penerima" }.Select(h => words.Single(w => w.Text == h)).ToList();
        // "Pengemudi" is also the label of the driver fact; the signature one is on the row of the other two.
        var row = headings[0].BoundingBox.Bottom;
        headings[1].BoundingBox.Bottom.ShouldBe(row, 0.5);
        words.Count(w => w.Text == "Pengemudi" && Math.Abs(w.BoundingBox.Bottom - row) < 0.5).ShouldBe(1);
        // Left to right: sender, driver, recipient; each with a name and a date line below it.
        var driver = words.Single(w => w.Text == "Pengemudi" && Math.Abs(w.BoundingBox.Bottom - row) < 0.5);
        headings[0].BoundingBox.Left.ShouldBeLessThan(driver.BoundingBox.Left);
        driver.BoundingBox.Left.ShouldBeLessThan(headings[1].BoundingBox.Left);
        words.Count(w => w.Text == "Nama:" && w.BoundingBox.Top < row).ShouldBe(3);
        words.Count(w => w.Text == "Tanggal:" && w.BoundingBox.Top < row).ShouldBe(3);
        NoteText.Value.ShouldContain("Nama: Slamet Riyadi"); // the driver's name is pre-filled
    }

    [Fact]
    public void English_labels_are_used_for_an_english_tenant()
    {
        var text = PdfFiles.PageTexts(DeliveryNotePdf.Render(BusinessSamples.DeliveryNote(12, BusinessSamples.En)))[0];
        foreach (var label in new[] { "DELIVERY NOTE", "Delivery note no. :", "Ship from", "Ship to", "Carrier :", "Vehicle no. :",
                     "Tracking no. :", "Sender", "Driver", "Recipient", "Name:", "Date: ____", "Date : 1 Dec 2026", "Page 1 of 1" })
            text.ShouldContain(label);
        foreach (var label in new[] { "SURAT JALAN", "Pengirim", "Penerima", "Halaman" }) text.ShouldNotContain(label);
    }

    [Fact]
    public void A_long_delivery_note_repeats_its_heading_and_keeps_the_signature_boxes_together()
    {
        var pages = PdfFiles.PageTexts(DeliveryNotePdf.Render(BusinessSamples.DeliveryNote(90)));
        pages.Count.ShouldBeGreaterThan(1);
        pages.ShouldAllBe(t => t.Contains("No Kode Nama barang Qty Sat. Keterangan"));
        var last = pages[^1];
        foreach (var label in new[] { "Pengirim", "Penerima" }) last.ShouldContain(label);
        pages.Take(pages.Count - 1).ShouldAllBe(t => !t.Contains("Penerima"));
        last.ShouldContain($"Halaman {pages.Count} dari {pages.Count}");
    }
}
