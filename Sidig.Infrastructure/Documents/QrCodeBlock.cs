using QRCoder;
using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

public enum QrErrorCorrection { L, M, Q, H }

/// <summary>
/// A QR code drawn as vector squares, <paramref name="size"/> points wide including the quiet zone of four
/// modules that readers need. Vectors stay sharp at any print resolution and cost a few hundred bytes.
/// </summary>
public sealed class QrCodeBlock(string payload, float size = 80, TextAlign align = TextAlign.Left) : Block
{
    public const int QuietZoneModules = 4;

    public string Payload { get; } = payload;

    /// <summary>M (15 %) by default: a good balance for labels that get scratched and codes that must stay small.</summary>
    public QrErrorCorrection ErrorCorrection { get; init; } = QrErrorCorrection.M;

    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        var side = Math.Min(size, width);
        output.Add(new QrFragment(Modules(context), side, TextLineFragment.Offset(align, width, side),
            context.Fill(SKColors.White), context.Fill(SKColors.Black)));
    }

    /// <summary>The dark modules as one path in module units, quiet zone included in the extent.</summary>
    private (SKPath Path, int Count) Modules(LayoutContext context)
    {
        var path = context.Own(new SKPath());
        return (path, QrModules.AddTo(path, Payload, ErrorCorrection));
    }

    private sealed class QrFragment : Fragment
    {
        private readonly SKPath _path;
        private readonly int _modules;
        private readonly float _side, _dx;
        private readonly SKPaint _light, _dark;

        public QrFragment((SKPath Path, int Count) modules, float side, float dx, SKPaint light, SKPaint dark)
        {
            (_path, _modules, _side, _dx, _light, _dark) = (modules.Path, modules.Count, side, dx, light, dark);
            Height = side;
        }

        public override void Draw(SKCanvas canvas, float x, float y)
        {
            canvas.DrawRect(x + _dx, y, _side, _side, _light);
            canvas.Save();
            canvas.Translate(x + _dx, y);
            canvas.Scale(_side / _modules);
            canvas.DrawPath(_path, _dark);
            canvas.Restore();
        }
    }
}

/// <summary>
/// Encodes a payload with QRCoder and adds its dark modules to a path, in module units: what
/// <see cref="QrCodeBlock"/> draws, and what label sheets draw thousands of times into one reused path.
/// </summary>
internal static class QrModules
{
    /// <summary>
    /// Adds the dark modules as non-overlapping rectangles, each a horizontal run grown downwards while the rows
    /// below repeat it (finder patterns, timing and quiet areas collapse into few rectangles): about a third fewer
    /// PDF path operators than one rectangle per run, and no seams, since it is all one path. Returns the side
    /// in modules, quiet zone included.
    /// </summary>
    public static int AddTo(SKPath path, string payload, QrErrorCorrection errorCorrection)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, Level(errorCorrection));
        // QRCoder's matrix already carries the four-module quiet zone on every side.
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        Span<bool> taken = n * n <= 8192 ? stackalloc bool[n * n] : new bool[n * n];
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            for (var col = 0; col < n;)
            {
                if (!bits[col] || taken[row * n + col]) { col++; continue; }
                var start = col;
                while (col < n && bits[col] && !taken[row * n + col]) col++;
                var end = row + 1;
                while (end < n && Repeats(matrix[end], taken.Slice(end * n, n), start, col)) end++;
                for (var r = row; r < end; r++) taken.Slice(r * n + start, col - start).Fill(true);
                path.AddRect(new SKRect(start, row, col, end));
            }
        }
        return n;
    }

    private static bool Repeats(System.Collections.BitArray bits, Span<bool> taken, int start, int end)
    {
        for (var c = start; c < end; c++)
            if (!bits[c] || taken[c]) return false;
        return true;
    }

    private static QRCodeGenerator.ECCLevel Level(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => QRCodeGenerator.ECCLevel.L,
        QrErrorCorrection.Q => QRCodeGenerator.ECCLevel.Q,
        QrErrorCorrection.H => QRCodeGenerator.ECCLevel.H,
        _ => QRCodeGenerator.ECCLevel.M,
    };
}
