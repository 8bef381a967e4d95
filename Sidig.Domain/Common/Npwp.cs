namespace Sidig.Domain.Common;

/// <summary>
/// Indonesian tax ids. NPWP is 16 digits since Coretax (companies: the old 15 digits with a leading 0;
/// individuals: their NIK). A NITKU is the NPWP plus a 6-digit branch number (000000 = head office).
/// Separators (dots, dashes, spaces) are accepted on input and removed.
/// </summary>
public static class Npwp
{
    public static string Digits(string? input) => new((input ?? "").Where(char.IsAsciiDigit).ToArray());

    private static bool OnlyDigitsAndSeparators(string input) =>
        input.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ' ');

    /// <summary>Normalised 16-digit NPWP, or a resource key describing the problem.</summary>
    public static (string? Value, string? Error) ParseNpwp(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return (null, "Npwp.Required");
        if (!OnlyDigitsAndSeparators(input)) return (null, "Npwp.Invalid");
        var digits = Digits(input);
        if (digits.Length == 15) digits = "0" + digits; // old company format, still printed on many documents
        if (digits.Length != 16) return (null, "Npwp.Invalid");
        if (digits.All(c => c == '0')) return (null, "Npwp.Invalid");
        return (digits, null);
    }

    /// <summary>Normalised 22-digit NITKU for the given NPWP, or a resource key describing the problem.</summary>
    public static (string? Value, string? Error) ParseNitku(string? input, string npwp)
    {
        if (string.IsNullOrWhiteSpace(input)) return (npwp + "000000", null);
        if (!OnlyDigitsAndSeparators(input)) return (null, "Nitku.Invalid");
        var digits = Digits(input);
        if (digits.Length != 22) return (null, "Nitku.Invalid");
        if (!digits.StartsWith(npwp, StringComparison.Ordinal)) return (null, "Nitku.NotMatchingNpwp");
        return (digits, null);
    }

    /// <summary>Display form 0123.4567.8901.2345 (groups of four).</summary>
    public static string Format(string digits) =>
        digits.Length == 16 ? string.Join('.', Enumerable.Range(0, 4).Select(i => digits.Substring(i * 4, 4))) : digits;
}
