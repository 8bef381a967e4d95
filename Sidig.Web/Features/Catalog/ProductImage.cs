using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>Replaces a product's photo. The bytes decide what the file is (PNG, JPEG or WebP), at most 1 MB.</summary>
public sealed record SetProductImage(Guid ProductId, byte[] Content);

public sealed class SetProductImageHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(SetProductImage command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == command.ProductId, ct);
        if (product is null) return Result.Fail("Product.NotFound");
        try
        {
            product.SetImage(command.Content ?? []);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

public sealed record RemoveProductImage(Guid ProductId);

public sealed class RemoveProductImageHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(RemoveProductImage command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == command.ProductId, ct);
        if (product is null) return Result.Fail("Product.NotFound");
        product.RemoveImage();
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

/// <summary>A product's photo for its page and lists: catalog readers of the product's own tenant only.</summary>
public sealed record GetProductImage(Guid ProductId);

public sealed record ProductImageFile(byte[] Content, string ContentType);

public sealed class GetProductImageHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    /// <returns>null when the user may not read the catalog, or the product (of this tenant) has no photo.</returns>
    public async Task<ProductImageFile?> HandleAsync(GetProductImage query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking()
            .Where(p => p.Id == query.ProductId && p.Image != null && p.ImageContentType != null)
            .Select(p => new ProductImageFile(p.Image!, p.ImageContentType!))
            .FirstOrDefaultAsync(ct);
    }
}
