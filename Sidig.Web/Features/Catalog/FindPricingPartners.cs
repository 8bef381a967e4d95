using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Catalog;

/// <summary>Partners for the price list and price check pickers, by code or name (staff: every partner; partner users: their own).</summary>
public sealed record FindPricingPartners(string? Search, int Take = 20);

public sealed record PricingPartner(Guid Id, string Code, string LegalName, PriceTier Tier)
{
    public override string ToString() => $"{Code} · {LegalName}";
}

public sealed class FindPricingPartnersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<IReadOnlyList<PricingPartner>>> HandleAsync(FindPricingPartners query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<IReadOnlyList<PricingPartner>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var partners = db.Partners.AsNoTracking();
        if (await scope.IsPartnerUserAsync(ct))
        {
            var own = await scope.OwnPartnerAsync(ct);
            partners = partners.Where(p => p.Id == own);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            partners = partners.Where(p => p.Code.Contains(search) || p.LegalName.ToUpper().Contains(search));
        }
        var items = await partners.OrderBy(p => p.Code).Take(Math.Clamp(query.Take, 1, 50))
            .Select(p => new PricingPartner(p.Id, p.Code, p.LegalName, p.PriceTier)).ToListAsync(ct);
        return Result<IReadOnlyList<PricingPartner>>.Ok(items);
    }
}
