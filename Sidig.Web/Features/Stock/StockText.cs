using System.Globalization;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Stock;

namespace Sidig.Web.Features.Stock;

/// <summary>How stock numbers and names read on the stock pages.</summary>
public static class StockText
{
    /// <summary>Up to 3 decimals, the culture's separators: <c>1.250,5</c> in id-ID.</summary>
    public static string Quantity(decimal q) => q.ToString("#,0.###", CultureInfo.CurrentCulture);

    public static string Signed(decimal q) => (q > 0 ? "+" : "") + Quantity(q);

    public static string Type(this IStringLocalizer l, MovementType type) => l["Type." + type];

    public static string Owner(this IStringLocalizer l, bool? isPrimary, string? partnerName) =>
        isPrimary == true ? l["Principal"] : partnerName ?? "—";
}
