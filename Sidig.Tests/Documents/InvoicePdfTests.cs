using Sidig.Domain.Common;
using Sidig.Infrastructure.Documents;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Documents;

/// <summary>The sample invoice read back as a reader would: its text with PdfPig, its QR code with zbarimg.</summary>
public class InvoicePdfTests
{
    private static readonly byte[] OnePage = PdfRenderer.Render(SampleInvoice.Build(20));

    [Fact]
    public void A_20_line_invoice_fits_on_one_page() =>
        PdfFiles.Read(OnePage, d => d.NumberOfPages).ShouldBe(1);

    [Fact]
    public void The_title_is_in_the_text_and_in_the_metadata()
    {
        PdfFiles.PageTexts(OnePage)[0].ShouldContain(SampleInvoice.Title);
        PdfFiles.Read(OnePage, d => d.Information.Title).ShouldBe($"{SampleInvoice.Title} {SampleInvoice.Number}");
    }

    [Fact]
    public void Cell_values_and_totals_can_be_read_back()
    {
        var text = PdfFiles.PageTexts(OnePage)[0];
        var line = SampleInvoice.Lines(20)[4];
        text.ShouldContain(line.Sku);
        text.ShouldContain(Idr.Number(line.Amount));
        text.ShouldContain(Idr.Number(SampleInvoice.Totals(SampleInvoice.Lines(20)).Total));
        text.ShouldContain("NPWP 0027.8945.6123.0000");
    }

    [Fact]
    public void The_amount_in_words_is_printed()
    {
        var total = SampleInvoice.Totals(SampleInvoice.Lines(20)).Total;
        PdfFiles.PageTexts(OnePage)[0].ShouldContain("Terbilang: " + Terbilang.Rupiah(total));
    }

    [Fact]
    public void The_footer_of_a_one_page_invoice_says_page_1_of_1() =>
        PdfFiles.PageTexts(OnePage)[0].ShouldContain("Halaman 1 dari 1");

    [Fact]
    public void A_longer_invoice_numbers_its_pages_out_of_the_real_count()
    {
        var pages = PdfFiles.PageTexts(PdfRenderer.Render(SampleInvoice.Build(45)));
        pages.Count.ShouldBe(2);
        pages[0].ShouldContain("Halaman 1 dari 2");
        pages[1].ShouldContain("Halaman 2 dari 2");
        pages[1].ShouldContain($"{SampleInvoice.Number} (lanjutan)");
    }

    [Fact]
    public void The_QR_code_decodes_to_the_encoded_url_at_150_dpi() =>
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(OnePage, page: 1, dpi: 150)).ShouldBe([SampleInvoice.QrUrl]);

    [Fact]
    public void The_logo_is_embedded_as_an_image() =>
        PdfFiles.Read(OnePage, d => d.GetPage(1).GetImages().Count()).ShouldBe(1);
}
