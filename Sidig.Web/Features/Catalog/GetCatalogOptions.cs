using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>What the product form and filters pick from: the category tree, the warranty policies and the brands in use.</summary>
public sealed record GetCatalogOptions;

public sealed record NamedOption(Guid Id, string Name);

public sealed record CatalogOptions(IReadOnlyList<CategoryNode> Categories, IReadOnlyList<NamedOption> WarrantyPolicies, IReadOnlyList<string> Brands);

public sealed class GetCatalogOptionsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<CatalogOptions>> HandleAsync(GetCatalogOptions query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<CatalogOptions>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name, c.ParentId }).ToListAsync(ct);
        var policies = await db.WarrantyPolicies.AsNoTracking().OrderBy(p => p.Name).Select(p => new NamedOption(p.Id, p.Name)).ToListAsync(ct);
        var brands = await db.Products.AsNoTracking().Where(p => p.Brand != null).Select(p => p.Brand!).Distinct().ToListAsync(ct);
        return Result<CatalogOptions>.Ok(new CatalogOptions(
            CategoryTree.Build(categories.Select(c => (c.Id, c.Code, c.Name, c.ParentId, 0))),
            policies,
            brands.Order(StringComparer.CurrentCultureIgnoreCase).ToList()));
    }
}
