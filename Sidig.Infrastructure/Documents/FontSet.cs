using SkiaSharp;

namespace Sidig.Infrastructure.Documents;

/// <summary>
/// The typefaces documents are drawn with: DejaVu Sans regular and bold, read from files rather than asked of
/// fontconfig, so every machine (and the Docker image, which installs fonts-dejavu-core) draws the same glyphs.
/// </summary>
public sealed class FontSet
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    // Loaded once per process: a typeface is immutable and safe to share, and reading it per document would
    // cost more than drawing a one-page invoice.
    private static readonly Lazy<FontSet> DefaultSet = new(() => Load(DefaultDirectory));

    private readonly Lazy<DrawingFace> _commonRegular, _commonBold;

    private FontSet((SKTypeface Face, byte[] Data) regular, (SKTypeface Face, byte[] Data) bold)
    {
        (Regular, RegularData) = regular;
        (Bold, BoldData) = bold;
        _commonRegular = new(() => DrawingFace.Subset(Regular, RegularData, CommonCharacters));
        _commonBold = new(() => DrawingFace.Subset(Bold, BoldData, CommonCharacters));
    }

    /// <summary>
    /// Basic Latin, Latin-1 (accented letters, ×, ·, °), dashes, quotes, bullets and a few signs (€, №, ™):
    /// what nearly every Indonesian business document is written in. Kept small because every PDF carries it.
    /// </summary>
    internal static readonly int[] CommonCharacters =
        Enumerable.Range(0x20, 0x7F - 0x20)                 // Basic Latin
            .Concat(Enumerable.Range(0xA0, 0x100 - 0xA0))   // Latin-1 Supplement
            .Concat(Enumerable.Range(0x2010, 0x2027 - 0x2010)) // dashes, quotes, bullets, ellipsis
            .Concat([0x2030, 0x2032, 0x2033, 0x20AC, 0x2116, 0x2122, 0x2190, 0x2192, 0x2212, 0x2264, 0x2265, 0x25CF, 0x2713])
            .ToArray();

    /// <summary>
    /// A face cut down to <see cref="CommonCharacters"/>, built once per process: documents written in those
    /// characters draw with it, so Skia's glyph caches stay warm from one document to the next and each PDF
    /// embeds a ~25 KB font instead of the 700 KB file. Other characters (Ł, Cyrillic, …) get a
    /// face cut for the document that uses them.
    /// </summary>
    internal DrawingFace Common(bool bold) => bold ? _commonBold.Value : _commonRegular.Value;

    /// <summary>DejaVu Sans from <see cref="DefaultDirectory"/>, loaded on first use.</summary>
    public static FontSet Default => DefaultSet.Value;

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    /// <summary>The font files, kept to cut a per-document subset from (see <see cref="FontSubsetter"/>).</summary>
    internal byte[] RegularData { get; }
    internal byte[] BoldData { get; }

    /// <summary>DejaVu Sans regular and bold from <paramref name="directory"/>.</summary>
    /// <exception cref="DocumentFontException">A font file is missing or unreadable.</exception>
    public static FontSet Load(string directory) =>
        new(LoadFile(directory, RegularFile), LoadFile(directory, BoldFile));

    private static (SKTypeface, byte[]) LoadFile(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new DocumentFontException(
                $"The font {path} is missing, so no PDF can be drawn. Install the Debian package fonts-dejavu-core " +
                "(apt-get install fonts-dejavu-core; the Dockerfile does) or point the renderer at a folder with DejaVu Sans.");
        var data = File.ReadAllBytes(path);
        var face = SKTypeface.FromData(SKData.CreateCopy(data))
                   ?? throw new DocumentFontException($"The font {path} exists but cannot be read as a TrueType font.");
        return (face, data);
    }
}

/// <summary>A face to draw with and the characters it has glyphs for.</summary>
internal sealed record DrawingFace(SKTypeface Face, IReadOnlySet<int> Covers)
{
    /// <summary>A subset of <paramref name="full"/> with <paramref name="characters"/>, or the full face if it cannot be cut.</summary>
    public static DrawingFace Subset(SKTypeface full, byte[] data, IEnumerable<int> characters)
    {
        using var font = new SKFont(full);
        var map = characters.Distinct().Select(cp => (cp, font.GetGlyph(cp))).Where(c => c.Item2 != 0).ToList();
        var subset = FontSubsetter.Subset(data, map);
        var face = subset is null ? null : SKTypeface.FromData(SKData.CreateCopy(subset));
        return face is null
            ? new DrawingFace(full, new HashSet<int>(characters))
            : new DrawingFace(face, map.Select(c => c.cp).ToHashSet());
    }
}

/// <summary>The fonts documents need are missing: a deployment problem, not a data problem.</summary>
public sealed class DocumentFontException(string message) : Exception(message);
