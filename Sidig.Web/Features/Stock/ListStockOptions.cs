using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>What the stock pages offer in their pickers and filters: visible warehouses and partners, categories.</summary>
public sealed record ListStockOptions;

public sealed record WarehouseOption(Guid Id, string Code, string Name, Guid? OwnerPartnerId, bool IsActive)
{
    public bool IsPrimary => OwnerPartnerId is null;
    public override string ToString() => $"{Code} · {Name}";
}

public sealed record PartnerOption(Guid Id, string Code, string Name)
{
    public override string ToString() => $"{Code} · {Name}";
}

public sealed record CategoryOption(Guid Id, string Code, string Name);

public sealed record StockOptions(IReadOnlyList<WarehouseOption> Warehouses, IReadOnlyList<PartnerOption> Partners, IReadOnlyList<CategoryOption> Categories);

public sealed class ListStockOptionsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<StockOptions>> HandleAsync(ListStockOptions query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<StockOptions>.Fail("Access.Denied");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouses = await db.Warehouses.AsNoTracking().Visible(partners).OrderBy(w => w.Code)
            .Select(w => new WarehouseOption(w.Id, w.Code, w.Name, w.OwnerPartnerId, w.IsActive)).ToListAsync(ct);
        var partnerRows = db.Partners.AsNoTracking();
        if (partners is not null) partnerRows = partnerRows.Where(p => partners.Contains(p.Id));
        var partnerOptions = await partnerRows.OrderBy(p => p.Code).Select(p => new PartnerOption(p.Id, p.Code, p.LegalName)).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CategoryOption(c.Id, c.Code, c.Name)).ToListAsync(ct);
        return Result<StockOptions>.Ok(new StockOptions(warehouses, partnerOptions, categories));
    }
}

/// <summary>Products for a picker, by SKU or name (at most 20).</summary>
public sealed record SearchStockProducts(string? Text, int Take = 20);

/// <param name="IsSerialised">its stock moves as named units: the forms ask for the serials</param>
public sealed record ProductOption(Guid Id, string Sku, string Name, string Unit, bool IsSerialised = false)
{
    public override string ToString() => $"{Sku} · {Name}";
}

public sealed class SearchStockProductsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<ProductOption>>> HandleAsync(SearchStockProducts query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<IReadOnlyList<ProductOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var s = query.Text.Trim().ToUpper();
            products = products.Where(p => p.Sku.Contains(s) || p.Name.ToUpper().Contains(s));
        }
        var list = await products.OrderBy(p => p.Sku).Take(Math.Clamp(query.Take, 1, 50))
            .Select(p => new ProductOption(p.Id, p.Sku, p.Name, p.Unit, p.IsSerialised)).ToListAsync(ct);
        return Result<IReadOnlyList<ProductOption>>.Ok(list);
    }
}
