using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>
/// A vertical group of blocks with optional border and padding, e.g. one signature box of a delivery note.
/// A box is kept whole on one page.
/// </summary>
public sealed class Box(params Block[] content) : Block
{
    public IReadOnlyList<Block> Content { get; } = content;

    /// <summary>Share of the width when the box stands in <see cref="Columns"/>.</summary>
    public float Weight { get; init; } = 1;
    public bool Border { get; init; }
    public float Padding { get; init; }
    public float MinHeight { get; init; }
    public SKColor BorderColor { get; init; } = new(0x60, 0x60, 0x60);

    internal override void Layout(LayoutContext context, float width, List<Fragment> output) =>
        output.Add(Measure(context, width));

    internal BoxFragment Measure(LayoutContext context, float width)
    {
        var inner = new List<Fragment>();
        foreach (var block in Content) block.Layout(context, Math.Max(1, width - 2 * Padding), inner);
        var stack = new StackFragment(inner);
        return new BoxFragment(stack, width, Math.Max(MinHeight, stack.Height + 2 * Padding), Padding,
            Border ? context.Stroke(BorderColor, 0.75f) : null);
    }

    internal sealed class BoxFragment : Fragment
    {
        private readonly StackFragment _content;
        private readonly float _width, _padding;
        private readonly SKPaint? _border;

        public BoxFragment(StackFragment content, float width, float height, float padding, SKPaint? border)
        {
            (_content, _width, _padding, _border) = (content, width, padding, border);
            Height = height;
        }

        /// <summary>Boxes side by side are drawn as tall as the tallest.</summary>
        public void Draw(SKCanvas canvas, float x, float y, float height)
        {
            if (_border is not null) canvas.DrawRect(x, y, _width, height, _border);
            _content.Draw(canvas, x + _padding, y + _padding);
        }

        public override void Draw(SKCanvas canvas, float x, float y) => Draw(canvas, x, y, Height);
    }
}

/// <summary>Boxes side by side, sharing the width by their weights: sender, driver and recipient signatures.</summary>
public sealed class Columns(float gap, params Box[] boxes) : Block
{
    public Columns(params Box[] boxes) : this(10, boxes) { }

    public IReadOnlyList<Box> Boxes { get; } = boxes;

    internal override void Layout(LayoutContext context, float width, List<Fragment> output)
    {
        if (Boxes.Count == 0) return;
        var free = width - gap * (Boxes.Count - 1);
        var total = Boxes.Sum(b => b.Weight);
        var laid = new (float X, Box.BoxFragment Box)[Boxes.Count];
        var x = 0f;
        for (var i = 0; i < Boxes.Count; i++)
        {
            var w = free * Boxes[i].Weight / total;
            laid[i] = (x, Boxes[i].Measure(context, w));
            x += w + gap;
        }
        output.Add(new ColumnsFragment(laid));
    }

    private sealed class ColumnsFragment : Fragment
    {
        private readonly (float X, Box.BoxFragment Box)[] _boxes;

        public ColumnsFragment((float X, Box.BoxFragment Box)[] boxes)
        {
            _boxes = boxes;
            Height = boxes.Max(b => b.Box.Height);
        }

        public override void Draw(SKCanvas canvas, float x, float y)
        {
            foreach (var (bx, box) in _boxes) box.Draw(canvas, x + bx, y, Height);
        }
    }
}
