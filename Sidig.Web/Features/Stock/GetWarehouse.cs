using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>One warehouse by id, for its edit dialog. A warehouse outside the user's partner scope does not exist for them.</summary>
public sealed record GetWarehouse(Guid Id);

public sealed record WarehouseDetails(
    string Code, string Name, Guid? OwnerPartnerId, string? Address, string? ProvinceCode, string? RegencyCode, bool IsActive);

public sealed class GetWarehouseHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<WarehouseDetails>> HandleAsync(GetWarehouse query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<WarehouseDetails>.Fail("Access.Denied");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var w = await db.Warehouses.AsNoTracking().Visible(partners).Where(w => w.Id == query.Id)
            .Select(w => new WarehouseDetails(w.Code, w.Name, w.OwnerPartnerId, w.Address, w.ProvinceCode, w.RegencyCode, w.IsActive))
            .FirstOrDefaultAsync(ct);
        return w is null ? Result<WarehouseDetails>.Fail("Warehouse.NotFound") : Result<WarehouseDetails>.Ok(w);
    }
}
