using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>
/// One page of the catalog. <see cref="SortBy"/> is a <see cref="ProductListItem"/> property name. A category filter
/// includes its subcategories. <see cref="All"/> returns every matching row (for export) instead of one page.
/// </summary>
public sealed record ListProducts(
    string? Search = null, Guid? CategoryId = null, string? Brand = null, bool? IsActive = null, bool? IsSerialised = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

public sealed record ProductListItem(
    Guid Id, string Sku, string Name, Guid? CategoryId, string? CategoryName, string? Brand, string Unit,
    bool IsActive, bool IsSerialised, bool HasImage, string? WarrantyPolicyName);

public sealed record ProductResults(IReadOnlyList<ProductListItem> Items, int TotalCount);

public sealed class ListProductsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<ProductResults>> HandleAsync(ListProducts query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<ProductResults>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<Product> products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToUpperInvariant();
            products = products.Where(p => p.Sku.Contains(search) || p.Name.ToUpper().Contains(search));
        }
        if (query.CategoryId is { } categoryId)
        {
            var parentOf = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
            var ids = CategoryTree.WithDescendants(categoryId, parentOf).ToList();
            products = products.Where(p => p.CategoryId != null && ids.Contains(p.CategoryId.Value));
        }
        if (!string.IsNullOrWhiteSpace(query.Brand))
        {
            var brand = query.Brand.Trim().ToUpperInvariant();
            products = products.Where(p => p.Brand != null && p.Brand.ToUpper() == brand);
        }
        if (query.IsActive is { } active) products = products.Where(p => p.IsActive == active);
        if (query.IsSerialised is { } serialised) products = products.Where(p => p.IsSerialised == serialised);

        var total = await products.CountAsync(ct);
        var sorted = Sort(products, query.SortBy, query.Descending);
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            sorted = sorted.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = await sorted
            .Select(p => new ProductListItem(p.Id, p.Sku, p.Name, p.CategoryId,
                db.Categories.Where(c => c.Id == p.CategoryId).Select(c => c.Name).FirstOrDefault(),
                p.Brand, p.Unit, p.IsActive, p.IsSerialised, p.ImageContentType != null,
                db.WarrantyPolicies.Where(w => w.Id == p.WarrantyPolicyId).Select(w => w.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return Result<ProductResults>.Ok(new ProductResults(items, total));
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, string? sortBy, bool descending)
    {
        IOrderedQueryable<Product> sorted = (sortBy, descending) switch
        {
            (nameof(ProductListItem.Name), false) => products.OrderBy(p => p.Name),
            (nameof(ProductListItem.Name), true) => products.OrderByDescending(p => p.Name),
            (nameof(ProductListItem.Brand), false) => products.OrderBy(p => p.Brand),
            (nameof(ProductListItem.Brand), true) => products.OrderByDescending(p => p.Brand),
            (nameof(ProductListItem.Unit), false) => products.OrderBy(p => p.Unit),
            (nameof(ProductListItem.Unit), true) => products.OrderByDescending(p => p.Unit),
            (_, true) => products.OrderByDescending(p => p.Sku),
            _ => products.OrderBy(p => p.Sku),
        };
        return sorted.ThenBy(p => p.Id); // stable, so paging neither skips nor repeats a product
    }
}
