using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>One order with its lines, the checks it failed (and their decisions) and its history; not found outside the user's scope.</summary>
public sealed record GetOrder(Guid Id);

public sealed record OrderLineView(Guid Id, Guid ProductId, string Sku, string ProductName, string Unit, decimal Quantity, decimal UnitPrice,
    decimal DiscountPercent, decimal NetAmount, string? PriceListName, decimal ShippedQuantity, decimal DeliveredQuantity, decimal InvoicedQuantity);

public sealed record OrderApprovalView(ApprovalReason Reason, string Detail, DateTimeOffset RequestedAt, ApprovalDecision Decision,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? Note);

public sealed record OrderHistoryView(OrderStatus? From, OrderStatus To, DateTimeOffset At, string? By, string? Note);

public sealed record OrderView(
    Guid Id, string Number, Guid PartnerId, string PartnerCode, string PartnerName, Guid? AgentId, string? AgentName, Guid? QuotationId,
    Guid? WarehouseId, string? WarehouseName, DateOnly OrderDate, OrderSource Source, string? CustomerReference, string? Notes,
    decimal DiscountPercent, OrderStatus Status, string? CreatedBy, DateTimeOffset CreatedAt, string? CancelReason,
    decimal GrossTotal, decimal Total, IReadOnlyList<OrderLineView> Lines, IReadOnlyList<OrderApprovalView> Approvals,
    IReadOnlyList<OrderHistoryView> History, bool CanEdit, bool CanCancel, bool CanDecide);

public sealed class GetOrderHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<OrderView>> HandleAsync(GetOrder query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<OrderView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var o = await viewer.Filter(db.SalesOrders.AsNoTracking()).Include(x => x.Lines).Include(x => x.Approvals).Include(x => x.History)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (o is null) return Result<OrderView>.Fail("Order.NotFound");
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == o.PartnerId).Select(p => new { p.Code, p.LegalName }).FirstAsync(ct);
        var agent = o.AgentId is { } a ? await db.Partners.AsNoTracking().Where(p => p.Id == a).Select(p => p.LegalName).FirstOrDefaultAsync(ct) : null;
        var warehouse = o.WarehouseId is { } w
            ? await db.Warehouses.AsNoTracking().Where(x => x.Id == w).Select(x => x.Code + " · " + x.Name).FirstOrDefaultAsync(ct) : null;
        var canPlace = await permissions.HasAsync(Policies.PlaceOrders);
        var canApprove = await permissions.HasAsync(Policies.ApproveOrders);
        var openNotes = await db.DeliveryNotes.AnyAsync(d => d.OrderId == o.Id && d.Status != DeliveryNoteStatus.Cancelled, ct);
        return Result<OrderView>.Ok(new OrderView(
            o.Id, o.Number, o.PartnerId, partner.Code, partner.LegalName, o.AgentId, agent, o.QuotationId, o.WarehouseId, warehouse, o.OrderDate,
            o.Source, o.CustomerReference, o.Notes, o.DiscountPercent, o.Status, o.CreatedBy, o.CreatedAt, o.CancelReason, o.GrossTotal, o.Total,
            o.Lines.Select(l => new OrderLineView(l.Id, l.ProductId, l.Sku, l.ProductName, l.Unit, l.Quantity, l.UnitPrice, l.DiscountPercent,
                l.NetAmount, l.PriceListName, l.ShippedQuantity, l.DeliveredQuantity, l.InvoicedQuantity)).ToList(),
            o.Approvals.OrderBy(x => x.RequestedAt).ThenBy(x => x.Reason)
                .Select(x => new OrderApprovalView(x.Reason, x.Detail, x.RequestedAt, x.Decision, x.DecidedAt, x.DecidedBy, x.Note)).ToList(),
            OrderHistory.InOrder(o.History).Select(h => new OrderHistoryView(h.From, h.To, h.At, h.By, h.Note)).ToList(),
            CanEdit: canPlace && o.IsEditable, CanCancel: (canPlace || canApprove) && o.CanCancel && !openNotes,
            CanDecide: canApprove && o.Status == OrderStatus.AwaitingApproval));
    }
}

/// <summary>
/// An order's status changes in the order they happened. Several changes of one action share a timestamp (submit:
/// draft → submitted → approved), and ids do not order within a millisecond, so ties follow the chain from → to.
/// </summary>
public static class OrderHistory
{
    public static IReadOnlyList<OrderStatusChange> InOrder(IEnumerable<OrderStatusChange> changes)
    {
        var left = changes.OrderBy(c => c.At).ToList();
        var result = new List<OrderStatusChange>(left.Count);
        OrderStatus? current = null;
        while (left.Count > 0)
        {
            var at = left[0].At;
            var next = left.TakeWhile(c => c.At == at).FirstOrDefault(c => c.From == current) ?? left[0];
            left.Remove(next);
            result.Add(next);
            current = next.To;
        }
        return result;
    }
}
