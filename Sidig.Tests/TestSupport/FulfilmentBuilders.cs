using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Delivery;
using Sidig.Web.Features.Invoicing;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Approved orders made straight through the domain (no order handlers), and delivery notes, invoices and payments made
/// through the real fulfilment handlers, as the warehouse and finance users of the demo tenant.
/// </summary>
public sealed class FulfilmentBuilders(SidigAppFactory app, string tenant = "demo")
{
    public const string Warehouse = "warehouse@demo.test", Finance = "finance@demo.test";

    public Builders Make { get; } = new(app, tenant);

    /// <summary>Today in the demo tenant's time zone (Asia/Jakarta).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    public sealed record Scenario(Partner Partner, Sidig.Domain.Stock.Warehouse From, Sidig.Domain.Stock.Warehouse? To, Product Product, Product Other);

    /// <summary>A principal warehouse holding <paramref name="stock"/> of two products, and a partner (a distributor with its own warehouse by default).</summary>
    public async Task<Scenario> ScenarioAsync(decimal stock = 100, PartnerType type = PartnerType.Distributor, bool partnerWarehouse = true)
    {
        var partner = await Make.Partner(type);
        var from = await Make.Warehouse();
        var to = partnerWarehouse ? await Make.Warehouse(partner.Id) : null;
        var product = await Make.Product();
        var other = await Make.Product();
        if (stock > 0)
        {
            (await Make.Receive(from.Id, product.Id, stock)).Errors.ShouldBeEmpty();
            (await Make.Receive(from.Id, other.Id, stock)).Errors.ShouldBeEmpty();
        }
        return new Scenario(partner, from, to, product, other);
    }

    /// <summary>A distributor with NPWP and NITKU and 14 days' payment terms (for the invoice's party snapshot and due date).</summary>
    public Task<Partner> PartnerWithTaxIds() =>
        app.InTenant(tenant, async sp =>
        {
            var code = Builders.Unique("PKP");
            var partner = Partner.Create(new PartnerDetails(code, "PT Distributor Pajak " + code, PartnerType.Distributor, null, PriceTier.Distributor,
                "0013456789012345", "0013456789012345000001", "Jl. Faktur No. 9", "31", null, "10110", null, null, null, ["31"], 14, 1_000_000_000m, 0, null),
                sp.GetRequiredService<Sidig.Infrastructure.Reference.IndonesianAreas>(), []);
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            return partner;
        });

    /// <summary>An order created, priced and submitted with no failed checks (approved at once), saved with a context.</summary>
    public Task<SalesOrder> ApprovedOrder(Guid partnerId, Guid warehouseId, params (Product Product, decimal Quantity, decimal Price, decimal Discount)[] lines) =>
        app.InTenant(tenant, async sp =>
        {
            var now = DateTimeOffset.UtcNow;
            var order = SalesOrder.Create(Builders.Unique("SO"), partnerId, null, OrderSource.Staff, Today, warehouseId, "PO-UJI", null, now, "test");
            order.SetLines(lines.Select(l => new SalesLineInput(l.Product.Id, l.Product.Sku, l.Product.Name, l.Product.Unit, l.Quantity, l.Price, l.Discount,
                l.Product.PpnKind)).ToList(), 0);
            order.Submit([], now, "test");
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.SalesOrders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });

    public Task<SalesOrder> Order(Guid orderId) =>
        Make.Query(db => db.SalesOrders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).SingleAsync(o => o.Id == orderId));

    public Task<DeliveryNote> Note(Guid noteId) => Make.Query(db => db.DeliveryNotes.AsNoTracking().Include(n => n.Lines).SingleAsync(n => n.Id == noteId));

    public Task<Invoice> Invoice(Guid invoiceId) => Make.Query(db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == invoiceId));

    public static CreateDeliveryNote NoteFor(SalesOrder order, params decimal[] quantities) =>
        new(order.Id, Today, "JNE Cargo", "b 1234  xyz", "Pak Joko", "JNE-0001", null,
            order.Lines.Select((l, i) => new DeliveryLineInput(l.Id, i < quantities.Length ? quantities[i] : null)).ToList());

    public Task<Result<CreatedDeliveryNote>> CreateNote(CreateDeliveryNote command, string email = Warehouse) =>
        app.Handle<CreateDeliveryNoteHandler, Result<CreatedDeliveryNote>>(tenant, email, h => h.HandleAsync(command));

    public Task<Result> Ship(Guid noteId, string email = Warehouse) =>
        app.Handle<ShipDeliveryNoteHandler, Result>(tenant, email, h => h.HandleAsync(new ShipDeliveryNote(noteId)));

    public Task<Result> Deliver(Guid noteId, DateOnly on, string receivedBy = "Ibu Sari", string email = Warehouse) =>
        app.Handle<MarkDeliveryNoteDeliveredHandler, Result>(tenant, email, h => h.HandleAsync(new MarkDeliveryNoteDelivered(noteId, on, receivedBy)));

    /// <summary>A note of the given quantities (per order line, in order) created and shipped; fails the test when refused.</summary>
    public async Task<Guid> ShippedNote(SalesOrder order, params decimal[] quantities)
    {
        var created = await CreateNote(NoteFor(order, quantities));
        created.Errors.ShouldBeEmpty();
        (await Ship(created.Value!.Id)).Errors.ShouldBeEmpty();
        return created.Value.Id;
    }

    public Task<Result<IssuedInvoice>> Issue(IssueInvoice command, string email = Finance) =>
        app.Handle<IssueInvoiceHandler, Result<IssuedInvoice>>(tenant, email, h => h.HandleAsync(command));

    public Task<Result<Guid>> Pay(Guid invoiceId, decimal amount, string email = Finance, string reference = "TRF-1") =>
        app.Handle<RecordPaymentHandler, Result<Guid>>(tenant, email, h => h.HandleAsync(new RecordPayment(
            new PaymentInput(invoiceId, amount, PaymentMethod.BankTransfer, reference, Today))));

    public Task<Result<Guid>> Report(Guid invoiceId, decimal amount, string email, byte[]? proof = null) =>
        app.Handle<ReportPaymentHandler, Result<Guid>>(tenant, email, h => h.HandleAsync(new ReportPayment(
            new PaymentInput(invoiceId, amount, PaymentMethod.BankTransfer, "TRF-MITRA", Today, proof ?? TestImages.Png, "bukti.png"))));

    /// <summary>The tenant's invoice basis (a settings row is created when missing).</summary>
    public Task SetBasis(InvoiceBasis basis) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var settings = await db.SalesSettings.FirstOrDefaultAsync();
            if (settings is null) db.SalesSettings.Add(settings = SalesSettings.CreateDefault());
            settings.Update(settings.DiscountApprovalPercent, settings.InvoiceNumberPattern, basis, settings.RemindersEnabled, settings.ReminderDaysBefore,
                settings.RemindOnDueDate, settings.ReminderDaysAfter);
            await db.SaveChangesAsync();
        });
}
