using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// What finance can invoice now, per the tenant's basis: shipped or delivered delivery notes not invoiced yet (by
/// partner), or approved orders with quantities not invoiced yet.
/// </summary>
public sealed record GetInvoiceCandidates(Guid? PartnerId = null);

public sealed record InvoiceableNote(Guid Id, string Number, DateOnly ShipDate, DeliveryNoteStatus Status, Guid PartnerId, string PartnerName,
    string OrderNumber, decimal Quantity);

public sealed record InvoiceableOrder(Guid Id, string Number, DateOnly OrderDate, OrderStatus Status, Guid PartnerId, string PartnerName,
    decimal OpenQuantity, decimal OpenNet);

public sealed record InvoiceCandidates(InvoiceBasis Basis, IReadOnlyList<InvoiceableNote> Notes, IReadOnlyList<InvoiceableOrder> Orders);

public sealed class GetInvoiceCandidatesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int Max = 500;

    public async Task<Result<InvoiceCandidates>> HandleAsync(GetInvoiceCandidates query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<InvoiceCandidates>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var basis = await db.SalesSettings.AsNoTracking().Select(s => (InvoiceBasis?)s.InvoiceBasis).FirstOrDefaultAsync(ct) ?? SalesSettings.CreateDefault().InvoiceBasis;
        if (basis == InvoiceBasis.DeliveryNotes)
        {
            var notes = db.DeliveryNotes.AsNoTracking()
                .Where(n => n.InvoiceId == null && (n.Status == DeliveryNoteStatus.Shipped || n.Status == DeliveryNoteStatus.Delivered));
            if (query.PartnerId is { } p) notes = notes.Where(n => n.PartnerId == p);
            var rows = await (from n in notes
                              join o in db.SalesOrders on n.OrderId equals o.Id
                              join pa in db.Partners on n.PartnerId equals pa.Id
                              orderby pa.LegalName, n.ShipDate, n.Number
                              select new { n.Id, n.Number, n.ShipDate, n.Status, n.PartnerId, pa.LegalName, OrderNumber = o.Number, Qty = n.Lines.Select(l => l.Quantity).ToList() })
                .Take(Max).ToListAsync(ct);
            return Result<InvoiceCandidates>.Ok(new InvoiceCandidates(basis, rows.Select(r => new InvoiceableNote(r.Id, r.Number, r.ShipDate, r.Status,
                r.PartnerId, r.LegalName, r.OrderNumber, r.Qty.Sum())).ToList(), []));
        }
        var orders = db.SalesOrders.AsNoTracking()
            .Where(o => o.Status != OrderStatus.Draft && o.Status != OrderStatus.Submitted && o.Status != OrderStatus.AwaitingApproval
                        && o.Status != OrderStatus.Cancelled && o.Status != OrderStatus.Returned && o.Lines.Any(l => l.InvoicedQuantity < l.Quantity));
        if (query.PartnerId is { } partner) orders = orders.Where(o => o.PartnerId == partner);
        var list = await (from o in orders
                          join pa in db.Partners on o.PartnerId equals pa.Id
                          orderby pa.LegalName, o.OrderDate, o.Number
                          select new { o.Id, o.Number, o.OrderDate, o.Status, o.PartnerId, pa.LegalName,
                              Lines = o.Lines.Select(l => new { l.Quantity, l.InvoicedQuantity, l.NetAmount }).ToList() })
            .Take(Max).ToListAsync(ct);
        return Result<InvoiceCandidates>.Ok(new InvoiceCandidates(basis, [], list.Select(o => new InvoiceableOrder(o.Id, o.Number, o.OrderDate, o.Status,
            o.PartnerId, o.LegalName, o.Lines.Sum(l => l.Quantity - l.InvoicedQuantity),
            o.Lines.Sum(l => l.Quantity == 0 ? 0 : SalesMath.NetShare(l.NetAmount, l.Quantity, l.Quantity - l.InvoicedQuantity)))).ToList()));
    }
}
