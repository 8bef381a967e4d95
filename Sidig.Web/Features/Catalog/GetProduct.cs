using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>One product for its edit page. A product of another tenant is not found (the tenant filter hides it).</summary>
public sealed record GetProduct(Guid Id);

/// <param name="HasStock">Stock or movements exist: whether the product is serialised can no longer change.</param>
public sealed record ProductView(Guid Id, ProductDetails Details, bool HasImage, bool HasStock);

public sealed class GetProductHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<ProductView>> HandleAsync(GetProduct query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<ProductView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var view = await db.Products.AsNoTracking().Where(p => p.Id == query.Id)
            .Select(p => new ProductView(p.Id,
                new ProductDetails(p.Sku, p.Name, p.CategoryId, p.Brand, p.Unit, p.WeightKg, p.GoodsCode, p.IsSerialised, p.MinStockDefault,
                    p.WarrantyPolicyId, p.IsActive),
                p.ImageContentType != null, false))
            .FirstOrDefaultAsync(ct);
        if (view is null) return Result<ProductView>.Fail("Product.NotFound");
        return Result<ProductView>.Ok(view with { HasStock = await SaveProductHandler.HasStockAsync(db, query.Id, ct) });
    }
}
