using Sidig.Infrastructure.Documents;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Tests.TestSupport;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Sidig.Tests.Documents;

public class LabelSheetPdfTests
{
    private const float PointsPerMm = Units.PointsPerMillimetre;

    // 2 full pages and a partial third of the 3 x 8 sheet.
    private static readonly List<LabelPrint> FiftyThree = LabelSamples.Units(53);
    private static readonly Lazy<byte[]> FiftyThreePdf = new(() => LabelSheetPdf.Render(FiftyThree, LabelLayout.A4_3x8));

    public static TheoryData<string> SheetPresets => new() { "a4-3x8", "a4-4x10", "a4-3x7" };

    [Fact]
    public void Every_serial_is_printed_on_its_own_page_and_no_other()
    {
        var pages = PdfFiles.Read(FiftyThreePdf.Value, d => d.GetPages().Select(p => p.GetWords().Select(w => w.Text).ToHashSet()).ToList());
        pages.Count.ShouldBe(3);
        for (var i = 0; i < FiftyThree.Count; i++)
        {
            var page = i / 24;
            for (var p = 0; p < pages.Count; p++)
                pages[p].Contains(FiftyThree[i].Serial).ShouldBe(p == page, $"serial {FiftyThree[i].Serial} on page {p + 1}");
        }
    }

    [Theory]
    [InlineData("a4-3x8", 1, 1)]
    [InlineData("a4-3x8", 24, 1)]
    [InlineData("a4-3x8", 25, 2)]
    [InlineData("a4-4x10", 81, 3)]
    [InlineData("single-50x30", 3, 3)]
    public void The_page_count_is_the_labels_divided_by_the_labels_per_page_rounded_up(string layout, int labels, int pages)
    {
        var preset = LabelLayout.Preset(layout)!;
        preset.PageCount(labels).ShouldBe(pages);
        PdfFiles.Read(LabelSheetPdf.Render(LabelSamples.Units(labels), preset), d => d.NumberOfPages).ShouldBe(pages);
    }

    [Theory]
    [MemberData(nameof(SheetPresets))]
    public void Every_qr_code_on_a_sheet_page_opens_exactly_the_url_of_its_label(string layout)
    {
        var preset = LabelLayout.Preset(layout)!;
        var labels = LabelSamples.Units(preset.LabelsPerPage + 7, seed: 11);
        var pdf = LabelSheetPdf.Render(labels, preset);
        for (var page = 1; page <= 2; page++)
        {
            var decoded = DecodeEveryCell(pdf, page, preset, dpi: 150);
            for (var cell = 0; cell < preset.LabelsPerPage; cell++)
            {
                var index = (page - 1) * preset.LabelsPerPage + cell;
                decoded[cell].ShouldBe(index < labels.Count ? [labels[index].Url] : [], $"{layout}, page {page}, label {cell + 1}");
            }
        }
    }

    /// <summary>The page drawn by pdftoppm, each label's cell decoded on its own by zbarimg.</summary>
    private static string[][] DecodeEveryCell(byte[] pdf, int page, LabelLayout layout, int dpi)
    {
        var scale = dpi / 72f;
        var png = PdfFiles.RenderPng(pdf, page, dpi);
        var regions = Enumerable.Range(0, layout.LabelsPerPage).Select(i =>
        {
            var c = layout.Cell(i);
            // Rounded inwards so a region never reaches into the next image pixel row or column past the paper.
            return new SKRectI((int)MathF.Ceiling(c.X * scale), (int)MathF.Ceiling(c.Y * scale), (int)(c.Right * scale), (int)(c.Bottom * scale));
        }).ToList();
        return PdfFiles.DecodeQrCodes(png, regions);
    }

