using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Receivables;

/// <summary>
/// One page of credit notes, newest first. Staff see all, partner users their own (<see cref="CreditNoteAccess"/>).
/// <see cref="SortBy"/> is a <see cref="CreditNoteListItem"/> property name; <see cref="All"/> returns every matching row (export).
/// </summary>
public sealed record ListCreditNotes(
    string? Search = null, Guid? PartnerId = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record CreditNoteListItem(
    Guid Id, string Number, DateOnly IssueDate, Guid InvoiceId, string InvoiceNumber, Guid PartnerId, string PartnerName, string WarehouseCode,
    string Reason, decimal Total, string? CreatedBy);

public sealed record CreditNoteList(IReadOnlyList<CreditNoteListItem> Items, int TotalCount);

public sealed class ListCreditNotesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<CreditNoteList>> HandleAsync(ListCreditNotes query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<CreditNoteList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var notes = await CreditNoteAccess.VisibleAsync(db.CreditNotes.AsNoTracking(), scope, ct);
        var rows = from c in notes
                   join i in db.Invoices on c.InvoiceId equals i.Id
                   join p in db.Partners on c.PartnerId equals p.Id
                   join w in db.Warehouses on c.WarehouseId equals w.Id
                   select new { c.Id, c.Number, c.IssueDate, c.InvoiceId, InvoiceNumber = i.Number, c.PartnerId, PartnerName = p.LegalName,
                       WarehouseCode = w.Code, c.Reason, c.Total, c.CreatedBy };
        if (query.PartnerId is { } partnerId) rows = rows.Where(r => r.PartnerId == partnerId);
        if (query.From is { } from) rows = rows.Where(r => r.IssueDate >= from);
        if (query.To is { } to) rows = rows.Where(r => r.IssueDate <= to);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Number.ToUpper().Contains(s) || r.InvoiceNumber.ToUpper().Contains(s) || r.PartnerName.ToUpper().Contains(s)
                                   || r.Reason.ToUpper().Contains(s));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(CreditNoteListItem.Number), false) => rows.OrderBy(r => r.Number),
            (nameof(CreditNoteListItem.Number), true) => rows.OrderByDescending(r => r.Number),
            (nameof(CreditNoteListItem.InvoiceNumber), false) => rows.OrderBy(r => r.InvoiceNumber),
            (nameof(CreditNoteListItem.InvoiceNumber), true) => rows.OrderByDescending(r => r.InvoiceNumber),
            (nameof(CreditNoteListItem.PartnerName), false) => rows.OrderBy(r => r.PartnerName),
            (nameof(CreditNoteListItem.PartnerName), true) => rows.OrderByDescending(r => r.PartnerName),
            (_, false) => rows.OrderBy(r => r.IssueDate).ThenBy(r => r.Number),
            _ => rows.OrderByDescending(r => r.IssueDate).ThenByDescending(r => r.Number),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = await paged.Select(r => new CreditNoteListItem(r.Id, r.Number, r.IssueDate, r.InvoiceId, r.InvoiceNumber, r.PartnerId, r.PartnerName,
            r.WarehouseCode, r.Reason, r.Total, r.CreatedBy)).ToListAsync(ct);
        return Result<CreditNoteList>.Ok(new CreditNoteList(items, total));
    }
}
