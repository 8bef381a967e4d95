using System.Text;

namespace Sidig.Infrastructure.Documents.Layout;

internal readonly record struct TextLine(string Text, float Width);

/// <summary>
/// Greedy line breaking on spaces; "\n" forces a break, and a word wider than the line (a long product code, a
/// URL) is broken between characters instead of running out of its cell.
/// </summary>
internal static class TextWrapper
{
    public static TextLine[] Wrap(string? text, TextFont font, float width)
    {
        if (string.IsNullOrEmpty(text)) return [];
        font.Use(text);
        var lines = new List<TextLine>(2);
        var current = new StringBuilder();
        var currentWidth = 0f;

        void Flush()
        {
            lines.Add(new TextLine(current.ToString(), currentWidth));
            current.Clear();
            currentWidth = 0;
        }

        foreach (var hardLine in text.Split('\n'))
        {
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var w = font.Sk.MeasureText(word);
                if (current.Length > 0 && currentWidth + font.SpaceWidth + w <= width)
                {
                    current.Append(' ').Append(word);
                    currentWidth += font.SpaceWidth + w;
                    continue;
                }
                if (current.Length > 0) Flush();
                if (w <= width)
                {
                    current.Append(word);
                    currentWidth = w;
                    continue;
                }
                // A word that fits no line: as many characters per line as fit, at least one.
                var rest = word;
                while (rest.Length > 0)
                {
                    var n = Math.Max(1, font.Sk.BreakText(rest, width));
                    var piece = rest[..n];
                    rest = rest[n..];
                    current.Append(piece);
                    currentWidth = font.Sk.MeasureText(piece);
                    if (rest.Length > 0) Flush();
                }
            }
            Flush();
        }
        return lines.ToArray();
    }
}
