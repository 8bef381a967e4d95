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

        NewPage();
        for (var i = 0; i < fragments.Count; i++)
        {
            var f = fragments[i];
            while (true)
            {
                if (flowOnPage == 0 && f.DiscardAtPageTop) break;
                if (flowOnPage == 0 && page.Items.Count == 0 && f.RepeatedHeading is { } heading)
                    foreach (var row in heading.Rows) Place(row);

                var needed = f.Height + (f.KeepWithNext && i + 1 < fragments.Count ? fragments[i + 1].Height : 0);
                if (y + needed <= page.Bottom + Tolerance)
                {
                    Place(f);
                    flowOnPage++;
                    break;
                }
                if (flowOnPage > 0)
                {
                    NewPage();
                    continue;
                }
                // The fragment opens a page and still does not fit: give up keeping it with the next one,
                // then split it between lines, and only as a last resort let it run off the page.
                if (y + f.Height <= page.Bottom + Tolerance || f.Split(page.Bottom - y) is not { } parts)
                {
                    Place(f);
                    flowOnPage++;
                    break;
                }
                Place(parts.Head);
                flowOnPage++;
                NewPage();
                f = parts.Tail;
            }
        }
        return pages;
    }
}
