using System.Globalization;
using System.Text.RegularExpressions;

namespace Sidig.Domain.Invoicing;

/// <summary>
/// A tenant's document number pattern, e.g. <c>INV/{yyyy}/{MM}/{n:5}</c> → <c>INV/2026/11/00001</c>. Tokens: {yyyy}, {yy},
/// {MM} and the counter {n} or {n:width}. The counter restarts in each period the pattern shows (a month when it has
/// {MM}, a year when it has only the year, never when it has neither), so numbers stay gapless and unique.
/// </summary>
public static partial class NumberPattern
{
    public const string DefaultInvoice = "INV/{yyyy}/{MM}/{n:5}";
    public const int MaxLength = 40;

    [GeneratedRegex(@"\{(yyyy|yy|MM|n(?::(\d))?)\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^[A-Za-z0-9/\-._]*$")]
    private static partial Regex Literal();

    /// <returns>null when usable, otherwise the error code</returns>
    public static string? Check(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "Numbering.PatternRequired";
        if (pattern.Length > MaxLength) return "Numbering.PatternTooLong";
        var counters = Token().Matches(pattern).Count(m => m.Groups[1].Value.StartsWith('n'));
        if (counters != 1) return "Numbering.PatternNeedsCounter";
        if (Token().Matches(pattern).Any(m => m.Groups[2].Success && int.Parse(m.Groups[2].Value) is < 1 or > 9)) return "Numbering.PatternWidth";
        if (!Literal().IsMatch(Token().Replace(pattern, ""))) return "Numbering.PatternCharacters";
        return null;
    }

    /// <summary>The counter's period for a date: "2026-11", "2026" or "" (one counter forever).</summary>
    public static string Period(string pattern, DateOnly date) =>
        pattern.Contains("{MM}") ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : pattern.Contains("{yyyy}") || pattern.Contains("{yy}") ? date.ToString("yyyy", CultureInfo.InvariantCulture) : "";

    public static string Format(string pattern, DateOnly date, long counter) =>
        Token().Replace(pattern, m => m.Groups[1].Value switch
        {
            "yyyy" => date.ToString("yyyy", CultureInfo.InvariantCulture),
            "yy" => date.ToString("yy", CultureInfo.InvariantCulture),
            "MM" => date.ToString("MM", CultureInfo.InvariantCulture),
            _ => counter.ToString(new string('0', m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : 1), CultureInfo.InvariantCulture),
        });
}
