using System.Globalization;

namespace Sidig.Web.Features.Import;

/// <summary>
/// How typed values become cell text — in exports, in templates and when a typed .xlsx cell is read — written so that
/// <see cref="CellParsers"/> reads every such text back to the same value (see ADR 0003).
/// </summary>
public static class CellFormat
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>
    /// No thousands separators, the culture's decimal separator, and never exactly three decimals (1.125 → 1.1250):
    /// the parser refuses "1.500" as ambiguous, so what we write must not look like it.
    /// </summary>
    public static string Number(decimal value, CultureInfo? culture = null)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.');
        if (dot >= 0 && text.Length - dot - 1 == 3) text += "0";
        var separator = (culture ?? CultureInfo.InvariantCulture).NumberFormat.NumberDecimalSeparator;
        return separator == "," ? text.Replace('.', ',') : text;
    }

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Date only when there is no time of day, so a date cell reads back as a date.</summary>
    public static string DateTime(DateTime value) =>
        value.ToString(value.TimeOfDay == TimeSpan.Zero ? DateFormat : DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>"ya"/"tidak" in Indonesian, "yes"/"no" otherwise; the parser accepts both languages.</summary>
    public static string Boolean(bool value, CultureInfo? culture = null) =>
        (culture ?? CultureInfo.CurrentCulture).TwoLetterISOLanguageName == "id" ? value ? "ya" : "tidak" : value ? "yes" : "no";

    /// <summary>Text of any value in a file for people (CSV); <c>null</c> is an empty cell.</summary>
    public static string Text(object? value, CultureInfo culture) => value switch
    {
        null => "",
        string s => s,
        bool b => Boolean(b, culture),
        decimal d => Number(d, culture),
        double d => Number(Convert.ToDecimal(d), culture),
        float f => Number(Convert.ToDecimal(f), culture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly d => Date(d),
        DateTime d => DateTime(d),
        DateTimeOffset d => DateTime(d.DateTime), // the caller converts to the tenant's time first
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
