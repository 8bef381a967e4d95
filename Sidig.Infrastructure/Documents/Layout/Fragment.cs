using SkiaSharp;

namespace Sidig.Infrastructure.Documents.Layout;

/// <summary>
/// A measured piece of a block that the paginator places as a whole: a line of text, a table row, an image.
/// Blocks are measured once into fragments; pagination then only adds heights, which keeps layout linear.
/// </summary>
internal abstract class Fragment
{
    public float Height { get; protected set; }

    /// <summary>Moves to the next page with the fragment after it (a table heading with its first row).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Vertical space that means nothing at the top of a page.</summary>
    public bool DiscardAtPageTop { get; init; }

    /// <summary>The table heading drawn again above this fragment when it starts a page.</summary>
    public TableHeading? RepeatedHeading { get; init; }

    /// <summary>A head that fits into <paramref name="height"/> and the rest, or null when nothing fits.</summary>
    public virtual (Fragment Head, Fragment Tail)? Split(float height) => null;

    public abstract void Draw(SKCanvas canvas, float x, float y);
}

/// <summary>The heading rows of a table, repeated at the top of every page the table continues on.</summary>
internal sealed class TableHeading(IReadOnlyList<Fragment> rows)
{
    public IReadOnlyList<Fragment> Rows { get; } = rows;
    public float Height { get; } = rows.Sum(r => r.Height);
}

/// <summary>Fragments drawn one below the other as one unit (a header, the content of a box).</summary>
internal sealed class StackFragment : Fragment
{
    private readonly IReadOnlyList<Fragment> _parts;

    public StackFragment(IReadOnlyList<Fragment> parts, float minHeight = 0)
    {
        _parts = parts;
        Height = Math.Max(minHeight, parts.Sum(p => p.Height));
    }

    public override void Draw(SKCanvas canvas, float x, float y)
    {
        foreach (var part in _parts)
        {
            part.Draw(canvas, x, y);
            y += part.Height;
        }
    }
}

internal sealed class SpaceFragment : Fragment
{
    public SpaceFragment(float height) => Height = height;
    public override void Draw(SKCanvas canvas, float x, float y) { }
}
