using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>
/// Approves an order awaiting approval (every pending check at once) with the approver's note. The stock is checked
/// again (another order may have taken it meanwhile) and the order consumes its allocations, in one transaction.
/// </summary>
public sealed record ApproveOrder(Guid Id, string? Note);

public sealed class ApproveOrderHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, CurrentUser user)
{
    public async Task<Result<OrderStatus>> HandleAsync(ApproveOrder cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ApproveOrders)) return Result<OrderStatus>.Fail("Access.Denied");
        if (string.IsNullOrWhiteSpace(cmd.Note)) return Result<OrderStatus>.Fail("Order.ApprovalNoteRequired", "Note");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoad.ForWriteAsync(db, viewer, cmd.Id, ct);
        if (order is null) return Result<OrderStatus>.Fail("Order.NotFound");
        if (order.Status != OrderStatus.AwaitingApproval) return Result<OrderStatus>.Fail("Order.NotAwaitingApproval");
        await OrderSubmission.LockAsync(db, order, ct);
        if (await OrderSubmission.CheckStockAsync(db, order, ct) is { Count: > 0 } shortages) return Result<OrderStatus>.Fail(shortages);
        try
        {
            order.Approve(clock.GetUtcNow(), user.UserName ?? "", cmd.Note);
            await OrderSubmission.ConsumeAllocationsAsync(db, order, approved: true, ct);
        }
        catch (DomainException e)
        {
            return Result<OrderStatus>.Fail(e.Code, "Note");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<OrderStatus>.Ok(order.Status);
    }
}

/// <summary>Rejects an order awaiting approval: it goes back to draft with the reason, for its author to change or cancel.</summary>
public sealed record RejectOrder(Guid Id, string? Reason);

public sealed class RejectOrderHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, CurrentUser user)
{
    public async Task<Result<OrderStatus>> HandleAsync(RejectOrder cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ApproveOrders)) return Result<OrderStatus>.Fail("Access.Denied");
        if (string.IsNullOrWhiteSpace(cmd.Reason)) return Result<OrderStatus>.Fail("Order.RejectReasonRequired", "Reason");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var order = await OrderLoad.ForWriteAsync(db, viewer, cmd.Id, ct);
        if (order is null) return Result<OrderStatus>.Fail("Order.NotFound");
        try
        {
            order.Reject(clock.GetUtcNow(), user.UserName ?? "", cmd.Reason);
        }
        catch (DomainException e)
        {
            return Result<OrderStatus>.Fail(e.Code, e.Code == "Order.RejectReasonRequired" ? "Reason" : null);
        }
        await db.SaveChangesAsync(ct);
        return Result<OrderStatus>.Ok(order.Status);
    }
}

/// <summary>
/// Cancels an order before anything is shipped (and while no delivery note is open for it), with a reason. An approved
/// order gives its allocations back in the same transaction.
/// </summary>
public sealed record CancelOrder(Guid Id, string? Reason);

public sealed class CancelOrderHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, CurrentUser user)
{
    public async Task<Result<OrderStatus>> HandleAsync(CancelOrder cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders) && !await permissions.HasAsync(Policies.ApproveOrders))
            return Result<OrderStatus>.Fail("Access.Denied");
        if (string.IsNullOrWhiteSpace(cmd.Reason)) return Result<OrderStatus>.Fail("Order.CancelReasonRequired", "Reason");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoad.ForWriteAsync(db, viewer, cmd.Id, ct);
        if (order is null) return Result<OrderStatus>.Fail("Order.NotFound");
        if (await db.DeliveryNotes.AnyAsync(d => d.OrderId == order.Id && d.Status != DeliveryNoteStatus.Cancelled, ct))
            return Result<OrderStatus>.Fail("Order.HasOpenDeliveryNotes");
        var wasReleased = order.IsReleased;
        try
        {
            order.Cancel(clock.GetUtcNow(), user.UserName, cmd.Reason);
            if (wasReleased)
            {
                await OrderSubmission.LockAsync(db, order, ct);
                await OrderSubmission.ReleaseAllocationsAsync(db, order, ct);
            }
        }
        catch (DomainException e)
        {
            return Result<OrderStatus>.Fail(e.Code, e.Code == "Order.CancelReasonRequired" ? "Reason" : null);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<OrderStatus>.Ok(order.Status);
    }
}
