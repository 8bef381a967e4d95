namespace Sidig.Infrastructure.Documents;

/// <summary>
/// A document to draw: pages of one size with margins, a flow of blocks that breaks across pages, and an
/// optional header and footer built per page (they know the page number and the page count).
/// </summary>
public sealed class Document
{
    public PageSize PageSize { get; init; } = PageSize.A4;
    public Margins Margins { get; init; } = Margins.Millimetres(15);

    /// <summary>PDF metadata; also what a viewer shows in its title bar.</summary>
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Subject { get; init; }

    /// <summary>Built for each page; its height is taken from the page's body.</summary>
    public Func<PageInfo, Block>? Header { get; init; }
    public Func<PageInfo, Block>? Footer { get; init; }

    /// <summary>Space between the header and the body, and between the body and the footer.</summary>
    public float HeaderGap { get; init; } = 8;
    public float FooterGap { get; init; } = 8;

    public List<Block> Content { get; } = [];

    public Document Add(params Block[] blocks)
    {
        Content.AddRange(blocks);
        return this;
    }

    internal float ContentWidth => PageSize.Width - Margins.Left - Margins.Right;
}
