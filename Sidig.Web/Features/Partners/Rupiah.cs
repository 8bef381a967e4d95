using System.Globalization;

namespace Sidig.Web.Features.Partners;

/// <summary>IDR amounts as Indonesians write them in either UI language: <c>Rp 1.500.000</c> (dot thousands, no decimals).</summary>
public static class Rupiah
{
    private static readonly NumberFormatInfo Indonesian = CultureInfo.GetCultureInfo("id-ID").NumberFormat;

    public static string Format(decimal amount) =>
        (amount < 0 ? "-Rp " : "Rp ") + Math.Round(Math.Abs(amount), 0, MidpointRounding.AwayFromZero).ToString("N0", Indonesian);
}
