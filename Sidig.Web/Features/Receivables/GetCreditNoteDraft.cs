using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Receivables;

/// <summary>What a return against an invoice may take: each line's returnable quantity and the warehouses the goods may go back into.</summary>
public sealed record GetCreditNoteDraft(Guid InvoiceId);

/// <param name="IsSerialised">the return names the units coming back (their serials)</param>
/// <param name="Returnable">at most: invoiced − already returned on this line, and delivered − already returned on its order line</param>
public sealed record ReturnableLine(
    Guid InvoiceLineId, string Sku, string ProductName, string Unit, decimal Invoiced, decimal Returned, decimal Delivered, decimal Returnable,
    decimal UnitNet, bool IsSerialised = false);

public sealed record CreditNoteDraft(
    Guid InvoiceId, string InvoiceNumber, DateOnly InvoiceDate, Guid PartnerId, string PartnerName, decimal InvoiceTotal, decimal CreditedAmount,
    IReadOnlyList<ReturnableLine> Lines, IReadOnlyList<WarehouseOption> Warehouses, DateOnly Today)
{
    public bool CanReturn => Lines.Any(l => l.Returnable > 0);
}

public sealed class GetCreditNoteDraftHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<CreditNoteDraft>> HandleAsync(GetCreditNoteDraft query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<CreditNoteDraft>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == query.InvoiceId, ct);
        if (invoice is null) return Result<CreditNoteDraft>.Fail("CreditNote.InvoiceNotFound");
        if (invoice.Status == InvoiceStatus.Cancelled) return Result<CreditNoteDraft>.Fail("CreditNote.InvoiceCancelled");
        var orderLineIds = invoice.Lines.Select(l => l.OrderLineId).Distinct().ToList();
        var orderLines = await db.OrderLines.AsNoTracking().Where(l => orderLineIds.Contains(l.Id))
            .Select(l => new { l.Id, l.DeliveredQuantity, l.ReturnedQuantity }).ToDictionaryAsync(l => l.Id, ct);
        var serialised = await Sidig.Infrastructure.Stock.UnitSerials.SerialisedAsync(db, invoice.Lines.Select(l => l.ProductId), ct);
        var lines = invoice.Lines.OrderBy(l => l.Sku).Select(l =>
        {
            var ol = orderLines.GetValueOrDefault(l.OrderLineId);
            var deliveredLeft = ol is null ? 0 : ol.DeliveredQuantity - ol.ReturnedQuantity;
            var returnable = Math.Max(0, Math.Min(l.Quantity - l.ReturnedQuantity, deliveredLeft));
            return new ReturnableLine(l.Id, l.Sku, l.ProductName, l.Unit, l.Quantity, l.ReturnedQuantity, ol?.DeliveredQuantity ?? 0, returnable,
                l.Quantity == 0 ? 0 : l.NetAmount / l.Quantity, serialised.Contains(l.ProductId));
        }).ToList();
        var warehouses = await CreditNoteWarehouses.ForPartnerAsync(db, invoice.PartnerId, ct);
        return Result<CreditNoteDraft>.Ok(new CreditNoteDraft(invoice.Id, invoice.Number, invoice.IssueDate, invoice.PartnerId, invoice.PartnerName,
            invoice.Total, invoice.CreditedAmount, lines, warehouses, TenantDates.Today(clock, tenant.Tenant.TimeZoneId)));
    }
}

/// <summary>Returned goods go back into one of the principal's warehouses or into the buying partner's own.</summary>
internal static class CreditNoteWarehouses
{
    public static async Task<IReadOnlyList<WarehouseOption>> ForPartnerAsync(SidigDbContext db, Guid partnerId, CancellationToken ct) =>
        await db.Warehouses.AsNoTracking().Where(w => w.IsActive && (w.OwnerPartnerId == null || w.OwnerPartnerId == partnerId))
            .OrderBy(w => w.OwnerPartnerId != null).ThenBy(w => w.Code)
            .Select(w => new WarehouseOption(w.Id, w.Code, w.Name, w.OwnerPartnerId,
                db.Partners.Where(p => p.Id == w.OwnerPartnerId).Select(p => p.LegalName).FirstOrDefault()))
            .ToListAsync(ct);
}
