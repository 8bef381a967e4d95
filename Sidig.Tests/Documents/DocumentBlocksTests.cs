using Sidig.Infrastructure.Documents;
using Sidig.Tests.TestSupport;
using SkiaSharp;

namespace Sidig.Tests.Documents;

public class DocumentBlocksTests
{
    private static byte[] Render(params Block[] blocks) => PdfRenderer.Render(new Document().Add(blocks));

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(64, 32);
        bitmap.Erase(new SKColor(0x20, 0x80, 0xC0));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    [Fact]
    public void A_paragraph_wraps_on_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Range(1, 80).Select(i => $"kata{i}"));
        var words = PdfFiles.Read(Render(new Paragraph(text)), d => d.GetPage(1).GetWords().Select(w => w.Text).ToList());
        words.ShouldBe(Enumerable.Range(1, 80).Select(i => $"kata{i}"));
    }

    [Fact]
    public void A_word_longer_than_the_line_is_broken_and_kept_inside_the_margins()
    {
        var word = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 30));
        var document = new Document { Margins = Margins.All(50) }.Add(new Paragraph(word));

        var (text, lines, right) = PdfFiles.Read(PdfRenderer.Render(document), d =>
        {
            var letters = d.GetPage(1).Letters;
            return (string.Concat(letters.Select(l => l.Value)),
                    letters.Select(l => Math.Round(l.GlyphRectangle.Bottom)).Distinct().Count(),
                    letters.Max(l => l.GlyphRectangle.Right));
        });
        text.ShouldBe(word);
        lines.ShouldBeGreaterThan(1);
        right.ShouldBeLessThanOrEqualTo(PageSize.A4.Width - 50 + 0.5);
    }

    [Fact]
    public void Png_and_jpeg_images_are_embedded() =>
        PdfFiles.Read(Render(new ImageBlock(SampleInvoice.Logo, 100, 40), new ImageBlock(Jpeg(), 100, 40)),
            d => d.GetPage(1).GetImages().Count()).ShouldBe(2);

    [Fact]
    public void An_image_is_scaled_to_fit_its_box_keeping_its_proportions()
    {
        var box = PdfFiles.Read(Render(new ImageBlock(Jpeg(), 300, 50)), d => d.GetPage(1).GetImages().Single().Bounds);
        box.Height.ShouldBe(50, tolerance: 0.5);
        box.Width.ShouldBe(100, tolerance: 0.5);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_are_refused_clearly() =>
        Should.Throw<ArgumentException>(() => Render(new ImageBlock(TestImages.Zip, 100, 40)))
            .Message.ShouldContain("PNG or JPEG");

    [Theory]
    [InlineData(QrErrorCorrection.L)]
    [InlineData(QrErrorCorrection.M)]
    [InlineData(QrErrorCorrection.H)]
    public void A_QR_code_decodes_after_rendering_the_page_at_150_dpi(QrErrorCorrection level)
    {
        const string url = "https://acme.sidig.id/u/K7M2Q9XW4BZP";
        var pdf = Render(new Paragraph("Label"), new QrCodeBlock(url, 90) { ErrorCorrection = level });
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(pdf, dpi: 150)).ShouldBe([url]);
    }

    [Fact]
    public void A_label_page_has_the_custom_size_and_its_QR_code_still_decodes()
    {
        const string url = "https://acme.sidig.id/u/LBL0000001";
        var label = new Document { PageSize = PageSize.Millimetres(50, 30), Margins = Margins.Millimetres(2) }
            .Add(new Columns(4,
                new Box(new QrCodeBlock(url, Units.Mm(24))) { Weight = 1 },
                new Box(new Paragraph("SN 2026-000001", 7, bold: true), new Paragraph("Kipas angin 16\"", 6)) { Weight = 1 }));
        var pdf = PdfRenderer.Render(label);

        PdfFiles.Read(pdf, d => (Math.Round(d.GetPage(1).Width), Math.Round(d.GetPage(1).Height))).ShouldBe((142d, 85d));
        PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(pdf, dpi: 150)).ShouldBe([url]);
    }

    [Fact]
    public void Signature_boxes_stand_side_by_side_on_one_line()
    {
        Box Signature(string who) => new(new Paragraph(who, bold: true, align: TextAlign.Center), new Spacer(40),
            new HorizontalRule(), new Paragraph("Nama & tanda tangan", 7, align: TextAlign.Center)) { Border = true, Padding = 4 };
        var pdf = Render(new Columns(10, Signature("Pengirim"), Signature("Sopir"), Signature("Penerima")));

        var words = PdfFiles.Read(pdf, d => d.GetPage(1).GetWords()
            .Where(w => w.Text is "Pengirim" or "Sopir" or "Penerima").Select(w => w.BoundingBox).ToList());
        words.Select(w => Math.Round(w.Bottom)).Distinct().Count().ShouldBe(1);
        words.Select(w => w.Left).ShouldBeInOrder();
    }

    [Fact]
    public void Key_value_rows_print_key_separator_and_value() =>
        PdfFiles.PageTexts(Render(new KeyValueRows { { "No. Faktur", "INV/2026/12/0001" } }))[0]
            .ShouldBe("No. Faktur : INV/2026/12/0001");

    [Fact]
    public void Missing_fonts_give_an_exception_that_says_what_to_install()
    {
        var error = Should.Throw<DocumentFontException>(() => FontSet.Load("/nonexistent/fonts"));
        error.Message.ShouldContain("/nonexistent/fonts/DejaVuSans.ttf");
        error.Message.ShouldContain("fonts-dejavu-core");
    }

    [Fact]
    public void The_default_fonts_are_loaded_once_per_process() =>
        FontSet.Default.Regular.ShouldBeSameAs(FontSet.Default.Regular);
}

