using System.Globalization;
using System.Text.RegularExpressions;

namespace Sidig.Domain.Units;

/// <summary>
/// How a batch numbers its units, e.g. <c>{sku}-{yy}{MM}-{n:6}</c> → <c>RC-1000-2611-000001</c>. Tokens: {sku}, {lot},
/// {yyyy}, {yy}, {MM} (of the production date) and exactly one counter {n} or {n:width}. The counter runs per product
/// across all its batches, so a product's serials never repeat whatever the pattern.
/// </summary>
public static partial class SerialPattern
{
    public const string Default = "{sku}-{yy}{MM}-{n:6}";
    public const int MaxLength = 40;
    public const int MaxSerialLength = 64;

    [GeneratedRegex(@"\{(sku|lot|yyyy|yy|MM|n(?::(\d))?)\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Za-z0-9\-._/]*$")]
    private static partial Regex Literal();

    /// <returns>null when usable, otherwise the error code</returns>
    public static string? Check(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "Units.PatternRequired";
        if (pattern.Length > MaxLength) return "Units.PatternTooLong";
        var tokens = Token().Matches(pattern);
        if (tokens.Count(m => m.Groups[1].Value.StartsWith('n')) != 1) return "Units.PatternNeedsCounter";
        if (tokens.Any(m => m.Groups[2].Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is < 1 or > 9)) return "Units.PatternWidth";
        if (!Literal().IsMatch(Token().Replace(pattern, ""))) return "Units.PatternCharacters";
        return null;
    }

    public static string Format(string pattern, string sku, string lot, DateOnly produced, long counter) =>
        Token().Replace(pattern, m => m.Groups[1].Value switch
        {
            "sku" => sku,
            "lot" => lot,
            "yyyy" => produced.ToString("yyyy", CultureInfo.InvariantCulture),
            "yy" => produced.ToString("yy", CultureInfo.InvariantCulture),
            "MM" => produced.ToString("MM", CultureInfo.InvariantCulture),
            _ => counter.ToString(new string('0', m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1), CultureInfo.InvariantCulture),
        });
}
