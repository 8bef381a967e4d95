using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Web.Features.Stock;

/// <summary>Creates (<see cref="Id"/> null) or edits a warehouse. The owner is chosen once, at creation.</summary>
public sealed record SaveWarehouse(
    Guid? Id, string Code, string Name, Guid? OwnerPartnerId, string? Address, string? ProvinceCode, string? RegencyCode, bool IsActive = true);

public static class SaveWarehouseValidator
{
    /// <summary>Every problem of the input at once, each with its field (property names of <see cref="SaveWarehouse"/>).</summary>
    public static IReadOnlyList<Error> Check(SaveWarehouse c, IAreaCodes areas) =>
        Warehouse.Check(c.Code, c.Name, c.Address, c.ProvinceCode, c.RegencyCode, areas);
}

public sealed class SaveWarehouseHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, IndonesianAreas areas)
{
    public async Task<Result<Guid>> HandleAsync(SaveWarehouse command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageWarehouses)) return Result<Guid>.Fail("Access.Denied");
        var errors = SaveWarehouseValidator.Check(command, areas);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);
        var code = Codes.Required(command.Code, "Warehouse.CodeRequired");

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.Warehouses.AnyAsync(w => w.Code == code && w.Id != command.Id, ct))
            return Result<Guid>.Fail("Warehouse.CodeTaken", nameof(SaveWarehouse.Code));
        Warehouse warehouse;
        try
        {
            if (command.Id is { } id)
            {
                var found = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == id, ct);
                if (found is null) return Result<Guid>.Fail("Warehouse.NotFound");
                if (found.OwnerPartnerId != command.OwnerPartnerId) return Result<Guid>.Fail("Warehouse.OwnerLocked", nameof(SaveWarehouse.OwnerPartnerId));
                warehouse = found;
                warehouse.Update(command.Code, command.Name, command.Address, command.ProvinceCode, command.RegencyCode, command.IsActive, areas);
            }
            else
            {
                if (command.OwnerPartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, ct))
                    return Result<Guid>.Fail("Warehouse.OwnerNotFound", nameof(SaveWarehouse.OwnerPartnerId));
                warehouse = Warehouse.Create(command.Code, command.Name, command.OwnerPartnerId, command.Address, command.ProvinceCode, command.RegencyCode, areas);
                if (!command.IsActive) warehouse.Update(command.Code, command.Name, command.Address, command.ProvinceCode, command.RegencyCode, false, areas);
                db.Warehouses.Add(warehouse);
            }
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<Guid>.Fail("Warehouse.CodeTaken", nameof(SaveWarehouse.Code)); // created at the same moment by someone else
        }
        return Result<Guid>.Ok(warehouse.Id);
    }
}
