using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Invoicing;

/// <summary>Payments for finance: the pending reports to decide (oldest first) or the history (newest first), paged.</summary>
public sealed record ListPayments(
    PaymentStatus? Status = null, string? Search = null, DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 25,
    string? SortBy = null, bool Descending = true, bool All = false);

public sealed record PaymentListItem(
    Guid Id, Guid InvoiceId, string InvoiceNumber, string PartnerName, DateOnly PaidOn, PaymentMethod Method, string? Reference, decimal Amount,
    PaymentStatus Status, bool HasProof, DateTimeOffset RecordedAt, string? RecordedBy, string? DecidedBy, string? RejectReason, decimal Outstanding);

public sealed record PaymentList(IReadOnlyList<PaymentListItem> Items, int TotalCount);

public sealed class ListPaymentsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<PaymentList>> HandleAsync(ListPayments query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<PaymentList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = from p in db.Payments.AsNoTracking()
                   join i in db.Invoices on p.InvoiceId equals i.Id
                   select new
                   {
                       p.Id, p.InvoiceId, InvoiceNumber = i.Number, i.PartnerName, p.PaidOn, p.Method, p.Reference, p.Amount, p.Status,
                       HasProof = p.ProofContentType != null, p.RecordedAt, p.RecordedBy, p.DecidedBy, p.RejectReason, i.Total, i.PaidAmount, i.CreditedAmount,
                   };
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (query.From is { } from) rows = rows.Where(r => r.PaidOn >= from);
        if (query.To is { } to) rows = rows.Where(r => r.PaidOn <= to);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.InvoiceNumber.ToUpper().Contains(s) || r.PartnerName.ToUpper().Contains(s) || (r.Reference != null && r.Reference.ToUpper().Contains(s)));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(PaymentListItem.Amount), false) => rows.OrderBy(r => r.Amount),
            (nameof(PaymentListItem.Amount), true) => rows.OrderByDescending(r => r.Amount),
            (nameof(PaymentListItem.PartnerName), false) => rows.OrderBy(r => r.PartnerName),
            (nameof(PaymentListItem.PartnerName), true) => rows.OrderByDescending(r => r.PartnerName),
            (nameof(PaymentListItem.InvoiceNumber), false) => rows.OrderBy(r => r.InvoiceNumber),
            (nameof(PaymentListItem.InvoiceNumber), true) => rows.OrderByDescending(r => r.InvoiceNumber),
            (_, false) => rows.OrderBy(r => r.PaidOn).ThenBy(r => r.RecordedAt),
            _ => rows.OrderByDescending(r => r.PaidOn).ThenByDescending(r => r.RecordedAt),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = (await paged.ToListAsync(ct)).Select(r => new PaymentListItem(r.Id, r.InvoiceId, r.InvoiceNumber, r.PartnerName, r.PaidOn, r.Method,
            r.Reference, r.Amount, r.Status, r.HasProof, r.RecordedAt, r.RecordedBy, r.DecidedBy, r.RejectReason,
            Math.Max(0, r.Total - r.PaidAmount - r.CreditedAmount))).ToList();
        return Result<PaymentList>.Ok(new PaymentList(items, total));
    }
}
