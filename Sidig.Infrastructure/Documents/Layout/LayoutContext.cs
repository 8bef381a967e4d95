using SkiaSharp;

namespace Sidig.Infrastructure.Documents.Layout;

/// <summary>
/// What blocks need while they are measured and drawn: fonts at the sizes used, paints per colour, and the
/// native objects (images, paths) to free once the PDF is written. One per rendered document.
/// </summary>
internal sealed class LayoutContext(FontSet fonts) : IDisposable
{
    private readonly Dictionary<(bool Bold, float Size), TextFont> _fonts = [];
    private readonly Dictionary<SKColor, SKPaint> _fills = [];
    private readonly Dictionary<(SKColor, float), SKPaint> _strokes = [];
    private readonly List<IDisposable> _owned = [];

    public TextFont Font(float size, bool bold)
    {
        if (_fonts.TryGetValue((bold, size), out var font)) return font;
        // No hinting and linear metrics: advances are the font's own, not rounded to screen pixels, so what is
        // measured here is what the PDF viewer lays out.
        var sk = new SKFont(bold ? fonts.Bold : fonts.Regular, size)
        {
            Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true,
        };
        font = new TextFont(sk);
        _fonts[(bold, size)] = font;
        return font;
    }

    public SKPaint Fill(SKColor color)
    {
        if (!_fills.TryGetValue(color, out var paint))
            _fills[color] = paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        return paint;
    }

    public SKPaint Stroke(SKColor color, float width)
    {
        if (!_strokes.TryGetValue((color, width), out var paint))
            _strokes[(color, width)] = paint = new SKPaint { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
        return paint;
    }

    public T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        foreach (var f in _fonts.Values) f.Sk.Dispose();
        foreach (var p in _fills.Values) p.Dispose();
        foreach (var p in _strokes.Values) p.Dispose();
        foreach (var o in _owned) o.Dispose();
    }
}

/// <summary>A font at one size with the metrics lines are spaced by.</summary>
internal sealed class TextFont
{
    public TextFont(SKFont sk)
    {
        Sk = sk;
        var m = sk.Metrics;
        LineHeight = sk.Size * 1.25f;
        // Centre the glyph box (ascent to descent) in the line.
        Baseline = (LineHeight - (m.Descent - m.Ascent)) / 2 - m.Ascent;
        SpaceWidth = sk.MeasureText(" ");
    }

    public SKFont Sk { get; }
    public float LineHeight { get; }
    public float Baseline { get; }
    public float SpaceWidth { get; }
}
