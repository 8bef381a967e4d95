namespace Sidig.Infrastructure.Documents.Business;

/// <summary>
/// Where labels go on the paper: a grid of die-cut stickers on a sheet (A4 3 × 8 …), or one label per page for a
/// label printer (the page is the label). Made only through <see cref="Sheet"/> and <see cref="Single"/>, which
/// refuse a layout whose labels do not fit on the paper or are too small for a scannable QR code, so a layout
/// that exists can always be printed. Lengths are millimetres as printed on the label stock's box.
/// </summary>
public sealed class LabelLayout
{
    /// <summary>The QR square, quiet zone included: 23 mm keeps the code itself ≥ 18 mm for URLs of 27+ characters (version 3+).</summary>
    public const float MinimumQrMillimetres = 23;

    /// <summary>Narrowest text column beside a QR code (a 13-character serial in 6 pt bold), and lowest text area below one.</summary>
    public const float MinimumTextWidthMillimetres = 18;
    public const float MinimumTextHeightMillimetres = 8;

    /// <summary>The share of a label's inner width (or height) the text gets when the QR code can spare it.</summary>
    public const float PreferredTextShare = 0.45f;

    /// <summary>Between the QR code and the text; its quiet zone already keeps them apart.</summary>
    public const float QrTextGapMillimetres = 1;

    public const float DefaultSheetPaddingMillimetres = 3;
    public const float DefaultSinglePaddingMillimetres = 2;

    private const float Tolerance = 0.01f; // mm: 3 × 70 mm on 210 mm fits, whatever float rounding says

    private LabelLayout(string? key, PageSize paper, int columns, int rows, float width, float height,
        float top, float left, float columnGap, float rowGap, float padding, bool single)
    {
        (Key, Paper, Columns, Rows, LabelWidthMm, LabelHeightMm) = (key, paper, columns, rows, width, height);
        (MarginTopMm, MarginLeftMm, ColumnGapMm, RowGapMm, PaddingMm, IsSingle) = (top, left, columnGap, rowGap, padding, single);
        Content = LabelContent.Arrange(width, height, padding);
    }

    /// <summary>The preset's key (<see cref="Presets"/>), to store a user's choice or pass it to a job; null for a custom layout.</summary>
    public string? Key { get; }

    public PageSize Paper { get; }
    public int Columns { get; }
    public int Rows { get; }
    public float LabelWidthMm { get; }
    public float LabelHeightMm { get; }
    public float MarginTopMm { get; }
    public float MarginLeftMm { get; }
    public float ColumnGapMm { get; }
    public float RowGapMm { get; }

    /// <summary>White space kept inside each label's edges (die-cutting is not exact).</summary>
    public float PaddingMm { get; }

    /// <summary>One label per page, the page as large as the label (label printers).</summary>
    public bool IsSingle { get; }

    public int LabelsPerPage => Columns * Rows;

    /// <summary>Pages needed for <paramref name="labels"/> labels: filled row by row, left to right.</summary>
    public int PageCount(int labels) => labels <= 0 ? 0 : (labels + LabelsPerPage - 1) / LabelsPerPage;

    /// <summary>Where the QR code and the text go inside a label.</summary>
    internal LabelContent Content { get; }

    /// <summary>The label at <paramref name="indexOnPage"/> (0-based, row by row) in points from the page's top-left corner.</summary>
    public LabelBounds Cell(int indexOnPage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indexOnPage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(indexOnPage, LabelsPerPage);
        var (row, column) = Math.DivRem(indexOnPage, Columns);
        return new LabelBounds(
            Units.Mm(MarginLeftMm + column * (LabelWidthMm + ColumnGapMm)),
            Units.Mm(MarginTopMm + row * (LabelHeightMm + RowGapMm)),
            Units.Mm(LabelWidthMm), Units.Mm(LabelHeightMm));
    }

    /// <summary>
    /// A sheet of <paramref name="columns"/> × <paramref name="rows"/> labels. Margins left null centre the grid on
    /// the paper (most sticker sheets are symmetric); the right and bottom margins are what is left.
    /// </summary>
    /// <exception cref="LabelLayoutException">No columns or rows, a negative length, labels that do not fit on the paper, or labels too small for the QR code and text.</exception>
    public static LabelLayout Sheet(PageSize paper, int columns, int rows, float labelWidthMm, float labelHeightMm,
        float? marginTopMm = null, float? marginLeftMm = null, float columnGapMm = 0, float rowGapMm = 0,
        float paddingMm = DefaultSheetPaddingMillimetres) =>
        Sheet(null, paper, columns, rows, labelWidthMm, labelHeightMm, marginTopMm, marginLeftMm, columnGapMm, rowGapMm, paddingMm);