/// <summary>Skia embeds font files whole; the renderer embeds subsets. These check the subsets are still right.</summary>
public class EmbeddedFontTests
{
    private static byte[] Render(params Block[] blocks) => PdfRenderer.Render(new Document().Add(blocks));

    private static int DarkPixels(byte[] pdf)
    {
        using var bitmap = SKBitmap.Decode(PdfFiles.RenderPng(pdf, dpi: 72));
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y).Red < 128) dark++;
        return dark;
    }

    [Fact]
    public void A_one_page_invoice_embeds_font_subsets_not_whole_font_files() =>
        PdfRenderer.Render(SampleInvoice.Build(20)).Length.ShouldBeLessThan(150_000);

    [Fact]
    public void Characters_outside_the_common_set_are_embedded_for_the_document_that_uses_them()
    {
        var text = PdfFiles.PageTexts(Render(new Paragraph("Łódź Иван Ωmega"), new Paragraph("Šibenik Ł", bold: true)))[0];
        text.ShouldBe("Łódź Иван Ωmega Šibenik Ł");
    }

    [Fact]
    public void Glyphs_are_drawn_with_their_outlines_including_the_parts_of_composite_glyphs()
    {
        // DejaVu builds Ä from A and a diaeresis: a subset that lost a part would draw a bare A.
        var plain = DarkPixels(Render(new Paragraph("A", 60)));
        var composite = DarkPixels(Render(new Paragraph("Ä", 60)));
        var outsideCommonSet = DarkPixels(Render(new Paragraph("Ǻ", 60)));
        plain.ShouldBeGreaterThan(100);
        composite.ShouldBeGreaterThan(plain + 20);
        outsideCommonSet.ShouldBeGreaterThan(plain + 20);
    }
}

public class DocumentDeploymentTests
{
    [Fact]
    public void The_Docker_image_installs_the_fonts_and_the_library_SkiaSharp_needs()
    {
        var dockerfile = File.ReadAllText(Path.Combine(TestPaths.SolutionDirectory, "Dockerfile"));
        dockerfile.ShouldContain("fonts-dejavu-core");
        dockerfile.ShouldContain("libfontconfig1");
    }
}
