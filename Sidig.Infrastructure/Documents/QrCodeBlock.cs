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
        using var data = QRCodeGenerator.GenerateQrCode(Payload, Level(ErrorCorrection));
        // QRCoder's matrix already carries the four-module quiet zone on every side.
        var matrix = data.ModuleMatrix;
        var path = context.Own(new SKPath());
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            // One rectangle per horizontal run: fewer PDF operators, and no hairline seams between modules.
            for (var col = 0; col < bits.Length;)
            {
                if (!bits[col]) { col++; continue; }
                var start = col;
                while (col < bits.Length && bits[col]) col++;
                path.AddRect(new SKRect(start, row, col, row + 1));
            }
        }
        return (path, matrix.Count);
    }

    private static QRCodeGenerator.ECCLevel Level(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.L => QRCodeGenerator.ECCLevel.L,
        QrErrorCorrection.Q => QRCodeGenerator.ECCLevel.Q,
        QrErrorCorrection.H => QRCodeGenerator.ECCLevel.H,
        _ => QRCodeGenerator.ECCLevel.M,
    };

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
