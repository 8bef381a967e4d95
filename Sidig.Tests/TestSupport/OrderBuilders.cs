using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Orders;

namespace Sidig.Tests.TestSupport;

/// <summary>A distributor with its own price list, a principal warehouse with stock of the priced products.</summary>
public sealed record OrderSetup(Partner Partner, Warehouse Warehouse, IReadOnlyList<Product> Products, PriceList PriceList);

/// <summary>
/// Order-to-cash starting points for tests (any module's): priced products, stocked principal warehouses, approved orders
/// made straight through the domain (no checks, no allocation use), orders placed through the real handler as a user,
/// and invoices issued with <see cref="Invoice.Issue"/> for receivable/overdue scenarios.
/// </summary>
public sealed class OrderBuilders(SidigAppFactory app, string tenant = "demo")
{
    private readonly Builders _make = new(app, tenant);

    public Builders Basic => _make;

    /// <summary>The tenant's today (its time zone), as handlers see it.</summary>
    public Task<DateOnly> Today() => app.InTenant(tenant, sp =>
        Task.FromResult(TenantDates.Today(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TenantContext>().Tenant.TimeZoneId)));

    /// <summary>A partner's own price list valid from 30 days ago, with (product, min quantity, unit price) lines.</summary>
    public async Task<PriceList> PartnerPriceList(Guid partnerId, params (Guid ProductId, decimal MinQuantity, decimal UnitPrice)[] prices)
    {
        var today = await Today();
        var list = PriceList.Create(Builders.Unique("Harga"), PriceTier.Distributor, partnerId, today.AddDays(-30), null);
        foreach (var (productId, min, price) in prices) list.SetPrice(productId, min, price);
        await _make.Query(async db => { db.PriceLists.Add(list); return await db.SaveChangesAsync(); });
        return list;
    }

    /// <summary>
    /// A fresh distributor (credit limit Rp 100.000.000, overdue limit Rp 10.000.000), a principal warehouse and
    /// <paramref name="productCount"/> products priced at <paramref name="unitPrice"/> on the partner's list, each with
    /// <paramref name="stock"/> on hand in the warehouse.
    /// </summary>
    public async Task<OrderSetup> Setup(int productCount = 2, decimal unitPrice = 100_000m, decimal stock = 100m, PartnerType type = PartnerType.Distributor,
        Guid? parentId = null)
    {
        var partner = await _make.Partner(type, parentId);
        var warehouse = await _make.Warehouse();
        var products = new List<Product>();
        for (var i = 0; i < productCount; i++)
        {
            var p = await _make.Product();
            products.Add(p);
            if (stock > 0) (await _make.Receive(warehouse.Id, p.Id, stock)).Succeeded.ShouldBeTrue();
        }
        var list = await PartnerPriceList(partner.Id, products.Select(p => (p.Id, 1m, unitPrice)).ToArray());
        return new OrderSetup(partner, warehouse, products, list);
    }

    /// <summary>
    /// An approved order made through the domain (no checks, no allocation consumed, its own non-sequence number
    /// "SO-T-…"): lines of (product, quantity, unit price). Use it as a starting point for fulfilment and invoicing.
    /// </summary>
    public async Task<SalesOrder> ApprovedOrder(Guid partnerId, Guid warehouseId, params (Product Product, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var today = await Today();
        var order = SalesOrder.Create(Builders.Unique("SO-T"), partnerId, null, OrderSource.Staff, today, warehouseId, null, null, DateTimeOffset.UtcNow, "test");
        order.SetLines(lines.Select(l => new SalesLineInput(l.Product.Id, l.Product.Sku, l.Product.Name, l.Product.Unit, l.Quantity, l.UnitPrice, 0,
            l.Product.PpnKind)).ToList(), 0);
        order.Submit([], DateTimeOffset.UtcNow, "test");
        await _make.Query(async db => { db.SalesOrders.Add(order); return await db.SaveChangesAsync(); });
        return order;
    }

    /// <summary>Places an order through <see cref="PlaceOrderHandler"/> as the user (e-mail).</summary>
    public Task<Sidig.Domain.Common.Result<PlacedOrder>> Place(string email, PlaceOrder command) =>
        app.Handle<PlaceOrderHandler, Sidig.Domain.Common.Result<PlacedOrder>>(tenant, email, h => h.HandleAsync(command));

    /// <summary>Places and submits an order of (product, quantity) for the setup's partner from its warehouse, as the user.</summary>
    public Task<Sidig.Domain.Common.Result<PlacedOrder>> Place(string email, OrderSetup s, bool submit, params (Product Product, decimal Quantity)[] lines) =>
        Place(email, new PlaceOrder(s.Partner.Id, s.Warehouse.Id, null, null, 0, lines.Select(l => new PlaceOrderLine(l.Product.Id, l.Quantity)).ToList(),
            Submit: submit));

    /// <summary>
    /// An invoice issued with the domain for the whole of an approved order (the order records it as invoiced), dated
    /// <paramref name="issueDate"/> with <paramref name="termDays"/> days to pay; PPN by the default settings.
    /// </summary>
    public async Task<Invoice> InvoiceFor(SalesOrder order, DateOnly issueDate, int termDays = 30)
    {
        return await _make.Query(async db =>
        {
            var tracked = await db.SalesOrders.Include(o => o.Lines).FirstAsync(o => o.Id == order.Id);
            var invoice = Invoice.Issue(Builders.Unique("INV-T"), tracked.PartnerId, tracked.AgentId, new InvoiceParty("PT Uji", null, null, null),
                issueDate, termDays, PpnSettings.Default,
                tracked.Lines.Select(l => new InvoiceLineInput(tracked.Id, l.Id, null, l.ProductId, l.Sku, l.ProductName, l.Unit, l.Quantity, l.UnitPrice,
                    l.NetAmount, l.PpnKind)).ToList(), null, DateTimeOffset.UtcNow, "test");
            tracked.RecordInvoiced(tracked.Lines.ToDictionary(l => l.Id, l => l.Quantity), invoice.Total, DateTimeOffset.UtcNow, "test");
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return invoice;
        });
    }

    /// <summary>A quota for the partner and product covering the last and next 30 days.</summary>
    public async Task<Allocation> Allocation(Guid partnerId, Guid productId, decimal quantity)
    {
        var today = await Today();
        var a = Sidig.Domain.Stock.Allocation.Create(partnerId, productId, today.AddDays(-30), today.AddDays(30), quantity);
        await _make.Query(async db => { db.Allocations.Add(a); return await db.SaveChangesAsync(); });
        return a;
    }

    public Task<SalesOrder> Load(Guid orderId) =>
        _make.Query(db => db.SalesOrders.AsNoTracking().Include(o => o.Lines).Include(o => o.Approvals).Include(o => o.History)
            .AsSplitQuery().FirstAsync(o => o.Id == orderId));

    public Task<decimal> AllocationUsed(Guid allocationId) =>
        _make.Query(db => db.Allocations.Where(a => a.Id == allocationId).Select(a => a.Used).FirstAsync());
}
