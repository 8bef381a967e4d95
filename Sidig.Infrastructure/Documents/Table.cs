using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>A column's width: fixed points, or a share of what the fixed columns leave.</summary>
public readonly record struct ColumnWidth(float Value, bool IsFraction)
{
    public static ColumnWidth Points(float points) => new(points, false);
    public static ColumnWidth Fraction(float share = 1) => new(share, true);
}

public sealed record TableColumn(string Header, ColumnWidth Width, TextAlign Align = TextAlign.Left);

/// <summary>A cell's text; spans columns for totals ("Total" across four columns, the amount in the fifth).</summary>
public sealed record TableCell(string? Text, int ColSpan = 1, TextAlign? Align = null, bool Bold = false)
{
    public static implicit operator TableCell(string? text) => new(text);
}

/// <summary>
/// Rows under a heading that is drawn again on every page the table continues on; footer rows (totals) after
/// the body. Each row is measured once, so a table of n rows costs n row layouts however many pages it takes.
/// </summary>
public sealed class Table : Block
{
    private readonly List<TableCell[]> _rows = [];
    private readonly List<TableCell[]> _footer = [];

    public Table(params TableColumn[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        Columns = columns;
    }

    public IReadOnlyList<TableColumn> Columns { get; }
    public int RowCount => _rows.Count;
    public float FontSize { get; init; } = 8.5f;
    public float CellPaddingX { get; init; } = 3;
    public float CellPaddingY { get; init; } = 2.5f;
    public SKColor HeaderBackground { get; init; } = new(0xE8, 0xEB, 0xEF);
    public SKColor RuleColor { get; init; } = new(0xC8, 0xCC, 0xD2);

    public Table AddRow(params string?[] cells) => AddRow(cells.Select(c => new TableCell(c)).ToArray());
    public Table AddRow(params TableCell[] cells) => Add(_rows, cells);

    /// <summary>A row after the body, e.g. subtotal, PPN and total; footer rows stay together.</summary>
    public Table AddFooterRow(params TableCell[] cells) => Add(_footer, cells);

    private Table Add(List<TableCell[]> rows, TableCell[] cells)
    {
        var span = cells.Sum(c => c.ColSpan);
        if (span != Columns.Count || cells.Any(c => c.ColSpan < 1))
            throw new ArgumentException($"The row spans {span} columns; the table has {Columns.Count}.", nameof(cells));
        rows.Add(cells);
        return this;
    }

    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        var (xs, widths) = ColumnPositions(width);
        var black = context.Fill(SKColors.Black);
        var rule = context.Stroke(RuleColor, 0.5f);
        var strong = context.Stroke(new SKColor(0x60, 0x60, 0x60), 0.75f);

        RowFragment Row(TableCell[] cells, bool bold, SKPaint? background, SKPaint? above, SKPaint? below,
            TableHeading? heading, bool keepWithNext)
        {
            var laid = new CellLines[cells.Length];
            var col = 0;
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = cells[i];
                var x = xs[col];
                var w = xs[col + cell.ColSpan - 1] + widths[col + cell.ColSpan - 1] - x;
                var font = context.Font(FontSize, bold || cell.Bold);
                var lines = TextWrapper.Wrap(cell.Text, font, w - 2 * CellPaddingX);
                laid[i] = new CellLines(x, w, lines, 0, lines.Length, font, black, cell.Align ?? Columns[col].Align);
                col += cell.ColSpan;
            }
            return new RowFragment(laid, width, CellPaddingX, CellPaddingY)
            {
                Background = background, LineAbove = above, LineBelow = below,
                RepeatedHeading = heading, KeepWithNext = keepWithNext,
            };
        }

        TableHeading? heading = null;
        if (Columns.Any(c => !string.IsNullOrEmpty(c.Header)))
        {
            var cells = Columns.Select(c => new TableCell(c.Header)).ToArray();
            var headRow = Row(cells, true, context.Fill(HeaderBackground), null, strong, null, keepWithNext: true);
            heading = new TableHeading([headRow]);
            output.Add(headRow);
        }
        foreach (var cells in _rows)
            output.Add(Row(cells, false, null, null, rule, heading, false));
        for (var i = 0; i < _footer.Count; i++)
            output.Add(Row(_footer[i], false, null, i == 0 ? strong : null, null, heading, i < _footer.Count - 1));
    }

    private (float[] X, float[] Width) ColumnPositions(float width)
    {
        var fixedSum = Columns.Where(c => !c.Width.IsFraction).Sum(c => c.Width.Value);
        var shares = Columns.Where(c => c.Width.IsFraction).Sum(c => c.Width.Value);
        var free = width - fixedSum;
        if (free < 0 || (shares > 0 && free < 1))
            throw new ArgumentException($"The fixed columns ({fixedSum:0.#} pt) do not leave room in a table {width:0.#} pt wide.");
        var xs = new float[Columns.Count];
        var widths = new float[Columns.Count];
        var x = 0f;
        for (var i = 0; i < Columns.Count; i++)
        {
            var c = Columns[i].Width;
            widths[i] = c.IsFraction ? free * c.Value / shares : c.Value;
            xs[i] = x;
            x += widths[i];
        }
        return (xs, widths);
    }
}

/// <summary>Label and value pairs ("No. Faktur : INV/2026/0001"), each pair a row that wraps in its column.</summary>
public sealed class KeyValueRows(float keyWidth = 90) : Block, System.Collections.IEnumerable
{
    private readonly List<(string Key, string? Value)> _pairs = [];

    public float Size { get; init; } = DefaultFontSize;
    public bool BoldKeys { get; init; }
    public bool BoldValues { get; init; }
    public TextAlign ValueAlign { get; init; } = TextAlign.Left;
    public string Separator { get; init; } = ":";

    public void Add(string key, string? value) => _pairs.Add((key, value));

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _pairs.GetEnumerator();

    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        var keyFont = context.Font(Size, BoldKeys);
        var valueFont = context.Font(Size, BoldValues);
        var paint = context.Fill(SKColors.Black);
        var sepText = new TextLine(Separator, keyFont.Sk.MeasureText(Separator));
        keyFont.Use(Separator);
        var sepWidth = Separator.Length == 0 ? 0 : sepText.Width + keyFont.SpaceWidth * 2;
        var valueX = keyWidth + sepWidth;
        if (valueX >= width) throw new ArgumentException($"The key column ({keyWidth} pt) leaves no room for values.");
        foreach (var (key, value) in _pairs)
        {
            var keyLines = TextWrapper.Wrap(key, keyFont, keyWidth);
            var valueLines = TextWrapper.Wrap(value, valueFont, width - valueX);
            CellLines[] cells =
            [
                new(0, keyWidth, keyLines, 0, keyLines.Length, keyFont, paint, TextAlign.Left),
                new(keyWidth, sepWidth, [sepText], 0, Separator.Length == 0 ? 0 : 1, keyFont, paint, TextAlign.Center),
                new(valueX, width - valueX, valueLines, 0, valueLines.Length, valueFont, paint, ValueAlign),
            ];
            output.Add(new RowFragment(cells, width, 0, 0.5f));
        }
    }
}
