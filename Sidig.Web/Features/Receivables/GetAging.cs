using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Receivables;

/// <summary>
/// The aging report: per partner what is open on <see cref="AsOf"/> (default: the tenant's today), split by days
/// overdue. Rows are aggregates, so filtering, sorting and paging happen after they are computed (still on the server).
/// <see cref="SortBy"/> is an <see cref="AgingRow"/> property name (or a bucket name); <see cref="All"/> returns every row (export).
/// </summary>
public sealed record GetAging(
    DateOnly? AsOf = null, string? Search = null, bool OverdueOnly = false,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record AgingRow(
    Guid PartnerId, string PartnerCode, string PartnerName, int OpenInvoices, decimal Current, decimal Days1To30, decimal Days31To60,
    decimal Days61To90, decimal Over90, decimal Total, decimal Overdue);

public sealed record AgingReport(DateOnly AsOf, IReadOnlyList<AgingRow> Items, int TotalCount, AgingBuckets Totals);

public sealed class GetAgingHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<Result<AgingReport>> HandleAsync(GetAging query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<AgingReport>.Fail("Access.Denied");
        var asOf = query.AsOf ?? TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        await using var db = await factory.CreateDbContextAsync(ct);
        var facts = await ReceivableFacts.LoadAsync(db, null, asOf, ct);
        var byPartner = facts.OpenInvoices(asOf).GroupBy(x => x.Invoice.PartnerId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(x => x.Open > 0), Buckets: g.Aggregate(AgingBuckets.Zero, (b, x) => b.Add(x.DaysOverdue, x.Open))));
        var ids = byPartner.Keys.ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.LegalName }).ToListAsync(ct);

        IEnumerable<AgingRow> rows = partners.Select(p =>
        {
            var (count, b) = byPartner[p.Id];
            return new AgingRow(p.Id, p.Code, p.LegalName, count, b.Current, b.Days1To30, b.Days31To60, b.Days61To90, b.Over90, b.Total, b.Overdue);
        });
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            rows = rows.Where(r => r.PartnerCode.Contains(s, StringComparison.OrdinalIgnoreCase) || r.PartnerName.Contains(s, StringComparison.OrdinalIgnoreCase));
        }
        if (query.OverdueOnly) rows = rows.Where(r => r.Overdue > 0);
        var filtered = rows.ToList();
        var totals = filtered.Aggregate(AgingBuckets.Zero, (t, r) => t.Plus(new AgingBuckets(r.Current, r.Days1To30, r.Days31To60, r.Days61To90, r.Over90)));

        Func<AgingRow, object> key = query.SortBy switch
        {
            nameof(AgingRow.PartnerCode) => r => r.PartnerCode,
            nameof(AgingRow.PartnerName) => r => r.PartnerName,
            nameof(AgingRow.Current) => r => r.Current,
            nameof(AgingRow.Days1To30) => r => r.Days1To30,
            nameof(AgingRow.Days31To60) => r => r.Days31To60,
            nameof(AgingRow.Days61To90) => r => r.Days61To90,
            nameof(AgingRow.Over90) => r => r.Over90,
            nameof(AgingRow.Overdue) => r => r.Overdue,
            _ => r => r.Total,
        };
        var sorted = (query.Descending ? filtered.OrderByDescending(key) : filtered.OrderBy(key)).ThenBy(r => r.PartnerCode, StringComparer.Ordinal);
        IEnumerable<AgingRow> page = sorted;
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            page = page.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        return Result<AgingReport>.Ok(new AgingReport(asOf, page.ToList(), filtered.Count, totals));
    }
}
