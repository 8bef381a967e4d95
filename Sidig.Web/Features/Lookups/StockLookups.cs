using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Lookups;

/// <summary>Warehouses the user may pick (active ones, filtered by <see cref="PartnerScope"/>), for counts and sell-out.</summary>
/// <param name="PartnerOwnedOnly">only partners' warehouses (secondary stock): sell-out happens there</param>
/// <param name="PrincipalOnly">only the principal's own warehouses (primary stock): unit batches arrive there</param>
public sealed record LookupWarehouses(bool PartnerOwnedOnly = false, bool PrincipalOnly = false);

public sealed record WarehouseOption(Guid Id, string Code, string Name, Guid? OwnerPartnerId, string? PartnerName)
{
    public string Label => PartnerName is null ? $"{Code} · {Name}" : $"{Code} · {Name} ({PartnerName})";
}

public sealed class LookupWarehousesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<IReadOnlyList<WarehouseOption>>> HandleAsync(LookupWarehouses query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock) && !await permissions.HasAsync(Policies.CountStock)
            && !await permissions.HasAsync(Policies.RecordSellOut))
            return Result<IReadOnlyList<WarehouseOption>>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouses = db.Warehouses.AsNoTracking().Where(w => w.IsActive);
        if (query.PartnerOwnedOnly) warehouses = warehouses.Where(w => w.OwnerPartnerId != null);
        if (query.PrincipalOnly) warehouses = warehouses.Where(w => w.OwnerPartnerId == null);
        if (visible is not null) warehouses = warehouses.Where(w => w.OwnerPartnerId != null && visible.Contains(w.OwnerPartnerId.Value));
        var rows = await warehouses
            .OrderBy(w => w.Code)
            .Select(w => new WarehouseOption(w.Id, w.Code, w.Name, w.OwnerPartnerId,
                db.Partners.Where(p => p.Id == w.OwnerPartnerId).Select(p => p.LegalName).FirstOrDefault()))
            .Take(500)
            .ToListAsync(ct);
        return Result<IReadOnlyList<WarehouseOption>>.Ok(rows);
    }
}

/// <summary>Active products whose SKU or name contains <see cref="Search"/>; with <see cref="WarehouseId"/> also their on-hand there.</summary>
/// <param name="SerialisedOnly">only products whose units carry serials (unit batches)</param>
public sealed record LookupProducts(string? Search, Guid? WarehouseId = null, int Take = 20, bool SerialisedOnly = false);

/// <param name="IsSerialised">its stock moves as named units: the forms ask for the serials</param>
public sealed record ProductOption(Guid Id, string Sku, string Name, string Unit, decimal? OnHand, bool IsSerialised = false)
{
    public string Label => $"{Sku} · {Name}";
}

public sealed class LookupProductsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<IReadOnlyList<ProductOption>>> HandleAsync(LookupProducts query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<IReadOnlyList<ProductOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        Guid? warehouseId = null;
        if (query.WarehouseId is { } id)
        {
            var owner = await db.Warehouses.AsNoTracking().Where(w => w.Id == id).Select(w => new { w.OwnerPartnerId }).FirstOrDefaultAsync(ct);
            if (owner is null || !await scope.CanSeeAsync(owner.OwnerPartnerId, ct)) return Result<IReadOnlyList<ProductOption>>.Fail("Warehouse.NotFound");
            warehouseId = id;
        }
        var products = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (query.SerialisedOnly) products = products.Where(p => p.IsSerialised);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            products = products.Where(p => p.Sku.ToUpper().Contains(s) || p.Name.ToUpper().Contains(s));
        }
        var rows = await products.OrderBy(p => p.Sku).Take(Math.Clamp(query.Take, 1, 100))
            .Select(p => new ProductOption(p.Id, p.Sku, p.Name, p.Unit,
                warehouseId == null ? null
                    : db.StockBalances.Where(b => b.WarehouseId == warehouseId && b.ProductId == p.Id).Select(b => (decimal?)b.OnHand).FirstOrDefault() ?? 0,
                p.IsSerialised))
            .ToListAsync(ct);
        return Result<IReadOnlyList<ProductOption>>.Ok(rows);
    }
}

/// <summary>Active partners the user may see, by code or name.</summary>
public sealed record LookupPartners(string? Search, int Take = 20);

public sealed record PartnerOption(Guid Id, string Code, string Name)
{
    public string Label => $"{Code} · {Name}";
}

public sealed class LookupPartnersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<IReadOnlyList<PartnerOption>>> HandleAsync(LookupPartners query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewPartners) && !await permissions.HasAsync(Policies.ManageAllocations)
            && !await permissions.HasAsync(Policies.RecordSellOut))
            return Result<IReadOnlyList<PartnerOption>>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var partners = db.Partners.AsNoTracking().Where(p => p.IsActive);
        if (visible is not null) partners = partners.Where(p => visible.Contains(p.Id));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            partners = partners.Where(p => p.Code.ToUpper().Contains(s) || p.LegalName.ToUpper().Contains(s));
        }
        var rows = await partners.OrderBy(p => p.Code).Take(Math.Clamp(query.Take, 1, 100))
            .Select(p => new PartnerOption(p.Id, p.Code, p.LegalName)).ToListAsync(ct);
        return Result<IReadOnlyList<PartnerOption>>.Ok(rows);
    }
}
