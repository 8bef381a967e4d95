using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Receivables;

/// <summary>One credit note with its lines, for its page (and later its print). A note the user may not see is "not found".</summary>
public sealed record GetCreditNote(Guid Id);

public sealed record CreditNoteLineView(string Sku, string ProductName, string Unit, decimal Quantity, decimal Amount);

public sealed record CreditNoteView(
    Guid Id, string Number, DateOnly IssueDate, Guid InvoiceId, string InvoiceNumber, DateOnly InvoiceDate, Guid PartnerId, string PartnerName,
    string? PartnerNpwp, string? PartnerAddress, string WarehouseCode, string WarehouseName, string Reason,
    decimal Subtotal, decimal Dpp, decimal PpnAmount, decimal Total, DateTimeOffset CreatedAt, string? CreatedBy, IReadOnlyList<CreditNoteLineView> Lines);

public sealed class GetCreditNoteHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<CreditNoteView>> HandleAsync(GetCreditNote query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<CreditNoteView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var notes = await CreditNoteAccess.VisibleAsync(db.CreditNotes.AsNoTracking(), scope, ct);
        var view = await (from c in notes.Where(c => c.Id == query.Id)
                          join i in db.Invoices on c.InvoiceId equals i.Id
                          join w in db.Warehouses on c.WarehouseId equals w.Id
                          select new CreditNoteView(c.Id, c.Number, c.IssueDate, c.InvoiceId, i.Number, i.IssueDate, c.PartnerId, i.PartnerName,
                              i.PartnerNpwp, i.PartnerAddress, w.Code, w.Name, c.Reason, c.Subtotal, c.Dpp, c.PpnAmount, c.Total, c.CreatedAt, c.CreatedBy,
                              new List<CreditNoteLineView>()))
            .FirstOrDefaultAsync(ct);
        if (view is null) return Result<CreditNoteView>.Fail("CreditNote.NotFound");
        var lines = await db.CreditNoteLines.AsNoTracking().Where(l => l.CreditNoteId == view.Id).OrderBy(l => l.Sku)
            .Select(l => new CreditNoteLineView(l.Sku, l.ProductName, l.Unit, l.Quantity, l.Amount)).ToListAsync(ct);
        return Result<CreditNoteView>.Ok(view with { Lines = lines });
    }
}
