using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Catalog;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>
/// Answers "the unit price of product P for partner X on date D at quantity Q" from the database, with the rules of
/// <see cref="PriceLookup"/>: the partner's own valid list wins over its tier's general list; within the winning list
/// the volume break with the largest minimum quantity not above Q; of two valid lists of the same kind, the one that
/// started last. Inactive lists are ignored; validity dates are inclusive calendar days (the tenant's dates).
/// <para>
/// This service does no permission check: it is the building block for orders and quotations, whose own handlers
/// decide who may price what. The UI goes through <see cref="GetPriceHandler"/> instead.
/// </para>
/// </summary>
public sealed class PriceLookupService(IDbContextFactory<SidigDbContext> factory)
{
    /// <summary>The price, or null when no valid list prices the product for the partner (or the partner does not exist, or Q ≤ 0).</summary>
    public async Task<PriceQuote?> FindAsync(Guid productId, Guid partnerId, DateOnly date, decimal quantity, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await FindAsync(db, productId, partnerId, date, quantity, ct);
    }

    /// <summary>The same inside a context the caller already has (e.g. in an order's transaction).</summary>
    public static async Task<PriceQuote?> FindAsync(SidigDbContext db, Guid productId, Guid partnerId, DateOnly date, decimal quantity,
        CancellationToken ct = default)
    {
        var prices = await FindManyAsync(db, partnerId, date, [new PriceRequest(productId, quantity)], ct);
        return prices.GetValueOrDefault(productId);
    }

    /// <summary>
    /// Prices several products at once for one partner and date (an order's lines), in one query. Products without a
    /// price are missing from the answer. When a product appears twice, the last request's quantity counts.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, PriceQuote>> FindManyAsync(SidigDbContext db, Guid partnerId, DateOnly date,
        IReadOnlyCollection<PriceRequest> requests, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, PriceQuote>();
        var wanted = requests.Where(r => r.Quantity > 0).GroupBy(r => r.ProductId).ToDictionary(g => g.Key, g => g.Last().Quantity);
        if (wanted.Count == 0) return result;
        var tier = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => (PriceTier?)p.PriceTier).FirstOrDefaultAsync(ct);
        if (tier is null) return result;

        var productIds = wanted.Keys.ToList();
        var candidates = await (
                from l in db.PriceLists.AsNoTracking()
                where l.IsActive && l.ValidFrom <= date && (l.ValidTo == null || l.ValidTo >= date)
                      && (l.PartnerId == partnerId || (l.PartnerId == null && l.Tier == tier))
                from line in db.PriceListLines.Where(x => x.PriceListId == l.Id && productIds.Contains(x.ProductId))
                select new { line.ProductId, Candidate = new PriceCandidate(l.Id, l.Name, l.PartnerId, l.Tier, l.ValidFrom, l.ValidTo, line.MinQuantity, line.UnitPrice) })
            .ToListAsync(ct);
        foreach (var group in candidates.GroupBy(c => c.ProductId))
        {
            if (PriceLookup.Find(group.Select(g => g.Candidate), partnerId, tier.Value, date, wanted[group.Key]) is { } quote)
                result[group.Key] = quote;
        }
        return result;
    }
}

/// <summary>One product and quantity to price.</summary>
public sealed record PriceRequest(Guid ProductId, decimal Quantity);
