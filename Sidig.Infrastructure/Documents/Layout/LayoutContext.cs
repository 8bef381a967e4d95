using SkiaSharp;

namespace Sidig.Infrastructure.Documents.Layout;

/// <summary>
/// What blocks need while they are measured and drawn: fonts at the sizes used, paints per colour, and the
/// native objects (images, paths) to free once the PDF is written. One per rendered document.
/// </summary>
internal sealed class LayoutContext(FontSet fonts) : IDisposable
{
    private readonly HashSet<int>[] _used = [[], []]; // code points drawn, per face: regular, bold
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
        font = new TextFont(sk, bold, _used[bold ? 1 : 0]);
        _fonts[(bold, size)] = font;
        return font;
    }

    /// <summary>
    /// Gives every font the face it draws with: the process-wide face of common characters when the document
    /// uses only those, else a face cut for this document. Either way the PDF embeds a subset, never the whole
    /// font file. Call after layout, before drawing.
    /// </summary>
    public void PrepareFontsForDrawing()
    {
        foreach (var bold in new[] { false, true })
        {
            var laidOut = _fonts.Where(f => f.Key.Bold == bold).Select(f => f.Value).ToList();
            if (laidOut.Count == 0) continue;
            var used = _used[bold ? 1 : 0];
            var common = fonts.Common(bold);
            var face = used.IsSubsetOf(common.Covers)
                ? common.Face
                : Own(DrawingFace.Subset(bold ? fonts.Bold : fonts.Regular, bold ? fonts.BoldData : fonts.RegularData, used)).Face;
            foreach (var font in laidOut)
                font.Draw = Own(new SKFont(face, font.Sk.Size) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true });
        }
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

    private DrawingFace Own(DrawingFace face)
    {
        _owned.Add(face.Face);
        return face;
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
    private readonly HashSet<int> _used;

    public TextFont(SKFont sk, bool bold, HashSet<int> used)
    {
        Sk = sk;
        Draw = sk;
        Bold = bold;
        _used = used;
        var m = sk.Metrics;
        LineHeight = sk.Size * 1.25f;
        // Centre the glyph box (ascent to descent) in the line.
        Baseline = (LineHeight - (m.Descent - m.Ascent)) / 2 - m.Ascent;
        SpaceWidth = sk.MeasureText(" ");
    }

    /// <summary>The full face, for measuring.</summary>
    public SKFont Sk { get; }

    /// <summary>The face text is drawn with: the document's subset once <see cref="LayoutContext.PrepareFontsForDrawing"/> ran.</summary>
    public SKFont Draw { get; set; }

    public bool Bold { get; }
    public float LineHeight { get; }
    public float Baseline { get; }
    public float SpaceWidth { get; }

    /// <summary>Records the characters of text that will be drawn with this font.</summary>
    public void Use(string text)
    {
        foreach (var rune in text.EnumerateRunes()) _used.Add(rune.Value);
    }
}