    /// <summary>One <paramref name="widthMm"/> × <paramref name="heightMm"/> label per page, for a label printer.</summary>
    /// <exception cref="LabelLayoutException">A non-positive size, or a label too small for the QR code and text.</exception>
    public static LabelLayout Single(float widthMm, float heightMm, float paddingMm = DefaultSinglePaddingMillimetres) =>
        Single(null, widthMm, heightMm, paddingMm);

    /// <summary>A4, 3 × 8 = 24 labels of 70 × 37 mm, no gaps, the grid centred (0.5 mm top and bottom).</summary>
    public static readonly LabelLayout A4_3x8 = Sheet("a4-3x8", PageSize.A4, 3, 8, 70, 37, null, null, 0, 0, DefaultSheetPaddingMillimetres);

    /// <summary>A4, 4 × 10 = 40 labels of 52.5 × 29.7 mm: the whole sheet, no margins or gaps.</summary>
    public static readonly LabelLayout A4_4x10 = Sheet("a4-4x10", PageSize.A4, 4, 10, 52.5f, 29.7f, null, null, 0, 0, DefaultSheetPaddingMillimetres);

    /// <summary>A4, 3 × 7 = 21 labels of 63.5 × 38.1 mm, 15.15 mm top and 7.21 mm side margins, 2.54 mm between columns (the L7160 geometry).</summary>
    public static readonly LabelLayout A4_3x7 = Sheet("a4-3x7", PageSize.A4, 3, 7, 63.5f, 38.1f, 15.15f, 7.21f, 2.54f, 0, DefaultSheetPaddingMillimetres);

    /// <summary>One 50 × 30 mm label per page (the common thermal label-printer roll).</summary>
    public static readonly LabelLayout Single50x30 = Single("single-50x30", 50, 30, DefaultSinglePaddingMillimetres);

    /// <summary>One 60 × 40 mm label per page.</summary>
    public static readonly LabelLayout Single60x40 = Single("single-60x40", 60, 40, DefaultSinglePaddingMillimetres);

    /// <summary>The presets by <see cref="Key"/>, sheets first, in the order a picker would show them.</summary>
    public static IReadOnlyList<LabelLayout> Presets { get; } = [A4_3x8, A4_4x10, A4_3x7, Single50x30, Single60x40];

    /// <summary>The preset with <paramref name="key"/>, or null.</summary>
    public static LabelLayout? Preset(string? key) => Presets.FirstOrDefault(p => p.Key == key);

    private static LabelLayout Sheet(string? key, PageSize paper, int columns, int rows, float width, float height,
        float? top, float? left, float columnGap, float rowGap, float padding)
    {
        if (columns < 1 || rows < 1)
            throw new LabelLayoutException(LabelLayoutProblem.NoLabels,
                $"A label sheet needs at least one column and one row (got {columns} × {rows}).");
        RequirePositive(width, "label width");
        RequirePositive(height, "label height");
        RequireNotNegative(columnGap, "gap between columns");
        RequireNotNegative(rowGap, "gap between rows");
        RequireNotNegative(padding, "padding");
        if (top is { } t) RequireNotNegative(t, "top margin");
        if (left is { } l) RequireNotNegative(l, "left margin");

        var paperWidth = paper.Width / Units.PointsPerMillimetre;
        var paperHeight = paper.Height / Units.PointsPerMillimetre;
        var gridWidth = columns * width + (columns - 1) * columnGap;
        var gridHeight = rows * height + (rows - 1) * rowGap;
        var marginLeft = left ?? Math.Max(0, (paperWidth - gridWidth) / 2);
        var marginTop = top ?? Math.Max(0, (paperHeight - gridHeight) / 2);
        if (marginLeft + gridWidth > paperWidth + Tolerance)
            throw new LabelLayoutException(LabelLayoutProblem.TooWide,
                $"{columns} labels of {width:0.##} mm with {columnGap:0.##} mm gaps and a {marginLeft:0.##} mm left margin " +
                $"need {marginLeft + gridWidth:0.##} mm, but the paper is {paperWidth:0.##} mm wide.");
        if (marginTop + gridHeight > paperHeight + Tolerance)
            throw new LabelLayoutException(LabelLayoutProblem.TooTall,
                $"{rows} rows of {height:0.##} mm with {rowGap:0.##} mm gaps and a {marginTop:0.##} mm top margin " +
                $"need {marginTop + gridHeight:0.##} mm, but the paper is {paperHeight:0.##} mm tall.");
        return new LabelLayout(key, paper, columns, rows, width, height, marginTop, marginLeft, columnGap, rowGap, padding, single: false);
    }

    private static LabelLayout Single(string? key, float width, float height, float padding)
    {
        RequirePositive(width, "label width");
        RequirePositive(height, "label height");
        RequireNotNegative(padding, "padding");
        return new LabelLayout(key, PageSize.Millimetres(width, height), 1, 1, width, height, 0, 0, 0, 0, padding, single: true);
    }

