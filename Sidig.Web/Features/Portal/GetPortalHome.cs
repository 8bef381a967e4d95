using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Portal;

/// <summary>The partner portal's home for the signed-in partner user: only its own partner's records.</summary>
public sealed record GetPortalHome(int TopStock = 10, int RecentMovements = 10);

public sealed record PortalStockItem(string WarehouseCode, string WarehouseName, string Sku, string ProductName, string Unit, decimal OnHand, decimal MinLevel)
{
    public bool IsLow => MinLevel > 0 && OnHand < MinLevel;
}

public sealed record PortalMovement(DateTimeOffset At, string WarehouseCode, string Sku, string ProductName, MovementType Type, decimal Quantity, string DocumentNumber);

public sealed record PortalAllocation(string Sku, string ProductName, string Unit, DateOnly PeriodStart, DateOnly PeriodEnd, decimal Quantity, decimal Used)
{
    public decimal Remaining => Quantity - Used;
}

/// <param name="Linked">false: a partner user not (or no longer) bound to a partner — the page says so, nothing else is shown</param>
public sealed record PortalHome(
    bool Linked, string? PartnerName, int WarehouseCount, IReadOnlyList<PortalStockItem> Stock, int StockLines, int LowStockCount,
    IReadOnlyList<PortalMovement> Movements, IReadOnlyList<PortalAllocation> Allocations)
{
    public static readonly PortalHome NotLinked = new(false, null, 0, [], 0, 0, [], []);
}

public sealed class GetPortalHomeHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<PortalHome>> HandleAsync(GetPortalHome query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PartnerPortal)) return Result<PortalHome>.Fail("Access.Denied");
        if (await scope.OwnPartnerAsync(ct) is not { } partnerId || !await scope.CanSeeAsync(partnerId, ct))
            return Result<PortalHome>.Ok(PortalHome.NotLinked);

        await using var db = await factory.CreateDbContextAsync(ct);
        var partnerName = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => p.LegalName).FirstOrDefaultAsync(ct);
        if (partnerName is null) return Result<PortalHome>.Ok(PortalHome.NotLinked);
        var warehouseIds = await db.Warehouses.AsNoTracking().Where(w => w.OwnerPartnerId == partnerId).Select(w => w.Id).ToListAsync(ct);

        // Balances of its warehouses (a partner holds tens of products, not thousands: sorted and counted here).
        var balances = await (from b in db.StockBalances.AsNoTracking()
                              join w in db.Warehouses on b.WarehouseId equals w.Id
                              join p in db.Products on b.ProductId equals p.Id
                              where warehouseIds.Contains(b.WarehouseId) && b.OnHand != 0
                              select new PortalStockItem(w.Code, w.Name, p.Sku, p.Name, p.Unit, b.OnHand, b.MinLevel ?? p.MinStockDefault))
            .ToListAsync(ct);
        var stock = balances.OrderByDescending(b => b.IsLow).ThenByDescending(b => b.OnHand).ThenBy(b => b.Sku).Take(Math.Clamp(query.TopStock, 1, 50)).ToList();
        // Low stock also counts products that ran out (on-hand 0 with a minimum level).
        var low = await (from b in db.StockBalances.AsNoTracking()
                         join p in db.Products on b.ProductId equals p.Id
                         where warehouseIds.Contains(b.WarehouseId)
                         select new { b.OnHand, Min = b.MinLevel ?? p.MinStockDefault }).ToListAsync(ct);

        var movements = await (from m in db.StockMovements.AsNoTracking()
                               join w in db.Warehouses on m.WarehouseId equals w.Id
                               join p in db.Products on m.ProductId equals p.Id
                               where warehouseIds.Contains(m.WarehouseId)
                               orderby m.Id descending // ids are time-ordered (version 7)
                               select new PortalMovement(m.At, w.Code, p.Sku, p.Name, m.Type, m.Quantity, m.DocumentNumber))
            .Take(Math.Clamp(query.RecentMovements, 1, 50)).ToListAsync(ct);

        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var allocations = await (from a in db.Allocations.AsNoTracking()
                                 join p in db.Products on a.ProductId equals p.Id
                                 where a.PartnerId == partnerId && a.PeriodEnd >= today
                                 orderby a.PeriodStart, p.Sku
                                 select new PortalAllocation(p.Sku, p.Name, p.Unit, a.PeriodStart, a.PeriodEnd, a.Quantity, a.Used))
            .Take(50).ToListAsync(ct);

        return Result<PortalHome>.Ok(new PortalHome(true, partnerName, warehouseIds.Count, stock, balances.Count,
            low.Count(b => b.Min > 0 && b.OnHand < b.Min), movements, allocations));
    }
}
