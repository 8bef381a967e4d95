using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// One page of invoices (newest first) with the user's open and overdue totals (over every invoice it may see, not only
/// the filtered ones). Staff see all; a partner user only its own. "Overdue" is judged with the tenant's today.
/// </summary>
public sealed record ListInvoices(
    string? Search = null, InvoiceDisplayStatus? Status = null, bool OverdueOnly = false, Guid? PartnerId = null,
    DateOnly? DueFrom = null, DateOnly? DueTo = null, int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record InvoiceListItem(
    Guid Id, string Number, DateOnly IssueDate, DateOnly DueDate, Guid PartnerId, string PartnerName, decimal Total, decimal Paid, decimal Credited,
    decimal Outstanding, InvoiceDisplayStatus Status, string? TaxInvoiceNumber, bool StampDutyRequired);

/// <summary>Outstanding = everything still open; Overdue = the part of it past its due date.</summary>
public sealed record InvoiceTotals(decimal Outstanding, decimal Overdue, int OverdueCount);

public sealed record InvoiceList(IReadOnlyList<InvoiceListItem> Items, int TotalCount, InvoiceTotals Totals);

public sealed class ListInvoicesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<Result<InvoiceList>> HandleAsync(ListInvoices query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<InvoiceList>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = db.Invoices.AsNoTracking().Visible(visible);

        var open = mine.Where(i => i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartiallyPaid);
        var openRows = await open.Select(i => new { i.Total, i.PaidAmount, i.CreditedAmount, i.DueDate }).ToListAsync(ct); // summed here: SQLite stores decimals as REAL
        var overdue = openRows.Where(r => r.DueDate < today).ToList();
        var totals = new InvoiceTotals(openRows.Sum(r => Math.Max(0, r.Total - r.PaidAmount - r.CreditedAmount)),
            overdue.Sum(r => Math.Max(0, r.Total - r.PaidAmount - r.CreditedAmount)), overdue.Count);

        var invoices = mine;
        if (query.Status is { } status) invoices = invoices.WithDisplayStatus(status, today);
        if (query.OverdueOnly) invoices = invoices.WithDisplayStatus(InvoiceDisplayStatus.Overdue, today);
        if (query.PartnerId is { } partnerId) invoices = invoices.Where(i => i.PartnerId == partnerId);
        if (query.DueFrom is { } from) invoices = invoices.Where(i => i.DueDate >= from);
        if (query.DueTo is { } to) invoices = invoices.Where(i => i.DueDate <= to);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
            invoices = invoices.Where(i => i.Number.ToUpper().Contains(s) || i.PartnerName.ToUpper().Contains(s)
                                           || (digits.Length >= 4 && i.TaxInvoiceNumber != null && i.TaxInvoiceNumber.Contains(digits)));
        }
        var total = await invoices.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(InvoiceListItem.Number), false) => invoices.OrderBy(i => i.Number),
            (nameof(InvoiceListItem.Number), true) => invoices.OrderByDescending(i => i.Number),
            (nameof(InvoiceListItem.DueDate), false) => invoices.OrderBy(i => i.DueDate).ThenBy(i => i.Number),
            (nameof(InvoiceListItem.DueDate), true) => invoices.OrderByDescending(i => i.DueDate).ThenByDescending(i => i.Number),
            (nameof(InvoiceListItem.PartnerName), false) => invoices.OrderBy(i => i.PartnerName),
            (nameof(InvoiceListItem.PartnerName), true) => invoices.OrderByDescending(i => i.PartnerName),
            (nameof(InvoiceListItem.Total), false) => invoices.OrderBy(i => i.Total),
            (nameof(InvoiceListItem.Total), true) => invoices.OrderByDescending(i => i.Total),
            (_, false) => invoices.OrderBy(i => i.IssueDate).ThenBy(i => i.Number),
            _ => invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number),
        };
        var paged = sorted.ThenBy(i => i.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var page = await paged.ToListAsync(ct);
        var items = page.Select(i => new InvoiceListItem(i.Id, i.Number, i.IssueDate, i.DueDate, i.PartnerId, i.PartnerName, i.Total, i.PaidAmount,
            i.CreditedAmount, i.Outstanding, i.DisplayStatus(today), i.TaxInvoiceNumber, i.StampDutyRequired)).ToList();
        return Result<InvoiceList>.Ok(new InvoiceList(items, total, totals));
    }
}
