using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Invoicing;

public sealed record IssuedInvoice(Guid Id, string Number, decimal Total);

/// <summary>
/// Issues an invoice in one transaction (the permission is the caller's business: <see cref="IssueInvoiceHandler"/>, the
/// benchmark). The orders billed (then the delivery notes) are locked first and read after the lock, so two issues of the
/// same note or order queue up and the second is refused; the number is the next of the tenant's gapless "Invoice"
/// sequence in the pattern's period, taken under that row's lock in the same transaction (ADR 0006).
/// </summary>
public sealed class InvoiceIssuer(TimeProvider clock, TenantContext tenant, CurrentUser user, IndonesianAreas areas)
{
    public const string SequenceName = "Invoice";

    public async Task<Result<IssuedInvoice>> IssueAsync(SidigDbContext db, IssueInvoice command, CancellationToken ct = default)
    {
        var settings = await db.SalesSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? SalesSettings.CreateDefault();
        var byOrder = command.OrderId is not null;
        if (byOrder && command.DeliveryNoteIds.Count > 0) return Result<IssuedInvoice>.Fail("Invoice.BasisMismatch");
        if (byOrder != (settings.InvoiceBasis == InvoiceBasis.Order)) return Result<IssuedInvoice>.Fail("Invoice.BasisMismatch");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var now = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lines = new List<InvoiceLineInput>();
        List<DeliveryNote> notes = [];
        List<SalesOrder> orders;
        if (byOrder)
        {
            await RowLocks.LockAsync<SalesOrder>(db, [command.OrderId!.Value], ct);
            orders = await db.SalesOrders.Include(o => o.Lines).Where(o => o.Id == command.OrderId).ToListAsync(ct);
            if (orders.Count == 0) return Result<IssuedInvoice>.Fail("Order.NotFound");
            var order = orders[0];
            if (!order.IsReleased || order.Status is OrderStatus.Cancelled or OrderStatus.Returned) return Result<IssuedInvoice>.Fail("Order.NotApproved");
            var billed = await BilledNetsAsync(db, [order.Id], ct);
            foreach (var l in order.Lines.OrderBy(l => l.Sku))
                if (l.Quantity - l.InvoicedQuantity is var open and > 0) lines.Add(Line(order, l, open, null, billed));
        }
        else
        {
            var ids = command.DeliveryNoteIds.Distinct().ToList();
            if (ids.Count == 0) return Result<IssuedInvoice>.Fail("Invoice.NothingToInvoice");
            var orderIds = await db.DeliveryNotes.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(n => n.OrderId).Distinct().ToListAsync(ct);
            await RowLocks.LockAsync<SalesOrder>(db, orderIds, ct);
            await RowLocks.LockAsync<DeliveryNote>(db, ids, ct);
            notes = await db.DeliveryNotes.Include(n => n.Lines).Where(n => ids.Contains(n.Id)).OrderBy(n => n.Number).ToListAsync(ct);
            if (notes.Count != ids.Count) return Result<IssuedInvoice>.Fail("Delivery.NotFound");
            if (notes.Select(n => n.PartnerId).Distinct().Count() > 1) return Result<IssuedInvoice>.Fail("Invoice.MixedPartners");
            if (notes.FirstOrDefault(n => n.InvoiceId is not null) is { } billedNote)
                return Result<IssuedInvoice>.Fail([new Error("Invoice.DeliveryNoteAlreadyInvoiced", null, billedNote.Number)]);
            if (notes.FirstOrDefault(n => n.Status is not (DeliveryNoteStatus.Shipped or DeliveryNoteStatus.Delivered)) is { } draft)
                return Result<IssuedInvoice>.Fail([new Error("Invoice.DeliveryNoteNotShipped", null, draft.Number)]);
            orders = await db.SalesOrders.Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
            var billed = await BilledNetsAsync(db, orderIds, ct);
            foreach (var note in notes)
            {
                var order = orders.First(o => o.Id == note.OrderId);
                foreach (var nl in note.Lines.OrderBy(l => l.Sku)) lines.Add(Line(order, order.Line(nl.OrderLineId), nl.Quantity, note.Id, billed));
            }
        }
        if (lines.Count == 0) return Result<IssuedInvoice>.Fail("Invoice.NothingToInvoice");
        if (orders.Select(o => o.AgentId).Distinct().Count() > 1) return Result<IssuedInvoice>.Fail("Invoice.MixedAgents");

        var partnerId = orders[0].PartnerId;
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
        var profile = await db.CompanyProfiles.AsNoTracking().Include(c => c.BankAccounts).FirstOrDefaultAsync(ct);
        var bank = profile is null || profile.BankAccounts.Count == 0 ? null
            : string.Join("\n", profile.BankAccounts.Select(a => $"{a.BankName} {a.AccountNumber} a.n. {a.AccountHolder}"));
        var address = string.Join(", ", new[] { partner.Address, areas.RegencyName(partner.RegencyCode), areas.ProvinceName(partner.ProvinceCode), partner.PostalCode }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        Invoice invoice;
        try
        {
            var period = NumberPattern.Period(settings.InvoiceNumberPattern, today);
            var counter = await NumberSequences.NextAsync(db, SequenceName, period, ct);
            invoice = Invoice.Issue(NumberPattern.Format(settings.InvoiceNumberPattern, today, counter), partnerId, orders[0].AgentId,
                new InvoiceParty(partner.LegalName, partner.Npwp, partner.Nitku, address.Length == 0 ? null : address), today, partner.PaymentTermDays,
                profile?.Ppn ?? PpnSettings.Default, lines, bank, now, user.UserName);
            var shares = InvoiceShares.ByOrder(invoice);
            foreach (var order in orders)
            {
                var quantities = lines.Where(l => l.OrderId == order.Id).GroupBy(l => l.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
                order.RecordInvoiced(quantities, shares.GetValueOrDefault(order.Id), now, user.UserName);
            }
            foreach (var note in notes) note.AttachInvoice(invoice.Id);
        }
        catch (DomainException e)
        {
            return Result<IssuedInvoice>.Fail(e.Code);
        }
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<IssuedInvoice>.Ok(new IssuedInvoice(invoice.Id, invoice.Number, invoice.Total));
    }

    /// <summary>Net already billed per order line (earlier invoices), grown as lines are added to this one.</summary>
    private static async Task<Dictionary<Guid, (decimal Quantity, decimal Net)>> BilledNetsAsync(SidigDbContext db, IReadOnlyCollection<Guid> orderIds, CancellationToken ct)
    {
        var rows = await db.InvoiceLines.AsNoTracking()
            .Where(l => orderIds.Contains(l.OrderId) && db.Invoices.Any(i => i.Id == l.InvoiceId && i.Status != InvoiceStatus.Cancelled))
            .Select(l => new { l.OrderLineId, l.Quantity, l.NetAmount }).ToListAsync(ct);
        return rows.GroupBy(r => r.OrderLineId).ToDictionary(g => g.Key, g => (g.Sum(r => r.Quantity), g.Sum(r => r.NetAmount)));
    }

    /// <summary>
    /// The line's share of the order line's net (<see cref="SalesMath.NetShare"/>); the part that completes the line takes
    /// what is left of its net, so partial invoices of a line always add up to the order line exactly.
    /// </summary>
    private static InvoiceLineInput Line(SalesOrder order, OrderLine l, decimal quantity, Guid? noteId, Dictionary<Guid, (decimal Quantity, decimal Net)> billed)
    {
        var before = billed.GetValueOrDefault(l.Id);
        var net = before.Quantity + quantity >= l.Quantity ? l.NetAmount - before.Net : SalesMath.NetShare(l.NetAmount, l.Quantity, quantity);
        billed[l.Id] = (before.Quantity + quantity, before.Net + net);
        return new InvoiceLineInput(order.Id, l.Id, noteId, l.ProductId, l.Sku, l.ProductName, l.Unit, quantity, l.UnitPrice, Math.Max(0, net), l.PpnKind);
    }
}
