using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Delivery;

/// <summary>
/// One page of delivery notes, newest first. Staff see all; a partner user only its own (<see cref="DeliveryVisibility"/>).
/// <see cref="SortBy"/> is a <see cref="DeliveryNoteListItem"/> property name; <see cref="All"/> returns every matching row (export).
/// </summary>
public sealed record ListDeliveryNotes(
    string? Search = null, DeliveryNoteStatus? Status = null, Guid? PartnerId = null, Guid? OrderId = null, DateOnly? From = null, DateOnly? To = null,
    bool? Invoiced = null, int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record DeliveryNoteListItem(
    Guid Id, string Number, DateOnly ShipDate, DeliveryNoteStatus Status, Guid OrderId, string OrderNumber, Guid PartnerId, string PartnerName,
    string FromWarehouse, string? ToWarehouse, string? ShippingCompany, string? VehicleNumber, string? Driver, string? TrackingNumber,
    DateOnly? DeliveredOn, string? ReceivedBy, Guid? InvoiceId, string? InvoiceNumber, int Lines, decimal Quantity);

public sealed record DeliveryNoteList(IReadOnlyList<DeliveryNoteListItem> Items, int TotalCount);

public sealed class ListDeliveryNotesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<DeliveryNoteList>> HandleAsync(ListDeliveryNotes query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<DeliveryNoteList>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var notes = db.DeliveryNotes.AsNoTracking().Visible(db, visible);
        if (query.Status is { } status) notes = notes.Where(n => n.Status == status);
        if (query.PartnerId is { } partnerId) notes = notes.Where(n => n.PartnerId == partnerId);
        if (query.OrderId is { } orderId) notes = notes.Where(n => n.OrderId == orderId);
        if (query.From is { } from) notes = notes.Where(n => n.ShipDate >= from);
        if (query.To is { } to) notes = notes.Where(n => n.ShipDate <= to);
        if (query.Invoiced is { } invoiced) notes = notes.Where(n => (n.InvoiceId != null) == invoiced);
        var rows = from n in notes
                   join o in db.SalesOrders on n.OrderId equals o.Id
                   join p in db.Partners on n.PartnerId equals p.Id
                   join w in db.Warehouses on n.FromWarehouseId equals w.Id
                   select new
                   {
                       n.Id, n.Number, n.ShipDate, n.Status, n.OrderId, OrderNumber = o.Number, n.PartnerId, PartnerName = p.LegalName,
                       From = w.Code, To = db.Warehouses.Where(x => x.Id == n.ToWarehouseId).Select(x => x.Code).FirstOrDefault(),
                       n.ShippingCompany, n.VehicleNumber, n.Driver, n.TrackingNumber, n.DeliveredOn, n.ReceivedBy, n.InvoiceId,
                       InvoiceNumber = db.Invoices.Where(i => i.Id == n.InvoiceId).Select(i => i.Number).FirstOrDefault(),
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Number.ToUpper().Contains(s) || r.OrderNumber.ToUpper().Contains(s) || r.PartnerName.ToUpper().Contains(s)
                                   || (r.TrackingNumber != null && r.TrackingNumber.ToUpper().Contains(s))
                                   || (r.VehicleNumber != null && r.VehicleNumber.Replace(" ", "").Contains(s.Replace(" ", ""))));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(DeliveryNoteListItem.Number), false) => rows.OrderBy(r => r.Number),
            (nameof(DeliveryNoteListItem.Number), true) => rows.OrderByDescending(r => r.Number),
            (nameof(DeliveryNoteListItem.PartnerName), false) => rows.OrderBy(r => r.PartnerName),
            (nameof(DeliveryNoteListItem.PartnerName), true) => rows.OrderByDescending(r => r.PartnerName),
            (nameof(DeliveryNoteListItem.OrderNumber), false) => rows.OrderBy(r => r.OrderNumber),
            (nameof(DeliveryNoteListItem.OrderNumber), true) => rows.OrderByDescending(r => r.OrderNumber),
            (nameof(DeliveryNoteListItem.Status), false) => rows.OrderBy(r => r.Status),
            (nameof(DeliveryNoteListItem.Status), true) => rows.OrderByDescending(r => r.Status),
            (_, false) => rows.OrderBy(r => r.ShipDate).ThenBy(r => r.Number),
            _ => rows.OrderByDescending(r => r.ShipDate).ThenByDescending(r => r.Number),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var page = await paged.ToListAsync(ct);
        var ids = page.Select(r => r.Id).ToList();
        var lines = (await db.DeliveryNoteLines.AsNoTracking().Where(l => ids.Contains(l.DeliveryNoteId))
            .Select(l => new { l.DeliveryNoteId, l.Quantity }).ToListAsync(ct)).ToLookup(l => l.DeliveryNoteId);
        var items = page.Select(r => new DeliveryNoteListItem(r.Id, r.Number, r.ShipDate, r.Status, r.OrderId, r.OrderNumber, r.PartnerId, r.PartnerName,
            r.From, r.To, r.ShippingCompany, r.VehicleNumber, r.Driver, r.TrackingNumber, r.DeliveredOn, r.ReceivedBy, r.InvoiceId, r.InvoiceNumber,
            lines[r.Id].Count(), lines[r.Id].Sum(l => l.Quantity))).ToList();
        return Result<DeliveryNoteList>.Ok(new DeliveryNoteList(items, total));
    }
}
