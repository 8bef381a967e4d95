using System.Text.RegularExpressions;
using Sidig.Infrastructure.Documents;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Documents;

public class TableLayoutTests
{
    private static Table Numbered(int rows)
    {
        var table = new Table(
            new TableColumn("Nomor", ColumnWidth.Points(60), TextAlign.Right),
            new TableColumn("Keterangan", ColumnWidth.Fraction(3)),
            new TableColumn("Jumlah", ColumnWidth.Fraction(1), TextAlign.Right));
        for (var i = 1; i <= rows; i++) table.AddRow($"R{i:000}", $"Baris ke-{i}", $"{i * 1000}");
        table.AddFooterRow(new TableCell("Total", 2, TextAlign.Right), "1830000");
        return table;
    }

    private static List<string> Pages(params Block[] blocks) =>
        PdfFiles.PageTexts(PdfRenderer.Render(new Document().Add(blocks)));

    [Fact]
    public void A_60_row_table_breaks_across_pages_with_its_heading_on_every_page()
    {
        var pages = Pages(new Spacer(300), Numbered(60));

        pages.Count.ShouldBeGreaterThan(1);
        pages.ShouldAllBe(p => p.Contains("Nomor Keterangan Jumlah"));
    }

    [Fact]
    public void Every_row_is_printed_once_in_order_and_the_footer_after_the_last()
    {
        var pages = Pages(new Spacer(300), Numbered(60));
        var text = string.Join(' ', pages);

        var rows = Regex.Matches(text, @"R(\d{3})").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        rows.ShouldBe(Enumerable.Range(1, 60));
        pages[^1].ShouldContain("Total 1830000");
        pages[^1].IndexOf("Total", StringComparison.Ordinal).ShouldBeGreaterThan(pages[^1].IndexOf("R060", StringComparison.Ordinal));
    }

    [Fact]
    public void The_heading_moves_with_the_first_row_rather_than_stand_alone_at_the_bottom_of_a_page()
    {
        // Spacers fill the page so that only the heading would still fit on it.
        var pages = Pages(new Spacer(700), new Spacer(30), Numbered(3));

        pages.Count.ShouldBe(2);
        pages[0].ShouldNotContain("Nomor");
        pages[1].ShouldContain("Nomor Keterangan Jumlah R001");
    }

    [Fact]
    public void A_long_cell_wraps_within_its_column_and_the_row_grows()
    {
        var table = new Table(
            new TableColumn("Kode", ColumnWidth.Points(80)),
            new TableColumn("Nama", ColumnWidth.Fraction()));
        table.AddRow("A", string.Join(' ', Enumerable.Repeat("panjang", 60)));
        table.AddRow("B", "pendek");

        var pdf = PdfRenderer.Render(new Document().Add(table));

        var (lines, left, bBelowLongCell) = PdfFiles.Read(pdf, d =>
        {
            var words = d.GetPage(1).GetWords().ToList();
            var long_ = words.Where(w => w.Text == "panjang").ToList();
            return (long_.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count(),
                    long_.Min(w => w.BoundingBox.Left),
                    words.Single(w => w.Text == "B").BoundingBox.Top < long_.Min(w => w.BoundingBox.Bottom));
        });
        lines.ShouldBeGreaterThan(1);
        left.ShouldBeGreaterThan(new Document().Margins.Left + 80);
        bBelowLongCell.ShouldBeTrue();
    }

    [Fact]
    public void A_row_taller_than_a_page_continues_on_the_next_page_between_lines()
    {
        var table = new Table(new TableColumn("Catatan", ColumnWidth.Fraction()));
        table.AddRow(string.Join('\n', Enumerable.Range(1, 150).Select(i => $"baris{i:000}")));

        var pages = Pages(table);

        pages.Count.ShouldBe(3);
        var lines = Regex.Matches(string.Join(' ', pages), @"baris(\d{3})").Select(m => int.Parse(m.Groups[1].Value));
        lines.ShouldBe(Enumerable.Range(1, 150));
        pages.ShouldAllBe(p => p.StartsWith("Catatan"));
    }

    [Fact]
    public void A_row_whose_cells_do_not_fill_the_columns_is_refused() =>
        Should.Throw<ArgumentException>(() => Numbered(0).AddRow("only", "two"));

    [Fact]
    public void Fixed_columns_wider_than_the_page_are_refused()
    {
        var table = new Table(new TableColumn("A", ColumnWidth.Points(400)), new TableColumn("B", ColumnWidth.Points(400)));
        Should.Throw<ArgumentException>(() => PdfRenderer.Render(new Document().Add(table)));
    }
}
