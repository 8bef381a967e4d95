using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// After a payment (or a credit note) changes an invoice: each order it bills gets
/// <c>RecordSettled(Σ (paid + credited) of that order's invoices)</c>. Call inside the transaction that changed the invoice,
/// with the invoice tracked by <paramref name="db"/> (its new figures count); the orders are locked first.
/// </summary>
public static class OrderSettlement
{
    public static async Task RefreshAsync(SidigDbContext db, IReadOnlyCollection<Guid> orderIds, DateTimeOffset now, string? by, CancellationToken ct)
    {
        await RowLocks.LockAsync<SalesOrder>(db, orderIds, ct);
        var orders = await db.SalesOrders.Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        var invoiceIds = await db.InvoiceLines.AsNoTracking().Where(l => orderIds.Contains(l.OrderId)).Select(l => l.InvoiceId).Distinct().ToListAsync(ct);
        var invoices = await db.Invoices.Include(i => i.Lines).Where(i => invoiceIds.Contains(i.Id)).ToListAsync(ct);
        foreach (var order in orders)
        {
            var settled = invoices.Where(i => i.Lines.Any(l => l.OrderId == order.Id)).Sum(i => InvoiceShares.SettledFor(i, order.Id));
            order.RecordSettled(settled, now, by);
        }
    }
}
