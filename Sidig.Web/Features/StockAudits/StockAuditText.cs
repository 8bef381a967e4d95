using System.Globalization;
using MudBlazor;
using Sidig.Domain.Stock;

namespace Sidig.Web.Features.StockAudits;

/// <summary>How count sessions and quantities look on screen.</summary>
public static class StockAuditText
{
    public static Color StatusColor(StockAuditStatus status) => status switch
    {
        StockAuditStatus.Counting => Color.Info,
        StockAuditStatus.Submitted => Color.Warning,
        StockAuditStatus.Posted => Color.Success,
        _ => Color.Default,
    };

    /// <summary>Quantities with up to 3 decimals and the culture's separators (1.250,5 in id-ID).</summary>
    public static string Quantity(decimal? value) => value is { } v ? v.ToString("#,##0.###", CultureInfo.CurrentCulture) : "—";

    /// <summary>A variance with its sign: +2, −1,5.</summary>
    public static string Signed(decimal? value) => value switch
    {
        null => "—",
        > 0 => "+" + Quantity(value),
        < 0 => "−" + Quantity(-value),
        _ => "0",
    };
}
