using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Delivery;

/// <summary>
/// Posts a draft delivery note, all in one transaction: the note is shipped, the order's shipped quantities grow, and the
/// stock leaves the principal's warehouse (ShipmentOut) and — for a distributor with a warehouse — arrives in it
/// (Receipt, with the note's id as correlation of both halves). A refusal of the ledger (not enough stock, a frozen or
/// inactive warehouse) saves nothing.
/// </summary>
public sealed record ShipDeliveryNote(Guid DeliveryNoteId);

public sealed class ShipDeliveryNoteHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, StockLedger ledger, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(ShipDeliveryNote command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ShipOrders)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var orderId = await db.DeliveryNotes.AsNoTracking().Where(n => n.Id == command.DeliveryNoteId).Select(n => (Guid?)n.OrderId).FirstOrDefaultAsync(ct);
        if (orderId is null) return Result.Fail("Delivery.NotFound");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<SalesOrder>(db, [orderId.Value], ct); // read after the lock: a concurrent shipment of the same order has committed
        var note = await db.DeliveryNotes.Include(n => n.Lines).FirstAsync(n => n.Id == command.DeliveryNoteId, ct);
        var order = await db.SalesOrders.Include(o => o.Lines).FirstAsync(o => o.Id == orderId, ct);
        var now = clock.GetUtcNow();
        try
        {
            if (!DeliveryRules.CanShip(order)) return Result.Fail("Order.NotApproved");
            note.Ship(now, user.UserName);
            order.RecordShipped(note.QuantityByOrderLine(), now, user.UserName);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        // Serialised lines move exactly the units picked on the draft; each must still be in stock in the shipping warehouse.
        var serialised = await UnitSerials.SerialisedAsync(db, note.Lines.Select(l => l.ProductId), ct);
        if (note.Lines.FirstOrDefault(l => serialised.Contains(l.ProductId) && l.SerialList.Count == 0) is { } missing)
            return Result.Fail([new Error("Delivery.SerialsMissing", null, missing.Sku)]);
        var picked = await UnitSerials.ResolveAsync(db, note.Lines.Select((l, i) => new SerialLine(l.ProductId, l.Quantity, l.Serials, $"Lines[{i}].Serials")).ToList(),
            (_, u) => u.RefusalToLeave(note.FromWarehouseId), ct);
        if (!picked.Succeeded) return picked;
        var document = new UnitDocument(StockLedger.DocumentDeliveryNote, note.Id, note.Number);
        db.UnitEvents.AddRange(picked.Value!.SelectMany(units => units)
            .Select(u => u.Ship(note.FromWarehouseId, note.PartnerId, note.ToWarehouseId, document, now, user.UserName)));

        var lines = new List<StockLine>();
        foreach (var l in note.Lines)
        {
            lines.Add(new StockLine(note.FromWarehouseId, l.ProductId, MovementType.ShipmentOut, -l.Quantity, null, note.Id));
            if (note.ToWarehouseId is { } to) lines.Add(new StockLine(to, l.ProductId, MovementType.Receipt, l.Quantity, null, note.Id));
        }
        var posted = await ledger.PostAsync(db, new StockDocument(StockLedger.DocumentDeliveryNote, note.Number, note.Id), lines, ct);
        if (!posted.Succeeded) return posted; // the transaction is disposed uncommitted: nothing of the note, the order or the stock is kept
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
