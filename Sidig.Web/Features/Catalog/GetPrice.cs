using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Catalog;

/// <summary>The price check of the UI: what <see cref="PriceLookupService"/> answers, for a user allowed to ask.</summary>
public sealed record GetPrice(Guid ProductId, Guid PartnerId, DateOnly Date, decimal Quantity);

/// <param name="Quote">null: no valid list prices the product for this partner on that date at that quantity.</param>
public sealed record PriceCheck(Guid ProductId, Guid PartnerId, PriceTier PartnerTier, PriceQuote? Quote)
{
    public decimal? Total(decimal quantity) => Quote is null ? null : Quote.UnitPrice * quantity;
}

public sealed class GetPriceHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<PriceCheck>> HandleAsync(GetPrice query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<PriceCheck>.Fail("Access.Denied");
        // A partner user prices only for its own partner (not even for partners below it).
        if (await scope.IsPartnerUserAsync(ct) && (await scope.OwnPartnerAsync(ct) != query.PartnerId || !await scope.CanSeeAsync(query.PartnerId, ct)))
            return Result<PriceCheck>.Fail("Price.PartnerNotFound", nameof(GetPrice.PartnerId));
        if (query.Quantity <= 0) return Result<PriceCheck>.Fail("Price.QuantityInvalid", nameof(GetPrice.Quantity));

        await using var db = await factory.CreateDbContextAsync(ct);
        var tier = await db.Partners.AsNoTracking().Where(p => p.Id == query.PartnerId).Select(p => (PriceTier?)p.PriceTier).FirstOrDefaultAsync(ct);
        if (tier is null) return Result<PriceCheck>.Fail("Price.PartnerNotFound", nameof(GetPrice.PartnerId));
        if (!await db.Products.AnyAsync(p => p.Id == query.ProductId, ct)) return Result<PriceCheck>.Fail("Product.NotFound", nameof(GetPrice.ProductId));
        var quote = await PriceLookupService.FindAsync(db, query.ProductId, query.PartnerId, query.Date, query.Quantity, ct);
        return Result<PriceCheck>.Ok(new PriceCheck(query.ProductId, query.PartnerId, tier.Value, quote));
    }
}