    [Fact]
    public void The_first_sheet_page_is_filled_row_by_row_from_the_top_left()
    {
        var words = PdfFiles.Read(FiftyThreePdf.Value, d => d.GetPage(1).GetWords().ToList());
        var height = PageSize.A4.Height;
        for (var i = 0; i < 24; i++)
        {
            var cell = LabelLayout.A4_3x8.Cell(i);
            var serial = words.Single(w => w.Text == FiftyThree[i].Serial).BoundingBox;
            serial.Left.ShouldBeGreaterThanOrEqualTo(cell.X);
            serial.Right.ShouldBeLessThanOrEqualTo(cell.Right);
            (height - serial.Top).ShouldBeGreaterThanOrEqualTo(cell.Y);
            (height - serial.Bottom).ShouldBeLessThanOrEqualTo(cell.Bottom);
        }
    }

    [Fact]
    public void A_single_label_layout_prints_one_label_per_page_the_size_of_the_label_with_its_qr_code()
    {
        var labels = LabelSamples.Units(3, seed: 3);
        var pdf = LabelSheetPdf.Render(labels, LabelLayout.Single50x30);
        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(3);
        for (var page = 1; page <= 3; page++)
        {
            var p = document.GetPage(page);
            (p.Width / PointsPerMm).ShouldBe(50, 0.1);
            (p.Height / PointsPerMm).ShouldBe(30, 0.1);
            p.GetWords().Select(w => w.Text).ShouldContain(labels[page - 1].Serial);
            PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(pdf, page, dpi: 300)).ShouldBe([labels[page - 1].Url]);
        }
    }

    [Theory]
    [InlineData("a4-4x10")]
    [InlineData("single-50x30")]
    public void The_printed_qr_code_is_at_least_18_mm_wide(string layout)
    {
        var preset = LabelLayout.Preset(layout)!;
        var pdf = LabelSheetPdf.Render(LabelSamples.Units(1), preset);
        const int dpi = 300;
        using var bitmap = SKBitmap.Decode(PdfFiles.RenderPng(pdf, 1, dpi));
        // The dark modules' extent left of the text column of the first label (the quiet zone is white).
        var cell = preset.Cell(0);
        var scale = dpi / 72f;
        int left = int.MaxValue, right = -1, top = int.MaxValue, bottom = -1;
        for (var y = (int)(cell.Y * scale); y < (int)(cell.Bottom * scale); y++)
        for (var x = (int)(cell.X * scale); x < (int)((cell.X + preset.Content.QrX + preset.Content.QrSide) * scale); x++)
        {
            if (bitmap.GetPixel(x, y).Red >= 128) continue;
            (left, right, top, bottom) = (Math.Min(left, x), Math.Max(right, x), Math.Min(top, y), Math.Max(bottom, y));
        }
        var widthMm = (right - left + 1) * 25.4 / dpi;
        var heightMm = (bottom - top + 1) * 25.4 / dpi;
        widthMm.ShouldBeGreaterThanOrEqualTo(18);
        heightMm.ShouldBe(widthMm, 0.3);
    }

    public static TheoryData<string, float, float> Cramped => new()
    {
        { "a4-4x10", 0, 0 },
        { "single-50x30", 0, 0 },
        { "custom portrait single 30 x 50", 30, 50 },
    };

    [Theory]
    [MemberData(nameof(Cramped))]
    public void A_very_long_product_name_is_cut_cleanly_and_stays_inside_its_label(string layout, float width, float height)
    {
        var preset = width > 0 ? LabelLayout.Single(width, height) : LabelLayout.Preset(layout)!;
        var longName = "Kulkas Dua Pintu Inverter 420 Liter Seri Premium Platinum Anti-Bakteri Hemat Energi " +
                       "dengan Dispenser Air, Ice Maker Otomatis dan Garansi Kompresor Sepuluh Tahun Resmi Indonesia";
        var unbreakable = "SUPERKALIFRAGILISTIKEKSPIALIDOSIUSTANPASPASIAPAPUNYANGSANGATPANJANGSEKALI";
        var labels = Enumerable.Range(1, Math.Min(preset.LabelsPerPage, 8)).Select(i => new LabelPrint(
            i % 2 == 0 ? unbreakable : longName,
            i % 3 == 0 ? "SKU-YANG-JUGA-TERLALU-PANJANG-UNTUK-SATU-BARIS-LABEL" : "KL-420P",
            LabelSamples.Serial(i),
            LabelSamples.Url(new Random(i)))).ToList();
        var pdf = LabelSheetPdf.Render(labels, preset);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        var onPage = preset.IsSingle ? 1 : labels.Count;
        ShouldBeInsideTheLabels(page, preset, onPage);

        var text = PdfFiles.Text(page);
        text.ShouldContain("Kulkas Dua Pintu");
        text.ShouldContain("…");                        // cut, and it says so
        text.ShouldNotContain("Garansi Kompresor Sepuluh Tahun Resmi Indonesia"); // the end of the name is not printed
        for (var i = 0; i < onPage; i++) words.Select(w => w.Text).ShouldContain(labels[i].Serial); // serials in full
    }

    [Fact]
    public void An_overlong_serial_is_made_smaller_then_broken_but_printed_in_full_inside_its_label()
    {
        var serial = "SN-ACME-KULKAS-2026-12-00001"; // too wide for one line even in the smallest type
        var absurd = "SN-PT-ACME-ELEKTRONIK-INDONESIA-KULKAS-2026-12-000000000001";
        var pdf = LabelSheetPdf.Render(
            [new LabelPrint("Kipas", null, serial, LabelSamples.Url(new Random(2))), new LabelPrint("Kipas", null, absurd, LabelSamples.Url(new Random(3)))],
            LabelLayout.A4_4x10);
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        ShouldBeInsideTheLabels(page, LabelLayout.A4_4x10, 2);
        var first = LabelLayout.A4_4x10.Cell(0);
        var words = page.GetWords().Where(w => w.Text != "Kipas").ToList();
        var inFirst = words.Where(w => w.BoundingBox.Right <= first.Right).ToList();
        inFirst.Count.ShouldBe(2); // two lines
        string.Concat(inFirst.Select(w => w.Text)).ShouldBe(serial);
        page.Letters.Where(l => l.Value == "S").Max(l => l.PointSize).ShouldBeLessThan(7.5); // smaller than the layout's 7.5 pt
        page.Letters.Where(l => l.Value == "S").Min(l => l.PointSize).ShouldBeGreaterThanOrEqualTo(5.5);
        string.Concat(words.Except(inFirst).Select(w => w.Text)).ShouldEndWith("…"); // beyond two lines it is cut, visibly
    }

    /// <summary>Every word on the page lies inside one label's cell, within its padding.</summary>
    private static void ShouldBeInsideTheLabels(UglyToad.PdfPig.Content.Page page, LabelLayout layout, int labelsOnPage)
    {
        var cells = Enumerable.Range(0, labelsOnPage).Select(layout.Cell).ToList();
        var padding = Units.Mm(layout.PaddingMm);
        const double tolerance = 0.5; // pt
        foreach (var word in page.GetWords())
        {
            var box = word.BoundingBox;
            // Top-left coordinates, like the layout's cells.
            var (x0, x1, y0, y1) = (box.Left, box.Right, page.Height - box.Top, page.Height - box.Bottom);
            var (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
            var cell = cells.FirstOrDefault(c => cx >= c.X && cx <= c.Right && cy >= c.Y && cy <= c.Bottom);
            cell.Width.ShouldBeGreaterThan(0, $"'{word.Text}' is in no label");
            x0.ShouldBeGreaterThanOrEqualTo(cell.X + padding - tolerance, word.Text);
            x1.ShouldBeLessThanOrEqualTo(cell.Right - padding + tolerance, word.Text);
            y0.ShouldBeGreaterThanOrEqualTo(cell.Y + padding - tolerance, word.Text);
            y1.ShouldBeLessThanOrEqualTo(cell.Bottom - padding + tolerance, word.Text);
        }
    }

    [Fact]
    public void The_qr_codes_of_labels_with_long_names_still_decode()
    {
        var labels = LabelSamples.Units(40, seed: 9).Select(l => l with { ProductName = string.Concat(Enumerable.Repeat(l.ProductName + " ", 8)) }).ToList();
        var pdf = LabelSheetPdf.Render(labels, LabelLayout.A4_4x10);
        DecodeEveryCell(pdf, 1, LabelLayout.A4_4x10, dpi: 150).ShouldBe(labels.Select(l => new[] { l.Url }).ToArray());
    }

    [Fact]
    public void Zero_columns_are_refused() =>
        Should.Throw<LabelLayoutException>(() => LabelLayout.Sheet(PageSize.A4, 0, 8, 70, 37))
            .Problem.ShouldBe(LabelLayoutProblem.NoLabels);

    [Fact]
    public void Labels_wider_than_the_paper_are_refused_with_the_numbers()
    {
        var e = Should.Throw<LabelLayoutException>(() => LabelLayout.Sheet(PageSize.A4, 3, 8, 80, 37));
        e.Problem.ShouldBe(LabelLayoutProblem.TooWide);
        e.Message.ShouldContain("need 240 mm, but the paper is 210 mm wide");
    }

    [Fact]
    public void Rows_taller_than_the_paper_are_refused_with_the_numbers()
    {
        var e = Should.Throw<LabelLayoutException>(() => LabelLayout.Sheet(PageSize.A4, 3, 8, 70, 37, marginTopMm: 10, rowGapMm: 1));
        e.Problem.ShouldBe(LabelLayoutProblem.TooTall);
        e.Message.ShouldContain("need 313 mm, but the paper is 297 mm tall");
    }

    [Fact]
    public void A_label_too_small_for_a_scannable_qr_code_and_its_text_is_refused()
    {
        Should.Throw<LabelLayoutException>(() => LabelLayout.Single(30, 20)).Problem.ShouldBe(LabelLayoutProblem.TooSmall);
        Should.Throw<LabelLayoutException>(() => LabelLayout.Sheet(PageSize.A4, 5, 13, 38, 21.2f)).Problem.ShouldBe(LabelLayoutProblem.TooSmall);
    }

    [Theory]
    [InlineData(0, 30, 0)]
    [InlineData(50, -1, 0)]
    [InlineData(50, 30, -2)]
    [InlineData(float.NaN, 30, 0)]
    public void Lengths_that_are_not_positive_are_refused(float width, float height, float padding) =>
        Should.Throw<LabelLayoutException>(() => LabelLayout.Single(width, height, padding)).Problem.ShouldBe(LabelLayoutProblem.InvalidLength);

    [Fact]
    public void A_negative_gap_is_refused() =>
        Should.Throw<LabelLayoutException>(() => LabelLayout.Sheet(PageSize.A4, 3, 8, 60, 30, columnGapMm: -1))
            .Problem.ShouldBe(LabelLayoutProblem.InvalidLength);

    [Fact]
    public void The_presets_fit_their_paper_and_can_be_found_by_key()
    {
        LabelLayout.Presets.Select(p => p.Key).ShouldBeUnique();
        foreach (var preset in LabelLayout.Presets)
        {
            LabelLayout.Preset(preset.Key).ShouldBeSameAs(preset);
            var last = preset.Cell(preset.LabelsPerPage - 1);
            last.Right.ShouldBeLessThanOrEqualTo(preset.Paper.Width + 0.05f, preset.Key);
            last.Bottom.ShouldBeLessThanOrEqualTo(preset.Paper.Height + 0.05f, preset.Key);
        }
        LabelLayout.A4_3x8.LabelsPerPage.ShouldBe(24);
        LabelLayout.A4_4x10.LabelsPerPage.ShouldBe(40);
        LabelLayout.A4_3x7.Cell(0).X.ShouldBe(Units.Mm(7.21f), 0.01);
        LabelLayout.A4_3x7.Cell(1).X.ShouldBe(Units.Mm(7.21f + 63.5f + 2.54f), 0.01);
        LabelLayout.A4_3x8.MarginTopMm.ShouldBe(0.5f, 0.001); // centred: (297 - 8 x 37) / 2
        LabelLayout.Preset("no-such-layout").ShouldBeNull();
    }

    [Fact]
    public void A_custom_sheet_puts_labels_at_its_margins_and_gaps()
    {
        var layout = LabelLayout.Sheet(PageSize.A4, 2, 5, 90, 50, marginTopMm: 12, marginLeftMm: 10, columnGapMm: 10, rowGapMm: 5);
        var cell = layout.Cell(3); // row 1, column 1
        (cell.X / PointsPerMm).ShouldBe(110, 0.01);
        (cell.Y / PointsPerMm).ShouldBe(67, 0.01);
        var labels = LabelSamples.Units(10, seed: 4);
        DecodeEveryCell(LabelSheetPdf.Render(labels, layout), 1, layout, dpi: 150).ShouldBe(labels.Select(l => new[] { l.Url }).ToArray());
    }

    [Fact]
    public void Labels_without_a_serial_or_with_no_or_an_overlong_url_are_refused_before_anything_is_written()
    {
        var labels = LabelSamples.Units(30);
        labels[27] = labels[27] with { Serial = " " };
        using var output = new MemoryStream();
        Should.Throw<ArgumentException>(() => LabelSheetPdf.Render(labels, LabelLayout.A4_3x8, output)).Message.ShouldContain("Label 28 has no serial");
        output.Length.ShouldBe(0);

        labels[27] = labels[27] with { Serial = "SN-1", Url = "" };
        Should.Throw<ArgumentException>(() => LabelSheetPdf.Render(labels, LabelLayout.A4_3x8, output)).Message.ShouldContain("no URL");
        labels[27] = labels[27] with { Url = LabelSamples.BaseUrl + new string('x', 100) };
        Should.Throw<ArgumentException>(() => LabelSheetPdf.Render(labels, LabelLayout.A4_3x8, output)).Message.ShouldContain("at most 120");
        Should.Throw<ArgumentException>(() => LabelSheetPdf.Render([], LabelLayout.A4_3x8, output));
        output.Length.ShouldBe(0);
    }

    [Fact]
    public void Pages_are_written_to_the_output_while_the_run_goes_on_and_progress_is_reported()
    {
        var labels = LabelSamples.Units(24 * 10);
        using var output = new MemoryStream();
        var seen = new List<(int Done, long Written)>();
        LabelSheetPdf.Render(labels, LabelLayout.A4_3x8, output, progress: new ProgressTo(done => seen.Add((done, output.Length))));

        seen.Select(s => s.Done).ShouldBe(Enumerable.Range(1, 10).Select(p => p * 24));
        // Each page's content is in the stream once the page is done, not only when the document closes.
        seen[0].Written.ShouldBeGreaterThan(5_000);
        seen.Select(s => s.Written).ShouldBeInOrder(SortDirection.Ascending);
        seen[^1].Written.ShouldBeGreaterThan(seen[0].Written * 8);
        output.Length.ShouldBeGreaterThan(seen[^1].Written); // fonts and the page tree come at the end
    }

    [Fact]
    public void A_cancelled_run_stops_between_pages()
    {
        using var cancel = new CancellationTokenSource();
        var pages = 0;
        Should.Throw<OperationCanceledException>(() => LabelSheetPdf.Render(LabelSamples.Units(24 * 5), LabelLayout.A4_3x8, Stream.Null,
            progress: new ProgressTo(_ => { if (++pages == 2) cancel.Cancel(); }), cancellationToken: cancel.Token));
        pages.ShouldBe(2);
    }

    [Fact]
    public void Characters_outside_latin_1_are_printed_too()
    {
        var labels = new List<LabelPrint> { new("Łódź Wentylator — Вентилятор", "WŁ-1", "SN-Ж-0001", LabelSamples.Url(new Random(1))) };
        var text = PdfFiles.PageTexts(LabelSheetPdf.Render(labels, LabelLayout.A4_3x8)).Single();
        text.ShouldContain("Łódź Wentylator");
        text.ShouldContain("Вентилятор");
        text.ShouldContain("SN-Ж-0001");
    }

    private sealed class ProgressTo(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
