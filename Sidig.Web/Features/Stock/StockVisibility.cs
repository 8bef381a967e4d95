using Sidig.Domain.Stock;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>Primary stock is the principal's own (warehouse without an owner partner); secondary stock is at partners.</summary>
public enum StockOwnership { Primary = 0, Secondary = 1 }

/// <summary>
/// The warehouses a user may see: every one for principal staff, only their partners' for partner users
/// (<see cref="PartnerScope"/>). Every stock read and write starts from this, on the server.
/// </summary>
public static class StockVisibility
{
    /// <summary>null = every warehouse; otherwise the only owner partners whose warehouses are visible.</summary>
    public static async Task<List<Guid>?> PartnersAsync(PartnerScope scope, CancellationToken ct) =>
        await scope.VisibleAsync(ct) is { } visible ? visible.ToList() : null;

    public static IQueryable<Warehouse> Visible(this IQueryable<Warehouse> warehouses, List<Guid>? partners) =>
        partners is null ? warehouses : warehouses.Where(w => w.OwnerPartnerId != null && partners.Contains(w.OwnerPartnerId.Value));

    public static IQueryable<Warehouse> Owned(this IQueryable<Warehouse> warehouses, StockOwnership? ownership) => ownership switch
    {
        StockOwnership.Primary => warehouses.Where(w => w.OwnerPartnerId == null),
        StockOwnership.Secondary => warehouses.Where(w => w.OwnerPartnerId != null),
        _ => warehouses,
    };
}