    private static void RequirePositive(float value, string what)
    {
        if (!(value > 0) || float.IsInfinity(value))
            throw new LabelLayoutException(LabelLayoutProblem.InvalidLength, $"The {what} must be more than 0 mm (got {value}).");
    }

    private static void RequireNotNegative(float value, string what)
    {
        if (!(value >= 0) || float.IsInfinity(value))
            throw new LabelLayoutException(LabelLayoutProblem.InvalidLength, $"The {what} cannot be negative (got {value}).");
    }
}

/// <summary>A label's rectangle in points, from the page's top-left corner.</summary>
public readonly record struct LabelBounds(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;
    public float Bottom => Y + Height;
}

/// <summary>Why a label layout was refused; a page maps it to a message in the user's language.</summary>
public enum LabelLayoutProblem
{
    /// <summary>Zero (or negative) columns or rows.</summary>
    NoLabels,
    /// <summary>A size that is zero, negative or not a number; a negative margin, gap or padding.</summary>
    InvalidLength,
    /// <summary>The columns, gaps and left margin are wider than the paper.</summary>
    TooWide,
    /// <summary>The rows, gaps and top margin are taller than the paper.</summary>
    TooTall,
    /// <summary>No room for a QR code of <see cref="LabelLayout.MinimumQrMillimetres"/> and the text beside or below it.</summary>
    TooSmall,
}

/// <summary>A label layout that cannot be printed; <see cref="Problem"/> says why, the message says it in numbers.</summary>
public sealed class LabelLayoutException(LabelLayoutProblem problem, string message) : ArgumentException(message)
{
    public LabelLayoutProblem Problem { get; } = problem;
}

/// <summary>
/// Where things go inside one label, in points from its top-left corner: the QR square, and the text area beside
/// it (landscape labels) or below it (portrait ones). Worked out once per layout, not per label.
/// </summary>
internal sealed record LabelContent(float QrX, float QrY, float QrSide, float TextX, float TextY, float TextWidth, float TextHeight,
    float NameSize, float SerialSize, float SkuSize)
{
    public static LabelContent Arrange(float widthMm, float heightMm, float paddingMm)
    {
        var innerWidth = widthMm - 2 * paddingMm;
        var innerHeight = heightMm - 2 * paddingMm;
        var gap = LabelLayout.QrTextGapMillimetres;
        var minQr = LabelLayout.MinimumQrMillimetres;
        var share = LabelLayout.PreferredTextShare;
        // The largest square that leaves the text its minimum; but no larger than leaves it its preferred share,
        // unless that would make the code smaller than the minimum: a big label gets big type, not only a big code.
        var maxBeside = Math.Min(innerHeight, innerWidth - gap - LabelLayout.MinimumTextWidthMillimetres);
        var maxAbove = Math.Min(innerWidth, innerHeight - gap - LabelLayout.MinimumTextHeightMillimetres);
        var fitsBeside = maxBeside >= minQr;
        var fitsAbove = maxAbove >= minQr;
        var besideQr = Math.Min(maxBeside, Math.Max(minQr, innerWidth * (1 - share) - gap));
        var aboveText = Math.Min(maxAbove, Math.Max(minQr, innerHeight * (1 - share) - gap));
        if (!fitsBeside && !fitsAbove)
            throw new LabelLayoutException(LabelLayoutProblem.TooSmall,
                $"A label of {widthMm:0.##} × {heightMm:0.##} mm with {paddingMm:0.##} mm padding is too small: the QR code needs a square " +
                $"of at least {LabelLayout.MinimumQrMillimetres:0} mm and the name and serial need {LabelLayout.MinimumTextWidthMillimetres:0} mm " +
                $"beside it or {LabelLayout.MinimumTextHeightMillimetres:0} mm below it.");

        // Small labels get smaller type; the serial is always the largest and bold.
        var small = heightMm < 33;
        var (name, serial, sku) = small ? (6.5f, 7.5f, 5.5f) : (8f, 9f, 6.5f);
        var mm = Units.PointsPerMillimetre;
        var pad = paddingMm * mm;
        // Beside when the label is landscape (or only that fits), below when portrait (or only that fits).
        if (fitsBeside && (widthMm >= heightMm || !fitsAbove))
        {
            var side = besideQr * mm;
            var textX = pad + side + gap * mm;
            return new LabelContent(pad, pad + (innerHeight * mm - side) / 2, side,
                textX, pad, widthMm * mm - pad - textX, innerHeight * mm, name, serial, sku);
        }
        var qr = aboveText * mm;
        var textY = pad + qr + gap * mm;
        return new LabelContent(pad + (innerWidth * mm - qr) / 2, pad, qr,
            pad, textY, innerWidth * mm, heightMm * mm - pad - textY, name, serial, sku);
    }
}
