using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>Something placed in the flow of a document, one below the other, as wide as the flow.</summary>
public abstract class Block
{
    public const float DefaultFontSize = 9;

    /// <summary>Measures the block once for <paramref name="width"/> and appends its fragments.</summary>
    internal abstract void Layout(LayoutContext context, float width, List<Fragment> output);

    internal List<Fragment> Layout(LayoutContext context, float width)
    {
        var output = new List<Fragment>();
        Layout(context, width, output);
        return output;
    }
}

/// <summary>Text wrapped on word boundaries; it may continue on the next page between lines.</summary>
public sealed class Paragraph(string text, float size = Block.DefaultFontSize, bool bold = false, TextAlign align = TextAlign.Left) : Block
{
    public string Text { get; } = text;
    public float Size { get; } = size;
    public bool Bold { get; } = bold;
    public TextAlign Align { get; } = align;
    public SKColor Color { get; init; } = SKColors.Black;

    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        var font = context.Font(Size, Bold);
        foreach (var line in TextWrapper.Wrap(Text, font, width))
            output.Add(new TextLineFragment(context, line, font, Color, Align, width));
    }
}

/// <summary>Vertical space; dropped when it would open a page.</summary>
public sealed class Spacer(float height) : Block
{
    internal override void Layout(LayoutContext context, float width, List<Fragment> output) =>
        output.Add(new SpaceFragment(height) { DiscardAtPageTop = true });
}

/// <summary>A line across the flow, with some space above and below it.</summary>
public sealed class HorizontalRule(float thickness = 0.5f, float spaceAround = 3) : Block
{
    public SKColor Color { get; init; } = new(0x80, 0x80, 0x80);

    internal override void Layout(LayoutContext context, float width, List<Fragment> output) =>
        output.Add(new RuleFragment(context.Stroke(Color, thickness), width, spaceAround));

    private sealed class RuleFragment : Fragment
    {
        private readonly SKPaint _paint;
        private readonly float _width, _space;

        public RuleFragment(SKPaint paint, float width, float space)
        {
            (_paint, _width, _space) = (paint, width, space);
            Height = 2 * space + paint.StrokeWidth;
        }

        public override void Draw(SKCanvas canvas, float x, float y)
        {
            var lineY = y + _space + _paint.StrokeWidth / 2;
            canvas.DrawLine(x, lineY, x + _width, lineY, _paint);
        }
    }
}

/// <summary>Blocks one below the other, e.g. the several lines of a page header. Breaks like its parts.</summary>
public sealed class Stack(params Block[] blocks) : Block
{
    public IReadOnlyList<Block> Blocks { get; } = blocks;

    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        foreach (var block in Blocks) block.Layout(context, width, output);
    }
}

internal sealed class TextLineFragment : Fragment
{
    private readonly TextLine _line;
    private readonly TextFont _font;
    private readonly SKPaint _paint;
    private readonly float _dx;

    public TextLineFragment(LayoutContext context, TextLine line, TextFont font, SKColor color, TextAlign align, float width)
    {
        (_line, _font, _paint) = (line, font, context.Fill(color));
        _dx = Offset(align, width, line.Width);
        Height = font.LineHeight;
    }

    internal static float Offset(TextAlign align, float available, float used) => align switch
    {
        TextAlign.Center => (available - used) / 2,
        TextAlign.Right => available - used,
        _ => 0,
    };

    public override void Draw(SKCanvas canvas, float x, float y) =>
        canvas.DrawText(_line.Text, x + _dx, y + _font.Baseline, SKTextAlign.Left, _font.Draw, _paint);
}
