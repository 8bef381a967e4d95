using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Delivery;

/// <summary>One delivery note as its page (and the printed note's QR code) shows it; another partner's note is "not found".</summary>
public sealed record GetDeliveryNote(Guid DeliveryNoteId);

public sealed record DeliveryNoteLineView(string Sku, string ProductName, string Unit, decimal Quantity);

public sealed record DeliveryNoteView(
    Guid Id, string Number, DeliveryNoteStatus Status, DateOnly ShipDate, Guid OrderId, string OrderNumber, string? CustomerReference,
    Guid PartnerId, string PartnerName, string? PartnerAddress, string FromWarehouse, string? FromAddress, string? ToWarehouse,
    string? ShippingCompany, string? VehicleNumber, string? Driver, string? TrackingNumber, string? Notes,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? ShippedAt, string? ShippedBy, DateOnly? DeliveredOn, string? ReceivedBy,
    string? DeliveryRecordedBy, Guid? InvoiceId, string? InvoiceNumber, IReadOnlyList<DeliveryNoteLineView> Lines);

public sealed class GetDeliveryNoteHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<DeliveryNoteView>> HandleAsync(GetDeliveryNote query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<DeliveryNoteView>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var note = await db.DeliveryNotes.AsNoTracking().Visible(db, visible).Include(n => n.Lines)
            .FirstOrDefaultAsync(n => n.Id == query.DeliveryNoteId, ct);
        if (note is null) return Result<DeliveryNoteView>.Fail("Delivery.NotFound");
        var order = await db.SalesOrders.AsNoTracking().Where(o => o.Id == note.OrderId).Select(o => new { o.Number, o.CustomerReference }).FirstAsync(ct);
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == note.PartnerId).Select(p => new { p.LegalName, p.Address }).FirstAsync(ct);
        var from = await db.Warehouses.AsNoTracking().Where(w => w.Id == note.FromWarehouseId).Select(w => new { Label = w.Code + " · " + w.Name, w.Address }).FirstAsync(ct);
        var to = await db.Warehouses.AsNoTracking().Where(w => w.Id == note.ToWarehouseId).Select(w => w.Code + " · " + w.Name).FirstOrDefaultAsync(ct);
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == note.InvoiceId).Select(i => i.Number).FirstOrDefaultAsync(ct);
        return Result<DeliveryNoteView>.Ok(new DeliveryNoteView(note.Id, note.Number, note.Status, note.ShipDate, note.OrderId, order.Number,
            order.CustomerReference, note.PartnerId, partner.LegalName, partner.Address, from.Label, from.Address, to, note.ShippingCompany, note.VehicleNumber,
            note.Driver, note.TrackingNumber, note.Notes, note.CreatedAt, note.CreatedBy, note.ShippedAt, note.ShippedBy, note.DeliveredOn, note.ReceivedBy,
            note.DeliveryRecordedBy, note.InvoiceId, invoice,
            note.Lines.OrderBy(l => l.Sku).Select(l => new DeliveryNoteLineView(l.Sku, l.ProductName, l.Unit, l.Quantity)).ToList()));
    }
}
