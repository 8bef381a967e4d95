using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Delivery;

/// <summary>Proof of delivery: the date it arrived and who signed for it; the order's delivered quantities follow.</summary>
public sealed record MarkDeliveryNoteDelivered(Guid DeliveryNoteId, DateOnly? DeliveredOn, string? ReceivedBy)
{
    public IReadOnlyList<Error> Check(DateOnly today)
    {
        var errors = new List<Error>();
        if (DeliveredOn is null) errors.Add(new("Validation.Required", nameof(DeliveredOn)));
        else if (DeliveredOn > today) errors.Add(new("Delivery.DateInFuture", nameof(DeliveredOn)));
        if (string.IsNullOrWhiteSpace(ReceivedBy)) errors.Add(new("Delivery.ReceivedByRequired", nameof(ReceivedBy)));
        else if (ReceivedBy.Trim().Length > 100) errors.Add(new("Validation.TooLong", nameof(ReceivedBy)));
        return errors;
    }
}

public sealed class MarkDeliveryNoteDeliveredHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result> HandleAsync(MarkDeliveryNoteDelivered command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ShipOrders)) return Result.Fail("Access.Denied");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (command.Check(today) is { Count: > 0 } invalid) return Result.Fail(invalid);
        await using var db = await factory.CreateDbContextAsync(ct);
        var orderId = await db.DeliveryNotes.AsNoTracking().Where(n => n.Id == command.DeliveryNoteId).Select(n => (Guid?)n.OrderId).FirstOrDefaultAsync(ct);
        if (orderId is null) return Result.Fail("Delivery.NotFound");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<SalesOrder>(db, [orderId.Value], ct);
        var note = await db.DeliveryNotes.Include(n => n.Lines).FirstAsync(n => n.Id == command.DeliveryNoteId, ct);
        var order = await db.SalesOrders.Include(o => o.Lines).FirstAsync(o => o.Id == orderId, ct);
        var now = clock.GetUtcNow();
        try
        {
            note.MarkDelivered(command.DeliveredOn!.Value, today, command.ReceivedBy!, user.UserName);
            order.RecordDelivered(note.QuantityByOrderLine(), now, user.UserName);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code, e.Code is "Delivery.DeliveredBeforeShipped" or "Delivery.DateInFuture" ? nameof(command.DeliveredOn) : null);
        }
        // The units shipped on this note that the partner still has: the warranty may start from the delivery date.
        var shipped = db.UnitEvents.Where(e => e.DocumentId == note.Id && e.Kind == UnitEventKind.Shipped).Select(e => e.UnitId);
        var units = await db.Units.Where(u => shipped.Contains(u.Id) && u.OwnerPartnerId == note.PartnerId).ToListAsync(ct);
        var document = new UnitDocument(Sidig.Infrastructure.Stock.StockLedger.DocumentDeliveryNote, note.Id, note.Number);
        db.UnitEvents.AddRange(units.Select(u => u.MarkDelivered(note.PartnerId, command.DeliveredOn!.Value, document, now, user.UserName)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
