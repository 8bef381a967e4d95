using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// How an invoice's total (PPN included) divides over the orders it bills, and how much of each order is settled. An
/// invoice usually bills one order; one made from the delivery notes of several orders gives each order its share of
/// the total in proportion to its line nets (rounded to the rupiah, the last order taking the remainder so the shares add
/// up to the total exactly). A fully settled invoice settles each order's share exactly.
/// </summary>
public static class InvoiceShares
{
    public static IReadOnlyDictionary<Guid, decimal> ByOrder(Invoice invoice)
    {
        var nets = invoice.Lines.GroupBy(l => l.OrderId).OrderBy(g => g.Key).Select(g => (Order: g.Key, Net: g.Sum(l => l.NetAmount))).ToList();
        var result = new Dictionary<Guid, decimal>();
        var given = 0m;
        for (var i = 0; i < nets.Count; i++)
        {
            var share = i == nets.Count - 1 ? invoice.Total - given
                : invoice.Subtotal == 0 ? 0 : SalesMath.Rupiah(invoice.Total * nets[i].Net / invoice.Subtotal);
            result[nets[i].Order] = share;
            given += share;
        }
        return result;
    }

    /// <summary>What of <paramref name="orderId"/>'s share of the invoice is paid or credited.</summary>
    public static decimal SettledFor(Invoice invoice, Guid orderId)
    {
        var share = ByOrder(invoice).GetValueOrDefault(orderId);
        var settled = Math.Min(invoice.PaidAmount + invoice.CreditedAmount, invoice.Total);
        return settled >= invoice.Total ? share : invoice.Total == 0 ? 0 : SalesMath.Rupiah(share * settled / invoice.Total);
    }
}
