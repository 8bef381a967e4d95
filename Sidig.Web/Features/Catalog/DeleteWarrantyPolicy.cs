using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>Deletes a warranty policy that no product uses.</summary>
public sealed record DeleteWarrantyPolicy(Guid Id);

public sealed class DeleteWarrantyPolicyHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(DeleteWarrantyPolicy command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var policy = await db.WarrantyPolicies.FirstOrDefaultAsync(p => p.Id == command.Id, ct);
        if (policy is null) return Result.Fail("Warranty.NotFound");
        if (await db.Products.AnyAsync(p => p.WarrantyPolicyId == command.Id, ct)) return Result.Fail("Warranty.InUse");
        db.WarrantyPolicies.Remove(policy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result.Fail("Warranty.InUse"); // a product took the policy in the meantime (the foreign key refuses)
        }
        return Result.Ok();
    }
}
