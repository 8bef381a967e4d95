using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;
/// <summary>The whole category tree (a principal has tens, not thousands, of categories).</summary>
public sealed record ListCategories;

public sealed class ListCategoriesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<CategoryNode>>> HandleAsync(ListCategories query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<IReadOnlyList<CategoryNode>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Code, c.Name, c.ParentId, Products = db.Products.Count(p => p.CategoryId == c.Id) })
            .ToListAsync(ct);
        return Result<IReadOnlyList<CategoryNode>>.Ok(CategoryTree.Build(rows.Select(r => (r.Id, r.Code, r.Name, r.ParentId, r.Products))));
    }
}
