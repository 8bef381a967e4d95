using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Partners;

/// <summary>
/// The partner network as a tree under the principal, each node with its direct sub-partners, warehouses, users and
/// stock value. A filter keeps the matching partners and, for context, the partners above them.
/// </summary>
public sealed record GetPartnerNetwork(PartnerType? Type = null, string? ProvinceCode = null);

public sealed record NetworkNode(
    Guid Id, string Code, string LegalName, PartnerType Type, string? ProvinceCode, bool IsActive, bool Matches,
    int SubPartners, int Warehouses, int Users, decimal StockValue, IReadOnlyList<NetworkNode> Children);

public sealed record PartnerNetwork(IReadOnlyList<NetworkNode> Roots, int PartnerCount, int MatchCount, decimal TotalStockValue, DateOnly ValuedOn);

public sealed class GetPartnerNetworkHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TenantContext tenantContext, TimeProvider clock)
{
    public async Task<Result<PartnerNetwork>> HandleAsync(GetPartnerNetwork query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewPartners)) return Result<PartnerNetwork>.Fail("Access.Denied");
        var visible = await scope.VisibleAsync(ct);
        var today = DateOnly.FromDateTime(DisplayTime.InZone(clock.GetUtcNow(), tenantContext.Tenant.TimeZoneId).DateTime);

        await using var db = await factory.CreateDbContextAsync(ct);
        var partners = await db.Partners.AsNoTracking()
            .Select(p => new { p.Id, p.Code, p.LegalName, p.Type, p.ParentId, p.ProvinceCode, p.IsActive })
            .ToListAsync(ct);
        if (visible is not null) partners = partners.Where(p => visible.Contains(p.Id)).ToList();

        var warehouses = await db.Warehouses.AsNoTracking().Where(w => w.OwnerPartnerId != null)
            .GroupBy(w => w.OwnerPartnerId).Select(g => new { PartnerId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.PartnerId, x => x.Count, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.PartnerId != null)
            .GroupBy(u => u.PartnerId).Select(g => new { PartnerId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.PartnerId, x => x.Count, ct);
        var values = await StockValuesAsync(db, today, ct);

        var byId = partners.ToDictionary(p => p.Id);
        var parentOf = partners.ToDictionary(p => p.Id, p => p.ParentId is { } parent && byId.ContainsKey(parent) ? p.ParentId : null);
        var matches = partners
            .Where(p => (query.Type is null || p.Type == query.Type) && (string.IsNullOrWhiteSpace(query.ProvinceCode) || p.ProvinceCode == query.ProvinceCode))
            .Select(p => p.Id).ToHashSet();
        var shown = matches.SelectMany(id => PartnerTree.Ancestors(id, parentOf).Append(id)).ToHashSet();
        var children = partners.Where(p => parentOf[p.Id] is not null).ToLookup(p => parentOf[p.Id]!.Value);

        NetworkNode Node(Guid id)
        {
            var p = byId[id];
            var kids = children[id].Where(c => shown.Contains(c.Id)).OrderBy(c => c.Code).Select(c => Node(c.Id)).ToList();
            return new NetworkNode(p.Id, p.Code, p.LegalName, p.Type, p.ProvinceCode, p.IsActive, matches.Contains(id),
                children[id].Count(), warehouses.GetValueOrDefault(id), users.GetValueOrDefault(id), values.GetValueOrDefault(id), kids);
        }

        var roots = partners.Where(p => parentOf[p.Id] is null && shown.Contains(p.Id)).OrderBy(p => p.Code).Select(p => Node(p.Id)).ToList();
        var total = matches.Sum(id => values.GetValueOrDefault(id));
        return Result<PartnerNetwork>.Ok(new PartnerNetwork(roots, partners.Count, matches.Count, total, today));
    }

    /// <summary>
    /// Stock value per partner: on-hand in the partner's own warehouses × the product's base price (lowest minimum
    /// quantity) in the Distributor-tier general price list valid on <paramref name="today"/> (the newest one when
    /// several are valid). A product without such a price counts as 0. One grouped query for the stock of all
    /// partners, one for the prices, joined in memory.
    /// </summary>
    public static async Task<Dictionary<Guid, decimal>> StockValuesAsync(SidigDbContext db, DateOnly today, CancellationToken ct)
    {
        var stock = await (
                from b in db.StockBalances.AsNoTracking()
                join w in db.Warehouses.AsNoTracking() on b.WarehouseId equals w.Id
                where w.OwnerPartnerId != null
                group b.OnHand by new { PartnerId = w.OwnerPartnerId!.Value, b.ProductId } into g
                select new { g.Key.PartnerId, g.Key.ProductId, OnHand = g.Sum() })
            .ToListAsync(ct);
        if (stock.Count == 0) return [];

        var candidates = await (
                from l in db.PriceListLines.AsNoTracking()
                join pl in db.PriceLists.AsNoTracking() on l.PriceListId equals pl.Id
                where pl.PartnerId == null && pl.Tier == PriceTier.Distributor && pl.IsActive
                      && pl.ValidFrom <= today && (pl.ValidTo == null || pl.ValidTo >= today)
                select new { l.ProductId, pl.ValidFrom, ListId = pl.Id, l.MinQuantity, l.UnitPrice })
            .ToListAsync(ct);
        var prices = candidates.GroupBy(c => c.ProductId).ToDictionary(
            g => g.Key,
            g => g.OrderByDescending(c => c.ValidFrom).ThenByDescending(c => c.ListId).ThenBy(c => c.MinQuantity).First().UnitPrice);

        return stock.GroupBy(s => s.PartnerId)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.OnHand * prices.GetValueOrDefault(s.ProductId)));
    }
}
