using MudBlazor;
using Sidig.Domain.Units;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Units;

/// <summary>Marker for the texts of the unit pages and the public scan page (UnitsText.en-US.resx / .id-ID.resx), and their formats.</summary>
public sealed class UnitsText
{
    public static Color WarrantyColor(WarrantyState state) => state switch
    {
        WarrantyState.Active => Color.Success,
        WarrantyState.Expired => Color.Warning,
        WarrantyState.Void => Color.Error,
        _ => Color.Default,
    };

    public static string Warranty(Microsoft.Extensions.Localization.IStringLocalizer<UnitsText> l, WarrantyView w) => w.State switch
    {
        WarrantyState.Active => l["Warranty.Active", DisplayTime.Date(w.End)],
        WarrantyState.Expired => l["Warranty.Expired", DisplayTime.Date(w.End)],
        WarrantyState.Void => l["Warranty.Void", w.VoidReason ?? ""],
        WarrantyState.NotRegistered => l["Warranty.NotRegistered"],
        _ => l["Warranty.None"],
    };

    /// <summary>The staff page of the document behind a unit event, when it has one (delivery and credit notes).</summary>
    public static string? DocumentHref(string? type, Guid? id) => (type, id) switch
    {
        (Sidig.Infrastructure.Stock.StockLedger.DocumentDeliveryNote, { } note) => $"/delivery-notes/{note}",
        (Sidig.Infrastructure.Stock.StockLedger.DocumentCreditNote, { } credit) => $"/credit-notes/{credit}",
        _ => null,
    };

    public static Color StatusColor(UnitStatus status) => status switch
    {
        UnitStatus.InStock => Color.Info,
        UnitStatus.Sold => Color.Success,
        _ => Color.Default,
    };
}
