using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Catalog;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Catalog;

/// <summary>
/// Which price lists a user may read: principal staff all of them; a partner user only its own partner's lists and
/// the general lists of its partner's tier (never another partner's prices or another tier's).
/// </summary>
public static class PriceListAudience
{
    public static async Task<IQueryable<PriceList>> VisibleAsync(SidigDbContext db, PartnerScope scope, CancellationToken ct)
    {
        IQueryable<PriceList> lists = db.PriceLists.AsNoTracking();
        if (!await scope.IsPartnerUserAsync(ct)) return lists;
        var own = await scope.OwnPartnerAsync(ct);
        if (own is not { } partnerId || !await scope.CanSeeAsync(partnerId, ct)) return lists.Where(_ => false);
        var tier = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.PriceTier).FirstAsync(ct);
        return lists.Where(l => l.PartnerId == partnerId || (l.PartnerId == null && l.Tier == tier));
    }

    /// <summary>Two active lists for the same audience (one partner, or one tier's general list) whose validity overlaps.</summary>
    public static bool Overlap(PriceListSummary a, PriceListSummary b) =>
        a.Id != b.Id && a.IsActive && b.IsActive && a.PartnerId == b.PartnerId && (a.PartnerId is not null || a.Tier == b.Tier)
        && a.ValidFrom <= (b.ValidTo ?? DateOnly.MaxValue) && b.ValidFrom <= (a.ValidTo ?? DateOnly.MaxValue);

    public static IReadOnlyList<string> OverlapsOf(PriceListSummary list, IEnumerable<PriceListSummary> all) =>
        all.Where(o => Overlap(list, o)).OrderByDescending(o => o.ValidFrom).Select(o => o.Name).ToList();
}

/// <summary>A price list's header as the overlap check sees it.</summary>
public sealed record PriceListSummary(Guid Id, string Name, PriceTier Tier, Guid? PartnerId, DateOnly ValidFrom, DateOnly? ValidTo, bool IsActive);
