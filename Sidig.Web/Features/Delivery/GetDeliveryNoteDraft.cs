using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Delivery;

/// <summary>What a new delivery note for an approved order may carry: per line ordered, shipped, on other draft notes and still open.</summary>
public sealed record GetDeliveryNoteDraft(Guid OrderId);

/// <param name="IsSerialised">the note names the units of this line (their serials)</param>
public sealed record DeliveryDraftLine(Guid OrderLineId, string Sku, string ProductName, string Unit, decimal Ordered, decimal Shipped,
    decimal OnDrafts, decimal OnHand, bool IsSerialised = false)
{
    public decimal Open => Math.Max(0, Ordered - Shipped - OnDrafts);
}

public sealed record DeliveryNoteDraft(Guid OrderId, string OrderNumber, DateOnly OrderDate, OrderStatus Status, string PartnerName,
    string? FromWarehouse, string? ToWarehouse, IReadOnlyList<DeliveryDraftLine> Lines)
{
    public bool HasOpenQuantity => Lines.Any(l => l.Open > 0);
}

public sealed class GetDeliveryNoteDraftHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<DeliveryNoteDraft>> HandleAsync(GetDeliveryNoteDraft query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ShipOrders)) return Result<DeliveryNoteDraft>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == query.OrderId, ct);
        if (order is null) return Result<DeliveryNoteDraft>.Fail("Order.NotFound");
        if (!DeliveryRules.CanShip(order)) return Result<DeliveryNoteDraft>.Fail("Order.NotApproved");
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == order.PartnerId).Select(p => new { p.LegalName, p.Type }).FirstAsync(ct);
        var from = await db.Warehouses.AsNoTracking().Where(w => w.Id == order.WarehouseId).Select(w => w.Code + " · " + w.Name).FirstOrDefaultAsync(ct);
        var to = await DeliveryRules.ReceiverWarehouseAsync(db, order.PartnerId, partner.Type, ct);
        var toLabel = to is null ? null : await db.Warehouses.AsNoTracking().Where(w => w.Id == to).Select(w => w.Code + " · " + w.Name).FirstAsync(ct);
        var onDrafts = await DeliveryRules.OnDraftsAsync(db, order.Id, null, ct);
        var productIds = order.Lines.Select(l => l.ProductId).ToList();
        var onHand = await db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == order.WarehouseId && productIds.Contains(b.ProductId))
            .Select(b => new { b.ProductId, b.OnHand }).ToDictionaryAsync(b => b.ProductId, b => b.OnHand, ct);
        var serialised = await Sidig.Infrastructure.Stock.UnitSerials.SerialisedAsync(db, productIds, ct);
        var lines = order.Lines.OrderBy(l => l.Sku).Select(l => new DeliveryDraftLine(l.Id, l.Sku, l.ProductName, l.Unit, l.Quantity, l.ShippedQuantity,
            onDrafts.GetValueOrDefault(l.Id), onHand.GetValueOrDefault(l.ProductId), serialised.Contains(l.ProductId))).ToList();
        return Result<DeliveryNoteDraft>.Ok(new DeliveryNoteDraft(order.Id, order.Number, order.OrderDate, order.Status, partner.LegalName, from, toLabel, lines));
    }
}

/// <summary>The rules the delivery-note commands share.</summary>
public static class DeliveryRules
{
    public const string NumberPrefix = "SJ";

    /// <summary>Released (approved or further) and neither cancelled nor returned, with something left to ship.</summary>
    public static bool CanShip(SalesOrder order) =>
        order.IsReleased && order.Status is not (OrderStatus.Cancelled or OrderStatus.Returned) && order.WarehouseId is not null;

    /// <summary>Quantities per order line on the order's draft notes (other than <paramref name="except"/>).</summary>
    public static async Task<Dictionary<Guid, decimal>> OnDraftsAsync(SidigDbContext db, Guid orderId, Guid? except, CancellationToken ct)
    {
        var rows = await db.DeliveryNoteLines.AsNoTracking()
            .Where(l => db.DeliveryNotes.Any(n => n.Id == l.DeliveryNoteId && n.OrderId == orderId && n.Status == DeliveryNoteStatus.Draft && n.Id != except))
            .Select(l => new { l.OrderLineId, l.Quantity }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity)); // summed here: SQLite stores decimals as REAL
    }

    /// <summary>
    /// The first of <paramref name="units"/> already picked on another draft note (of any order), as an error naming the
    /// serials and that note; null when none is. Two drafts cannot promise the same unit.
    /// </summary>
    public static async Task<Error?> OnOtherDraftsAsync(SidigDbContext db, IReadOnlyList<Domain.Units.Unit> units, Guid? except, CancellationToken ct)
    {
        if (units.Count == 0) return null;
        var productIds = units.Select(u => u.ProductId).Distinct().ToList();
        var drafts = await (from l in db.DeliveryNoteLines.AsNoTracking()
                            join n in db.DeliveryNotes on l.DeliveryNoteId equals n.Id
                            where n.Status == DeliveryNoteStatus.Draft && n.Id != except && l.Serials != null && productIds.Contains(l.ProductId)
                            select new { n.Number, l.Serials }).ToListAsync(ct);
        var mine = units.Select(u => u.Serial).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var d in drafts)
            if (Domain.Units.SerialEntry.Split(d.Serials).Where(mine.Contains).ToList() is { Count: > 0 } both)
                return new Error("Units.OnDraftNote", null, string.Join(", ", both.Take(10)), d.Number);
        return null;
    }

    /// <summary>
    /// The warehouse stock moves into when the receiver is a distributor with an active warehouse of its own (the first by
    /// code); null otherwise — the goods then leave the network's stock.
    /// </summary>
    public static async Task<Guid?> ReceiverWarehouseAsync(SidigDbContext db, Guid partnerId, PartnerType type, CancellationToken ct) =>
        type != PartnerType.Distributor ? null
            : await db.Warehouses.AsNoTracking().Where(w => w.OwnerPartnerId == partnerId && w.IsActive).OrderBy(w => w.Code)
                .Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
}
