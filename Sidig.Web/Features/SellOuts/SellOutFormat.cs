using System.Globalization;

namespace Sidig.Web.Features.SellOuts;

/// <summary>Amounts as Indonesians write them: Rp 1.500.000 (dot thousands, no decimals), whatever the UI language.</summary>
public static class SellOutFormat
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Idr(decimal amount) => "Rp " + Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Indonesian);

    public static string Quantity(decimal value) => value.ToString("#,##0.###", CultureInfo.CurrentCulture);
}
