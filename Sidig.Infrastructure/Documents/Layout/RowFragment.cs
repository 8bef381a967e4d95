using SkiaSharp;

namespace Sidig.Infrastructure.Documents.Layout;

/// <summary>The wrapped lines of one cell, and which of them a (possibly split) row draws.</summary>
internal sealed record CellLines(float X, float Width, TextLine[] Lines, int Start, int End, TextFont Font, SKPaint Paint, TextAlign Align)
{
    public float Height(float padding) => (End - Start) * Font.LineHeight + 2 * padding;
}

/// <summary>
/// A row of cells side by side (a table row, a key-value pair). Kept whole on a page; only a row taller than a
/// whole page is split, and then between lines of text, never through one.
/// </summary>
internal sealed class RowFragment : Fragment
{
    private readonly CellLines[] _cells;
    private readonly float _padX, _padY, _width;

    public RowFragment(CellLines[] cells, float width, float padX, float padY)
    {
        (_cells, _width, _padX, _padY) = (cells, width, padX, padY);
        Height = cells.Length == 0 ? 2 * padY : cells.Max(c => c.Height(padY));
    }

    public SKPaint? Background { get; init; }
    public SKPaint? LineAbove { get; init; }
    public SKPaint? LineBelow { get; init; }

    public override (Fragment Head, Fragment Tail)? Split(float height)
    {
        var heads = new CellLines[_cells.Length];
        var tails = new CellLines[_cells.Length];
        var any = false;
        for (var i = 0; i < _cells.Length; i++)
        {
            var c = _cells[i];
            var fit = Math.Clamp((int)((height - 2 * _padY) / c.Font.LineHeight), 0, c.End - c.Start);
            any |= fit > 0;
            heads[i] = c with { End = c.Start + fit };
            tails[i] = c with { Start = c.Start + fit };
        }
        if (!any) return null;
        var head = new RowFragment(heads, _width, _padX, _padY) { Background = Background, LineAbove = LineAbove, RepeatedHeading = RepeatedHeading };
        var tail = new RowFragment(tails, _width, _padX, _padY) { Background = Background, LineBelow = LineBelow, RepeatedHeading = RepeatedHeading };
        return (head, tail);
    }

    public override void Draw(SKCanvas canvas, float x, float y)
    {
        if (Background is not null) canvas.DrawRect(x, y, _width, Height, Background);
        foreach (var c in _cells)
        {
            var lineY = y + _padY;
            var inner = c.Width - 2 * _padX;
            for (var i = c.Start; i < c.End; i++)
            {
                var line = c.Lines[i];
                var lx = x + c.X + _padX + TextLineFragment.Offset(c.Align, inner, line.Width);
                canvas.DrawText(line.Text, lx, lineY + c.Font.Baseline, SKTextAlign.Left, c.Font.Draw, c.Paint);
                lineY += c.Font.LineHeight;
            }
        }
        if (LineAbove is not null) canvas.DrawLine(x, y, x + _width, y, LineAbove);
        if (LineBelow is not null) canvas.DrawLine(x, y + Height, x + _width, y + Height, LineBelow);
    }
}
