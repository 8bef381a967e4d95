namespace Sidig.Infrastructure.Documents.Layout;

internal readonly record struct Placed(Fragment Fragment, float Y);

internal sealed class PageLayout(float top, float bottom)
{
    public float Top { get; } = top;
    public float Bottom { get; } = bottom;
    public List<Placed> Items { get; } = [];
}

/// <summary>
/// Flows measured fragments onto pages in one pass: a fragment that does not fit opens a new page, a
/// continued table gets its heading again, and only a fragment taller than a whole page is split.
/// </summary>
internal static class Paginator
{
    private const float Tolerance = 0.01f;

    /// <param name="bodyArea">Top and bottom of the body on page n (1-based), which depend on its header and footer.</param>
    public static List<PageLayout> Paginate(IReadOnlyList<Fragment> fragments, Func<int, (float Top, float Bottom)> bodyArea)
    {
        var pages = new List<PageLayout>();
        PageLayout page = null!;
        float y = 0;
        var flowOnPage = 0; // fragments of the flow itself, not a repeated heading

        void NewPage()
        {
            var (top, bottom) = bodyArea(pages.Count + 1);
            page = new PageLayout(top, bottom);
            pages.Add(page);
            y = top;
            flowOnPage = 0;
        }

        void Place(Fragment f)
        {
            page.Items.Add(new Placed(f, y));
            y += f.Height;
        }

        bool FitsOnFreshPage(Fragment f)
        {
            var (top, bottom) = bodyArea(pages.Count + 1);
            return f.Height + (f.RepeatedHeading?.Height ?? 0) <= bottom - top + Tolerance;
        }

        NewPage();
        for (var i = 0; i < fragments.Count; i++)
        {
            var f = fragments[i];
            while (true)
            {
                // Space that separated content means nothing at the top of a continuation page.
                if (flowOnPage == 0 && pages.Count > 1 && f.DiscardAtPageTop) break;
                if (flowOnPage == 0 && page.Items.Count == 0 && f.RepeatedHeading is { } heading)
                    foreach (var row in heading.Rows) Place(row);

                // Keep a heading with the next row, unless that row needs splitting anyway.
                var next = f.KeepWithNext && i + 1 < fragments.Count ? fragments[i + 1] : null;
                var needed = f.Height + (next is not null && FitsOnFreshPage(next) ? next.Height : 0);
                if (y + needed <= page.Bottom + Tolerance)
                {
                    Place(f);
                    flowOnPage++;
                    break;
                }
                if (flowOnPage > 0 && FitsOnFreshPage(f))
                {
                    NewPage();
                    continue;
                }
                // A new page would not hold it either: split it here between lines (this is the only case a
                // row is split), and only when not even a line fits let it open the next page or run off it.
                if (y + f.Height <= page.Bottom + Tolerance)
                {
                    Place(f);
                    flowOnPage++;
                    break;
                }
                if (f.Split(page.Bottom - y) is { } parts)
                {
                    Place(parts.Head);
                    flowOnPage++;
                    NewPage();
                    f = parts.Tail;
                    continue;
                }
                if (flowOnPage > 0)
                {
                    NewPage();
                    continue;
                }
                Place(f);
                flowOnPage++;
                break;
            }
        }
        return pages;
    }
}
