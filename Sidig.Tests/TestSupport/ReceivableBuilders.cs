using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Invoices, payments and the orders behind them, made straight through the domain (an approved order with shipped
/// and delivered quantities, <see cref="Invoice.Issue"/>, <see cref="Payment.Record"/>), for receivables, returns and
/// commission tests that must not depend on the fulfilment pages.
/// </summary>
public sealed class ReceivableBuilders(SidigAppFactory app, string tenant = "demo")
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public Builders Make { get; } = new(app, tenant);

    /// <summary>Today in the demo tenants' time zone (Asia/Jakarta).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public sealed record Line(Product Product, decimal Quantity, decimal UnitPrice, decimal Delivered = -1, decimal Invoiced = -1);

    public sealed record Billed(Invoice Invoice, SalesOrder Order, Guid WarehouseId);

    /// <summary>A principal warehouse with stock of each product (so shipments can leave it on the ledger).</summary>
    public async Task<Warehouse> StockedWarehouse(params Product[] products)
    {
        var warehouse = await Make.Warehouse();
        foreach (var p in products) (await Make.Receive(warehouse.Id, p.Id, 100)).Errors.ShouldBeEmpty();
        return warehouse;
    }

    /// <summary>
    /// An approved order for <paramref name="partnerId"/> shipped and delivered (per line, default everything), its
    /// shipment posted out of <paramref name="warehouseId"/>, and an invoice for the invoiced quantities (default: delivered).
    /// </summary>
    public Task<Billed> Invoice(Guid partnerId, Guid warehouseId, DateOnly issueDate, IReadOnlyList<Line> lines, Guid? agentId = null,
        int paymentTermDays = 30) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var order = SalesOrder.Create(Builders.Unique("SO"), partnerId, agentId, OrderSource.Staff, issueDate.AddDays(-3), warehouseId, null, null, Now, "test");
            order.SetLines(lines.Select(l => new SalesLineInput(l.Product.Id, l.Product.Sku, l.Product.Name, l.Product.Unit, l.Quantity, l.UnitPrice, 0,
                PpnKind.Standard)).ToList(), 0);
            order.Submit([], Now, "test");
            var delivered = order.Lines.Select((ol, i) => (ol, Qty: lines[i].Delivered < 0 ? lines[i].Quantity : lines[i].Delivered)).Where(x => x.Qty > 0).ToList();
            if (delivered.Count > 0)
            {
                order.RecordShipped(delivered.ToDictionary(x => x.ol.Id, x => x.Qty), Now, "test");
                order.RecordDelivered(delivered.ToDictionary(x => x.ol.Id, x => x.Qty), Now, "test");
            }
            var billed = order.Lines.Select((ol, i) => (ol, Qty: lines[i].Invoiced < 0 ? (lines[i].Delivered < 0 ? lines[i].Quantity : lines[i].Delivered) : lines[i].Invoiced))
                .Where(x => x.Qty > 0).ToList();
            var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == partnerId);
            var invoice = Sidig.Domain.Invoicing.Invoice.Issue(Builders.Unique("INV"), partnerId, agentId, new InvoiceParty(partner.LegalName, partner.Npwp, null, partner.Address),
                issueDate, paymentTermDays, PpnSettings.Default,
                billed.Select(x => new InvoiceLineInput(order.Id, x.ol.Id, null, x.ol.ProductId, x.ol.Sku, x.ol.ProductName, x.ol.Unit, x.Qty, x.ol.UnitPrice,
                    SalesMath.NetShare(x.ol.NetAmount, x.ol.Quantity, x.Qty), x.ol.PpnKind)).ToList(), null, Now, "test");
            order.RecordInvoiced(billed.ToDictionary(x => x.ol.Id, x => x.Qty), invoice.Total, Now, "test");
            db.SalesOrders.Add(order);
            db.Invoices.Add(invoice);
            var shipment = delivered.Select(x => new StockLine(warehouseId, x.ol.ProductId, MovementType.ShipmentOut, -x.Qty)).ToList();
            if (shipment.Count > 0)
                (await sp.GetRequiredService<StockLedger>().PostAsync(db, new StockDocument(StockLedger.DocumentDeliveryNote, Builders.Unique("DN")), shipment))
                    .Errors.ShouldBeEmpty();
            else await db.SaveChangesAsync();
            return new Billed(invoice, order, warehouseId);
        });

    /// <summary>A payment on the invoice: confirmed (finance) by default, or a partner's pending report.</summary>
    public Task<Payment> Pay(Guid invoiceId, decimal amount, DateOnly paidOn, bool confirmed = true, string? reference = null) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var invoice = await db.Invoices.SingleAsync(i => i.Id == invoiceId);
            var pending = (await db.Payments.Where(p => p.InvoiceId == invoiceId && p.Status == PaymentStatus.Pending).Select(p => p.Amount).ToListAsync()).Sum();
            var payment = Payment.Record(invoice, amount, PaymentMethod.BankTransfer, reference ?? Builders.Unique("TRF"), paidOn, Today, confirmed, pending, Now, "test");
            db.Payments.Add(payment);
            if (confirmed)
            {
                var orderIds = await db.InvoiceLines.Where(l => l.InvoiceId == invoiceId).Select(l => l.OrderId).Distinct().ToListAsync();
                foreach (var order in await db.SalesOrders.Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync())
                {
                    var invoiceIds = await db.InvoiceLines.Where(l => l.OrderId == order.Id).Select(l => l.InvoiceId).Distinct().ToListAsync();
                    var others = await db.Invoices.Where(i => invoiceIds.Contains(i.Id)).ToListAsync();
                    order.RecordSettled(others.Sum(i => i.PaidAmount + i.CreditedAmount), Now, "test");
                }
            }
            await db.SaveChangesAsync();
            return payment;
        });

    /// <summary>A distributor with a principal warehouse stocked with two products.</summary>
    public async Task<(Partner Partner, Warehouse Warehouse, Product A, Product B)> Distributor()
    {
        var partner = await Make.Partner();
        var a = await Make.Product();
        var b = await Make.Product();
        return (partner, await StockedWarehouse(a, b), a, b);
    }
}
