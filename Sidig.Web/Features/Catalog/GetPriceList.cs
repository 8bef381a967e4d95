using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Catalog;

/// <summary>A price list with its lines (each product's volume breaks), for its page.</summary>
public sealed record GetPriceList(Guid Id);

public sealed record PriceListLineItem(Guid ProductId, string Sku, string ProductName, string Unit, decimal MinQuantity, decimal UnitPrice);

public sealed record PriceListView(
    Guid Id, PriceListDetails Details, PricingPartner? Partner, IReadOnlyList<PriceListLineItem> Lines, IReadOnlyList<string> OverlapsWith);

public sealed class GetPriceListHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<PriceListView>> HandleAsync(GetPriceList query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<PriceListView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = await PriceListAudience.VisibleAsync(db, scope, ct);
        var list = await visible.Where(l => l.Id == query.Id).FirstOrDefaultAsync(ct);
        if (list is null) return Result<PriceListView>.Fail("PriceList.NotFound");
        var partner = list.PartnerId is { } partnerId
            ? await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => new PricingPartner(p.Id, p.Code, p.LegalName, p.PriceTier)).FirstOrDefaultAsync(ct)
            : null;
        var lines = await db.PriceListLines.AsNoTracking().Where(l => l.PriceListId == list.Id)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new PriceListLineItem(p.Id, p.Sku, p.Name, p.Unit, l.MinQuantity, l.UnitPrice))
            .ToListAsync(ct);
        var summaries = await visible.Select(l => new PriceListSummary(l.Id, l.Name, l.Tier, l.PartnerId, l.ValidFrom, l.ValidTo, l.IsActive)).ToListAsync(ct);
        var self = summaries.First(s => s.Id == list.Id);
        return Result<PriceListView>.Ok(new PriceListView(list.Id,
            new PriceListDetails(list.Name, list.Tier, list.PartnerId, list.ValidFrom, list.ValidTo, list.IsActive), partner,
            lines.OrderBy(l => l.Sku, StringComparer.Ordinal).ThenBy(l => l.MinQuantity).ToList(),
            PriceListAudience.OverlapsOf(self, summaries)));
    }
}
