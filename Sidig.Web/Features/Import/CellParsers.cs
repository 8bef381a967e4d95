using System.Globalization;
using System.Text.RegularExpressions;

namespace Sidig.Web.Features.Import;

/// <summary>Turns the text of one non-empty cell into a value, or names what is wrong (a resource key and its arguments).</summary>
public delegate CellResult<T> CellParser<T>(string text);

public readonly record struct CellResult<T>(T? Value, string? Error, object[] Args)
{
    public bool Succeeded => Error is null;
    public static CellResult<T> Ok(T value) => new(value, null, []);
    public static CellResult<T> Fail(string error, params object[] args) => new(default, error, args);
}

/// <summary>
/// The parsers an <see cref="ImportSchema{TRow}"/> column uses. Cells arrive trimmed and non-empty (empty cells are
/// handled by the column: required or left at the row's default).
/// </summary>
public static partial class CellParsers
{
    public static CellParser<string> Text(int maxLength) => text =>
        text.Length <= maxLength ? CellResult<string>.Ok(text) : CellResult<string>.Fail("Import.TooLong", maxLength);

    /// <summary>
    /// A decimal with "." or "," as the decimal separator (1.5 and 1,5 are the same). Thousands separators are refused,
    /// and so is one separator followed by exactly three digits (1.500, 2,000): Indonesian files mean 1500, English ones
    /// 1.5 — or the other way round — and guessing wrong changes a price a thousandfold. Write 1500, or 1,5.
    /// </summary>
    public static CellParser<decimal> Decimal(decimal? min = null, decimal? max = null) => text =>
    {
        var number = DecimalPattern().Match(text);
        if (!number.Success) return CellResult<decimal>.Fail(ThousandsPattern().IsMatch(text) ? "Import.NumberGrouped" : "Import.NumberInvalid");
        var whole = number.Groups["whole"].Value;
        var fraction = number.Groups["fraction"].Value;
        if (fraction.Length == 3 && whole.TrimStart('0').Length > 0) return CellResult<decimal>.Fail("Import.NumberAmbiguous", text);
        var invariant = number.Groups["sign"].Value + whole + (fraction.Length > 0 ? "." + fraction : "");
        if (!decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return CellResult<decimal>.Fail("Import.NumberInvalid");
        return InRange(value, min, max);
    };

    public static CellParser<int> Integer(int? min = null, int? max = null) => text =>
    {
        if (!IntegerPattern().IsMatch(text)) return CellResult<int>.Fail(ThousandsPattern().IsMatch(text) ? "Import.NumberGrouped" : "Import.IntegerInvalid");
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return CellResult<int>.Fail("Import.NumberOutOfRange");
        var checkedRange = InRange(value, min, max);
        return checkedRange.Succeeded ? CellResult<int>.Ok(value) : CellResult<int>.Fail(checkedRange.Error!, checkedRange.Args);
    };

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ya"] = true, ["tidak"] = false, ["yes"] = true, ["no"] = false, ["true"] = true, ["false"] = false, ["1"] = true, ["0"] = false,
    };

    /// <summary>ya/tidak, yes/no, true/false, 1/0 in any case.</summary>
    public static CellParser<bool> Boolean() => text =>
        Booleans.TryGetValue(text, out var value) ? CellResult<bool>.Ok(value) : CellResult<bool>.Fail("Import.BooleanInvalid");

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>
    /// yyyy-MM-dd or dd/MM/yyyy (day first, as written in Indonesia; 1/2/2025 is 1 February). A date cell in .xlsx
    /// arrives as yyyy-MM-dd and is read the same; its time of day, if any, is dropped.
    /// </summary>
    public static CellParser<DateOnly> Date() => text =>
        System.DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? CellResult<DateOnly>.Ok(DateOnly.FromDateTime(value))
            : CellResult<DateOnly>.Fail("Import.DateInvalid");

    /// <summary>The member's name in any case (Pcs, pcs); numbers are refused so a typo cannot pick a member by position.</summary>
    public static CellParser<TEnum> Enum<TEnum>() where TEnum : struct, System.Enum => text =>
        !char.IsAsciiDigit(text[0]) && text[0] != '-' && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? CellResult<TEnum>.Ok(value)
            : CellResult<TEnum>.Fail("Import.ChoiceInvalid", string.Join(", ", System.Enum.GetNames<TEnum>()));

    private static CellResult<decimal> InRange(decimal value, decimal? min, decimal? max) =>
        value < min ? CellResult<decimal>.Fail("Import.NumberTooSmall", min.Value)
        : value > max ? CellResult<decimal>.Fail("Import.NumberTooLarge", max.Value)
        : CellResult<decimal>.Ok(value);

    [GeneratedRegex(@"^(?<sign>[-+]?)(?<whole>[0-9]+)(?:[.,](?<fraction>[0-9]+))?$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    /// <summary>1.500.000, 1,500,000, 1.500,50, 1,500.50 — digits grouped by thousands.</summary>
    [GeneratedRegex(@"^[-+]?[0-9]{1,3}([.,][0-9]{3})+([.,][0-9]+)?$")]
    private static partial Regex ThousandsPattern();
}
