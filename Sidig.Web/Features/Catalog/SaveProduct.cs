using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>Creates (<see cref="Id"/> null) or edits a product. The SKU is unique per tenant.</summary>
public sealed record SaveProduct(Guid? Id, ProductDetails Details);

public sealed class SaveProductHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(SaveProduct command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result<Guid>.Fail("Access.Denied");
        var d = command.Details;
        var errors = Product.Check(d);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        Product? product = null;
        if (command.Id is { } id)
        {
            product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (product is null) return Result<Guid>.Fail("Product.NotFound");
        }
        var sku = Codes.Required(d.Sku, "Product.SkuRequired");
        if (await db.Products.AnyAsync(p => p.Sku == sku && p.Id != command.Id, ct))
            return Result<Guid>.Fail("Product.SkuTaken", nameof(ProductDetails.Sku));
        if (d.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            return Result<Guid>.Fail("Category.NotFound", nameof(ProductDetails.CategoryId));
        if (d.WarrantyPolicyId is { } policyId && !await db.WarrantyPolicies.AnyAsync(p => p.Id == policyId, ct))
            return Result<Guid>.Fail("Warranty.NotFound", nameof(ProductDetails.WarrantyPolicyId));
        try
        {
            if (product is null)
            {
                product = Product.Create(d);
                db.Products.Add(product);
            }
            else product.Update(d, await HasStockAsync(db, product.Id, ct));
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Ok(product.Id);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, e.Code == "Product.SerialisedLocked" ? nameof(ProductDetails.IsSerialised) : null);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Result<Guid>.Fail("Product.SkuTaken", nameof(ProductDetails.Sku)); // saved at the same moment by someone else
        }
    }

    /// <summary>Whether any stock of the product exists or ever existed (a balance or a movement, in any warehouse).</summary>
    public static async Task<bool> HasStockAsync(SidigDbContext db, Guid productId, CancellationToken ct = default) =>
        await db.StockBalances.AnyAsync(b => b.ProductId == productId, ct) || await db.StockMovements.AnyAsync(m => m.ProductId == productId, ct);
}
