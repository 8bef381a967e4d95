using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Allocations;

/// <summary>
/// One page of allocations (quotas). Staff with ManageAllocations see all; a partner user only its own, read-only
/// (PartnerScope). <see cref="OpenOn"/> keeps the allocations whose period has not ended by that day.
/// <see cref="All"/> returns every matching row (export).
/// </summary>
public sealed record ListAllocations(
    Guid? PartnerId = null, string? Search = null, DateOnly? OpenOn = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

public sealed record AllocationListItem(
    Guid Id, Guid PartnerId, string PartnerCode, string PartnerName, Guid ProductId, string Sku, string ProductName, string Unit,
    DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal Used)
{
    public decimal Remaining => Quantity - Used;
}

public sealed record AllocationList(IReadOnlyList<AllocationListItem> Items, int TotalCount);

public sealed class ListAllocationsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<AllocationList>> HandleAsync(ListAllocations query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageAllocations) && !await permissions.HasAsync(Policies.PartnerPortal))
            return Result<AllocationList>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = from a in db.Allocations.AsNoTracking()
                   join p in db.Partners on a.PartnerId equals p.Id
                   join pr in db.Products on a.ProductId equals pr.Id
                   select new { a.Id, a.PartnerId, PartnerCode = p.Code, PartnerName = p.LegalName, a.ProductId, pr.Sku, ProductName = pr.Name,
                       pr.Unit, a.PeriodStart, a.PeriodEnd, a.Quantity, a.Used };
        if (visible is not null) rows = rows.Where(r => visible.Contains(r.PartnerId));
        if (query.PartnerId is { } partnerId) rows = rows.Where(r => r.PartnerId == partnerId);
        if (query.OpenOn is { } day) rows = rows.Where(r => r.PeriodEnd >= day);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Sku.ToUpper().Contains(s) || r.ProductName.ToUpper().Contains(s)
                                   || r.PartnerCode.ToUpper().Contains(s) || r.PartnerName.ToUpper().Contains(s));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(AllocationListItem.Sku), false) => rows.OrderBy(r => r.Sku),
            (nameof(AllocationListItem.Sku), true) => rows.OrderByDescending(r => r.Sku),
            (nameof(AllocationListItem.PeriodStart), false) => rows.OrderBy(r => r.PeriodStart),
            (nameof(AllocationListItem.PeriodStart), true) => rows.OrderByDescending(r => r.PeriodStart),
            (nameof(AllocationListItem.PeriodEnd), false) => rows.OrderBy(r => r.PeriodEnd),
            (nameof(AllocationListItem.PeriodEnd), true) => rows.OrderByDescending(r => r.PeriodEnd),
            (_, true) => rows.OrderByDescending(r => r.PartnerName).ThenBy(r => r.Sku),
            _ => rows.OrderBy(r => r.PartnerName).ThenBy(r => r.Sku).ThenBy(r => r.PeriodStart),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = await paged.Select(r => new AllocationListItem(r.Id, r.PartnerId, r.PartnerCode, r.PartnerName, r.ProductId, r.Sku,
            r.ProductName, r.Unit, r.PeriodStart, r.PeriodEnd, r.Quantity, r.Used)).ToListAsync(ct);
        return Result<AllocationList>.Ok(new AllocationList(items, total));
    }
}
