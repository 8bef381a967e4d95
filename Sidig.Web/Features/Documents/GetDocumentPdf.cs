using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Documents;

public enum DocumentKind { Invoice, DeliveryNote, CreditNote }

/// <summary>A rendered business document and the file name to download it as.</summary>
public sealed record DocumentFile(string FileName, byte[] Content);

/// <param name="Origin">scheme://host of the request (the tenant's own host), for the QR code that opens the record</param>
public sealed record GetDocumentPdf(DocumentKind Kind, Guid Id, string Origin);

/// <summary>
/// Renders an invoice, delivery note or credit note as PDF for whoever may see the record: principal staff with the
/// policy, and the partner it belongs to (an agent also for the invoices of its sales). Anyone else — another partner,
/// another tenant — gets nothing, exactly as if the record did not exist.
/// </summary>
public sealed class GetDocumentPdfHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, DocumentSources sources)
{
    public async Task<DocumentFile?> HandleAsync(GetDocumentPdf q, CancellationToken ct = default)
    {
        var policy = q.Kind == DocumentKind.DeliveryNote ? Policies.ViewOrders : Policies.ViewInvoices;
        if (!await permissions.HasAsync(policy)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return q.Kind switch
        {
            DocumentKind.Invoice => await InvoiceAsync(db, q.Id, q.Origin, ct),
            DocumentKind.DeliveryNote => await DeliveryNoteAsync(db, q.Id, q.Origin, ct),
            _ => await CreditNoteAsync(db, q.Id, ct),
        };
    }

    /// <summary>Whether the signed-in user may see a document of <paramref name="partnerId"/> sold by <paramref name="agentId"/>.</summary>
    public async Task<bool> MaySeeAsync(Guid partnerId, Guid? agentId, CancellationToken ct) =>
        await scope.CanSeeAsync(partnerId, ct) || (agentId is not null && await scope.OwnPartnerAsync(ct) == agentId);

    private async Task<DocumentFile?> InvoiceAsync(SidigDbContext db, Guid id, string origin, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !await MaySeeAsync(invoice.PartnerId, invoice.AgentId, ct)) return null;
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == invoice.PartnerId, ct);
        var orderIds = invoice.Lines.Select(l => l.OrderId).Distinct().ToList();
        var noteIds = invoice.Lines.Where(l => l.DeliveryNoteId != null).Select(l => l.DeliveryNoteId!.Value).Distinct().ToList();
        var culture = sources.Culture;
        var party = sources.Party(partner) with { Name = invoice.PartnerName, Npwp = invoice.PartnerNpwp, Nitku = invoice.PartnerNitku };
        var print = new InvoicePrint
        {
            Company = await sources.CompanyAsync(db, ct), Culture = culture, Number = invoice.Number, IssueDate = invoice.IssueDate, DueDate = invoice.DueDate,
            OrderNumbers = await db.SalesOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).OrderBy(o => o.Number).Select(o => o.Number).ToListAsync(ct),
            DeliveryNoteNumbers = await db.DeliveryNotes.AsNoTracking().Where(d => noteIds.Contains(d.Id)).OrderBy(d => d.Number).Select(d => d.Number).ToListAsync(ct),
            Partner = invoice.PartnerAddress is null ? party : party with { AddressLines = [invoice.PartnerAddress, .. party.AddressLines.Skip(1)] },
            Lines = invoice.Lines.Select(l => new InvoicePrintLine(l.Sku, l.ProductName, l.Quantity, l.Unit, l.UnitPrice, l.DiscountAmount, l.NetAmount,
                l.PpnKind == PpnKind.Luxury)).ToList(),
            Subtotal = invoice.Subtotal,
            Taxes = DocumentSources.Taxes(invoice.Lines.Select(l => (l.NetAmount, l.PpnKind)), invoice.Dpp, invoice.PpnAmount, invoice.PpnRatePercent,
                invoice.PpnBaseNumerator, invoice.PpnBaseDenominator),
            Total = invoice.Total, TaxInvoiceNumber = invoice.TaxInvoiceNumber, StampDuty = invoice.StampDutyRequired,
            StatusLabel = DocumentSources.StatusLabel(invoice, culture), QrUrl = $"{origin}/invoices/{invoice.Id}",
        };
        return new DocumentFile(InvoicePdf.FileName(print), InvoicePdf.Render(print));
    }

    private async Task<DocumentFile?> DeliveryNoteAsync(SidigDbContext db, Guid id, string origin, CancellationToken ct)
    {
        var note = await db.DeliveryNotes.AsNoTracking().Include(d => d.Lines).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (note is null) return null;
        var order = await db.SalesOrders.AsNoTracking().Where(o => o.Id == note.OrderId).Select(o => new { o.Number, o.AgentId }).FirstAsync(ct);
        if (!await MaySeeAsync(note.PartnerId, order.AgentId, ct)) return null;
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == note.PartnerId, ct);
        var from = await db.Warehouses.AsNoTracking().FirstAsync(w => w.Id == note.FromWarehouseId, ct);
        var to = note.ToWarehouseId is { } t ? await db.Warehouses.AsNoTracking().FirstAsync(w => w.Id == t, ct) : null;
        var company = await sources.CompanyAsync(db, ct);
        var print = new DeliveryNotePrint
        {
            Company = company, Culture = sources.Culture, Number = note.Number, Date = note.ShipDate, OrderNumber = order.Number,
            Sender = new DocumentParty(company.LegalName, [$"{from.Name} ({from.Code})", .. sources.AddressLines(from.Address, from.RegencyCode, from.ProvinceCode, null)],
                company.Npwp, company.Phone),
            Recipient = to is null ? sources.Party(partner)
                : sources.Party(partner) with { AddressLines = [$"{to.Name} ({to.Code})", .. sources.AddressLines(to.Address, to.RegencyCode, to.ProvinceCode, null)] },
            ShippingCompany = note.ShippingCompany, VehicleNumber = note.VehicleNumber, DriverName = note.Driver, TrackingNumber = note.TrackingNumber,
            Lines = note.Lines.Select(l => new DeliveryNotePrintLine(l.Sku, l.ProductName, l.Quantity, l.Unit)).ToList(), Notes = note.Notes,
            QrUrl = $"{origin}/delivery-notes/{note.Id}",
        };
        return new DocumentFile(DeliveryNotePdf.FileName(print), DeliveryNotePdf.Render(print));
    }

    private async Task<DocumentFile?> CreditNoteAsync(SidigDbContext db, Guid id, CancellationToken ct)
    {
        var note = await db.CreditNotes.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (note is null || !await MaySeeAsync(note.PartnerId, note.AgentId, ct)) return null;
        var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == note.InvoiceId, ct);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == note.PartnerId, ct);
        var print = new CreditNotePrint
        {
            Company = await sources.CompanyAsync(db, ct), Culture = sources.Culture, Number = note.Number, Date = note.IssueDate,
            Partner = sources.Party(partner) with { Name = invoice.PartnerName, Npwp = invoice.PartnerNpwp, Nitku = invoice.PartnerNitku },
            InvoiceNumber = invoice.Number, InvoiceDate = invoice.IssueDate, TaxInvoiceNumber = invoice.TaxInvoiceNumber, Reason = note.Reason,
            Lines = note.Lines.Select(l => new CreditNotePrintLine(l.Sku, l.ProductName, l.Quantity, l.Unit,
                l.Quantity == 0 ? 0 : Domain.Orders.SalesMath.Rupiah(l.Amount / l.Quantity), l.Amount)).ToList(),
            Subtotal = note.Subtotal,
            Taxes = DocumentSources.Taxes(note.Lines.Select(l => (l.Amount, l.PpnKind)), note.Dpp, note.PpnAmount, invoice.PpnRatePercent,
                invoice.PpnBaseNumerator, invoice.PpnBaseDenominator),
            Total = note.Total,
        };
        return new DocumentFile(CreditNotePdf.FileName(print), CreditNotePdf.Render(print));
    }
}
