using System.Globalization;

namespace Sidig.Web.Components.Shared;

/// <summary>Amounts in IDR as Indonesians write them in either UI language: <c>Rp 1.500.000</c> (cents only when there are any).</summary>
public static class Rupiah
{
    public static string Format(decimal amount) => Domain.Common.Idr.Format(amount, amount == decimal.Truncate(amount) ? 0 : 2);

    public static string Format(decimal? amount) => amount is { } a ? Format(a) : "—";

    /// <summary>A quantity in the current culture, with at most three decimals (<c>1.250,5</c> / <c>1,250.5</c>).</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("#,0.###", CultureInfo.CurrentCulture);
}
