using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>All warranty policies of the tenant (a handful), by name, with how many products use each.</summary>
public sealed record ListWarrantyPolicies;

public sealed record WarrantyPolicyListItem(Guid Id, WarrantyPolicyDetails Details, int ProductCount);

public sealed class ListWarrantyPoliciesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<WarrantyPolicyListItem>>> HandleAsync(ListWarrantyPolicies query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewCatalog)) return Result<IReadOnlyList<WarrantyPolicyListItem>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = await db.WarrantyPolicies.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new WarrantyPolicyListItem(p.Id,
                new WarrantyPolicyDetails(p.Name, p.Months, p.StartsOn, p.GraceDays, p.CoverageId, p.CoverageEn, p.RequiresReceiptPhoto, p.MaxClaims,
                    p.MaintenanceMonths),
                db.Products.Count(x => x.WarrantyPolicyId == p.Id)))
            .ToListAsync(ct);
        return Result<IReadOnlyList<WarrantyPolicyListItem>>.Ok(items);
    }
}
