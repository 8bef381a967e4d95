using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Catalog;

/// <summary>
/// One page of price lists, newest start first. <see cref="Tier"/> filters general lists of a tier and partner lists of
/// partners in that tier. <see cref="All"/> returns every matching row (for export).
/// </summary>
public sealed record ListPriceLists(
    string? Search = null, PriceTier? Tier = null, bool? PartnerLists = null, bool? IsActive = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

/// <param name="OverlapsWith">Other active lists for the same tier or partner whose validity overlaps this one's (the newer start wins).</param>
public sealed record PriceListListItem(
    Guid Id, string Name, PriceTier Tier, Guid? PartnerId, string? PartnerName, DateOnly ValidFrom, DateOnly? ValidTo, bool IsActive,
    int LineCount, IReadOnlyList<string> OverlapsWith);

public sealed record PriceListResults(IReadOnlyList<PriceListListItem> Items, int TotalCount);

public sealed class ListPriceListsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<PriceListResults>> HandleAsync(ListPriceLists query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<PriceListResults>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = await PriceListAudience.VisibleAsync(db, scope, ct);
        var summaries = await visible.Select(l => new PriceListSummary(l.Id, l.Name, l.Tier, l.PartnerId, l.ValidFrom, l.ValidTo, l.IsActive)).ToListAsync(ct);

        var lists = visible;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            lists = lists.Where(l => l.Name.ToUpper().Contains(search)
                || db.Partners.Any(p => p.Id == l.PartnerId && (p.Code.Contains(search) || p.LegalName.ToUpper().Contains(search))));
        }
        if (query.Tier is { } tier) lists = lists.Where(l => l.Tier == tier);
        if (query.PartnerLists is { } partnerLists) lists = lists.Where(l => (l.PartnerId != null) == partnerLists);
        if (query.IsActive is { } active) lists = lists.Where(l => l.IsActive == active);

        var total = await lists.CountAsync(ct);
        IOrderedQueryable<PriceList> sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(PriceListListItem.Name), false) => lists.OrderBy(l => l.Name),
            (nameof(PriceListListItem.Name), true) => lists.OrderByDescending(l => l.Name),
            (nameof(PriceListListItem.Tier), false) => lists.OrderBy(l => l.Tier),
            (nameof(PriceListListItem.Tier), true) => lists.OrderByDescending(l => l.Tier),
            (nameof(PriceListListItem.ValidTo), false) => lists.OrderBy(l => l.ValidTo),
            (nameof(PriceListListItem.ValidTo), true) => lists.OrderByDescending(l => l.ValidTo),
            (nameof(PriceListListItem.ValidFrom), false) => lists.OrderBy(l => l.ValidFrom),
            _ => lists.OrderByDescending(l => l.ValidFrom),
        };
        IQueryable<PriceList> page = sorted.ThenBy(l => l.Name).ThenBy(l => l.Id);
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            page = page.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var rows = await page
            .Select(l => new
            {
                l.Id, l.Name, l.Tier, l.PartnerId, l.ValidFrom, l.ValidTo, l.IsActive,
                PartnerName = db.Partners.Where(p => p.Id == l.PartnerId).Select(p => p.LegalName).FirstOrDefault(),
                Lines = db.PriceListLines.Count(x => x.PriceListId == l.Id),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new PriceListListItem(r.Id, r.Name, r.Tier, r.PartnerId, r.PartnerName, r.ValidFrom, r.ValidTo, r.IsActive, r.Lines,
                PriceListAudience.OverlapsOf(summaries.First(s => s.Id == r.Id), summaries)))
            .ToList();
        return Result<PriceListResults>.Ok(new PriceListResults(items, total));
    }
}
