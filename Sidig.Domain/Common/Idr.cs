using System.Globalization;

namespace Sidig.Domain.Common;

/// <summary>
/// Indonesian rupiah as shown on screens and documents: "Rp 1.500.000", "-Rp 1.500.000", with decimals
/// "Rp 1.500.000,50". Dots group thousands, a comma separates decimals.
/// </summary>
/// <remarks>
/// The separators are fixed here instead of taken from the id-ID culture, so the output does not depend on
/// the ICU data of the machine (a container in invariant-globalization mode has none). Rounding is half away
/// from zero, like <see cref="Terbilang.Rupiah"/>, so the figure and the words always agree.
/// </remarks>
public static class Idr
{
    private static readonly NumberFormatInfo Separators = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <summary>"Rp 1.500.000"; negative amounts "-Rp 1.500.000".</summary>
    public static string Format(decimal amount, int decimals = 0)
    {
        var number = Number(Math.Abs(amount), decimals);
        return IsNegative(amount, decimals) ? "-Rp " + number : "Rp " + number;
    }

    /// <summary>The figure without the currency, for table columns whose header names it: "1.500.000".</summary>
    public static string Number(decimal amount, int decimals = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 4);
        var rounded = decimal.Round(amount, decimals, MidpointRounding.AwayFromZero);
        // "-0" after rounding a tiny negative amount is shown as 0.
        if (rounded == 0) rounded = 0;
        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Separators);
    }

    private static bool IsNegative(decimal amount, int decimals) =>
        decimal.Round(amount, decimals, MidpointRounding.AwayFromZero) < 0;
}
