using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;
/// <summary>Deletes a category that no product and no other category uses.</summary>
public sealed record DeleteCategory(Guid Id);

public sealed class DeleteCategoryHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(DeleteCategory command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == command.Id, ct);
        if (category is null) return Result.Fail("Category.NotFound");
        if (await db.Products.AnyAsync(p => p.CategoryId == command.Id, ct) || await db.Categories.AnyAsync(c => c.ParentId == command.Id, ct))
            return Result.Fail("Category.InUse");
        db.Categories.Remove(category);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result.Fail("Category.InUse"); // a product or child was added in the meantime (the foreign key refuses)
        }
        return Result.Ok();
    }
}
