using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Delivery;

/// <summary>Cancels a draft note (nothing has moved yet); its quantities are open again. A shipped note cannot be cancelled.</summary>
public sealed record CancelDeliveryNote(Guid DeliveryNoteId);

public sealed class CancelDeliveryNoteHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(CancelDeliveryNote command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ShipOrders)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var orderId = await db.DeliveryNotes.AsNoTracking().Where(n => n.Id == command.DeliveryNoteId).Select(n => (Guid?)n.OrderId).FirstOrDefaultAsync(ct);
        if (orderId is null) return Result.Fail("Delivery.NotFound");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<SalesOrder>(db, [orderId.Value], ct); // a shipment of this note in flight finishes first
        var note = await db.DeliveryNotes.FirstAsync(n => n.Id == command.DeliveryNoteId, ct);
        try
        {
            note.Cancel();
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
