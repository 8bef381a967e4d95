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

    private FontSet((SKTypeface Face, byte[] Data) regular, (SKTypeface Face, byte[] Data) bold)
    {
        (Regular, RegularData) = regular;
        (Bold, BoldData) = bold;
    }

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

/// <summary>The fonts documents need are missing: a deployment problem, not a data problem.</summary>
public sealed class DocumentFontException(string message) : Exception(message);
