using Sidig.Infrastructure.Documents.Layout;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>
/// Draws a <see cref="Document"/> as PDF with SkiaSharp. The body is measured once; pages are then counted
/// before anything is drawn, so headers and footers can say "Halaman x dari y".
/// </summary>
public static class PdfRenderer
{
    public static byte[] Render(Document document, FontSet? fonts = null)
    {
        using var stream = new MemoryStream();
        Render(document, stream, fonts);
        return stream.ToArray();
    }

    public static void Render(Document document, Stream output, FontSet? fonts = null)
    {
        using var context = new LayoutContext(fonts ?? FontSet.Default);
        var pages = Layout(document, context);
        context.PrepareFontsForDrawing();

        using var pdf = OpenPdf(output, document.Title, document.Author, document.Subject);
        var size = document.PageSize;
        foreach (var page in pages)
        {
            var canvas = pdf.BeginPage(size.Width, size.Height);
            Draw(canvas, document.Margins.Left, document.Margins.Top, page.Header);
            foreach (var item in page.Body.Items) item.Fragment.Draw(canvas, document.Margins.Left, item.Y);
            Draw(canvas, document.Margins.Left, size.Height - document.Margins.Bottom - Height(page.Footer), page.Footer);
            pdf.EndPage();
        }
        pdf.Close();
    }

    /// <summary>
    /// Draws pages one at a time straight to <paramref name="output"/>, for documents that are not a flow of blocks
    /// but things at fixed places (label sheets). Each page is drawn when <paramref name="pages"/> yields it and
    /// Skia writes its content to the stream at the end of the page, so memory stays flat however many pages there
    /// are. All text must have been measured with the caller's <see cref="LayoutContext"/> fonts and
    /// <see cref="LayoutContext.PrepareFontsForDrawing"/> called before the first page: the PDF embeds the subset
    /// chosen then. When drawing a page throws (a cancelled job), the PDF is abandoned, not finished.
    /// </summary>
    internal static void RenderPages(Stream output, string? title, IEnumerable<(PageSize Size, Action<SKCanvas> Draw)> pages)
    {
        using var pdf = OpenPdf(output, title, null, null);
        try
        {
            foreach (var (size, draw) in pages)
            {
                draw(pdf.BeginPage(size.Width, size.Height));
                pdf.EndPage();
            }
        }
        catch
        {
            pdf.Abort();
            throw;
        }
        pdf.Close();
    }

    private static SKDocument OpenPdf(Stream output, string? title, string? author, string? subject)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = title ?? "",
            Author = author ?? "",
            Subject = subject ?? "",
            Creator = "Sidig",
            Producer = "Sidig (SkiaSharp)",
            RasterDpi = 150,
            EncodingQuality = 90,
        };
        return SKDocument.CreatePdf(output, metadata)
               ?? throw new InvalidOperationException("SkiaSharp could not open a PDF document.");
    }

    internal sealed record RenderedPage(IReadOnlyList<Fragment> Header, PageLayout Body, IReadOnlyList<Fragment> Footer);

    /// <summary>Pages with their header, body and footer fragments, ready to draw.</summary>
    internal static List<RenderedPage> Layout(Document document, LayoutContext context)
    {
        var width = document.ContentWidth;
        if (width <= 0 || document.PageSize.Height - document.Margins.Top - document.Margins.Bottom <= 0)
            throw new ArgumentException("The margins leave no room on the page.", nameof(document));
        var body = new List<Fragment>();
        foreach (var block in document.Content) block.Layout(context, width, body);

        // Header and footer heights may depend on the page count ("dari 9" vs "dari 10" could wrap), so the
        // count is guessed, the body paginated, and the chrome laid out again with the real count; the body is
        // paginated again only in the rare case that a header or footer changed height.
        var count = 1;
        for (var pass = 0; ; pass++)
        {
            var chrome = new Dictionary<int, (List<Fragment> Header, List<Fragment> Footer)>();
            (List<Fragment>, List<Fragment>) Chrome(int n, int total)
            {
                if (!chrome.TryGetValue(n, out var c))
                    chrome[n] = c = (LayoutChrome(document.Header, new PageInfo(n, total), context, width),
                                     LayoutChrome(document.Footer, new PageInfo(n, total), context, width));
                return c;
            }

            var guess = count;
            var pages = Paginator.Paginate(body, n =>
            {
                var (header, footer) = Chrome(n, guess);
                var top = document.Margins.Top + Height(header) + (header.Count > 0 ? document.HeaderGap : 0);
                var bottom = document.PageSize.Height - document.Margins.Bottom - Height(footer) - (footer.Count > 0 ? document.FooterGap : 0);
                return (top, bottom);
            });
            count = pages.Count;

            var result = new List<RenderedPage>(pages.Count);
            var stable = true;
            for (var n = 1; n <= pages.Count; n++)
            {
                var (guessHeader, guessFooter) = Chrome(n, guess);
                var header = count == guess ? guessHeader : LayoutChrome(document.Header, new PageInfo(n, count), context, width);
                var footer = count == guess ? guessFooter : LayoutChrome(document.Footer, new PageInfo(n, count), context, width);
                stable &= Height(header) == Height(guessHeader) && Height(footer) == Height(guessFooter);
                result.Add(new RenderedPage(header, pages[n - 1], footer));
            }
            if (stable || pass == 3) return result;
        }
    }

    private static List<Fragment> LayoutChrome(Func<PageInfo, Block>? build, PageInfo page, LayoutContext context, float width) =>
        build is null ? [] : build(page).Layout(context, width);

    private static float Height(IReadOnlyList<Fragment> fragments) => fragments.Sum(f => f.Height);

    private static void Draw(SKCanvas canvas, float x, float y, IReadOnlyList<Fragment> fragments)
    {
        foreach (var f in fragments)
        {
            f.Draw(canvas, x, y);
            y += f.Height;
        }
    }
}
