using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Units;

public sealed record CreateUnitBatch(Guid? ProductId, string? Lot, DateOnly? ProducedOn, int? Quantity, string? SerialPattern, Guid? WarehouseId)
{
    public IReadOnlyList<Error> Check(DateOnly today)
    {
        var errors = new List<Error>();
        if (ProductId is null) errors.Add(new("Validation.Required", nameof(ProductId)));
        if (WarehouseId is null) errors.Add(new("Validation.Required", nameof(WarehouseId)));
        if (ProducedOn is null) errors.Add(new("Validation.Required", nameof(ProducedOn)));
        if (Quantity is null) errors.Add(new("Validation.Required", nameof(Quantity)));
        errors.AddRange(UnitBatch.Check(Lot, ProducedOn ?? today, Quantity ?? 1, SerialPattern, today)
            .Where(e => !(e.Field == nameof(ProducedOn) && ProducedOn is null)));
        return errors;
    }
}

public sealed record CreatedUnitBatch(Guid Id, string FirstSerial, string LastSerial, int Quantity);

/// <summary>
/// A production lot of a serialised product arrives: its units are numbered from the pattern (the product's serial
/// counter runs across batches), get their public codes, and are received into a principal warehouse by one stock
/// receipt of the batch's quantity — units and ledger in one transaction, so they always agree.
/// </summary>
public sealed class CreateUnitBatchHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, StockLedger ledger, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public const string SerialSequence = "Serial:";

    public async Task<Result<CreatedUnitBatch>> HandleAsync(CreateUnitBatch command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUnits)) return Result<CreatedUnitBatch>.Fail("Access.Denied");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (command.Check(today) is { Count: > 0 } errors) return Result<CreatedUnitBatch>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == command.ProductId)
            .Select(p => new { p.Id, p.Sku, p.IsSerialised, p.IsActive }).FirstOrDefaultAsync(ct);
        if (product is null) return Result<CreatedUnitBatch>.Fail([new Error("Product.NotFound", nameof(command.ProductId))]);
        if (!product.IsSerialised) return Result<CreatedUnitBatch>.Fail([new Error("Units.ProductNotSerialised", nameof(command.ProductId))]);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == command.WarehouseId)
            .Select(w => new { w.OwnerPartnerId, w.IsActive }).FirstOrDefaultAsync(ct);
        // Units are made by the principal: a batch arrives in one of its own warehouses.
        if (warehouse is null || warehouse.OwnerPartnerId is not null) return Result<CreatedUnitBatch>.Fail([new Error("Units.WarehouseNotPrimary", nameof(command.WarehouseId))]);
        if (!warehouse.IsActive) return Result<CreatedUnitBatch>.Fail([new Error("Stock.WarehouseInactive", nameof(command.WarehouseId))]);
        var lot = command.Lot!.Trim();
        if (await db.UnitBatches.AnyAsync(b => b.ProductId == product.Id && b.Lot == lot, ct))
            return Result<CreatedUnitBatch>.Fail([new Error("Units.LotExists", nameof(command.Lot), lot)]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await NumberSequences.ReserveAsync(db, SerialSequence + product.Id.ToString("N"), "", command.Quantity!.Value, ct);
        UnitBatch batch;
        List<Unit> units;
        List<UnitEvent> events;
        try
        {
            (batch, units, events) = UnitBatch.Create(product.Id, product.Sku, lot, command.ProducedOn!.Value, command.Quantity.Value,
                command.SerialPattern!, command.WarehouseId!.Value, first, today, clock.GetUtcNow(), user.UserName);
        }
        catch (DomainException e)
        {
            return Result<CreatedUnitBatch>.Fail([new Error(e.Code, nameof(command.SerialPattern))]);
        }
        // Another product's pattern may produce the same text (a pattern without {sku}): serials are unique per tenant.
        var serials = units.Select(u => u.Serial).ToList();
        if (await db.Units.Where(u => serials.Contains(u.Serial)).OrderBy(u => u.Serial).Select(u => u.Serial).FirstOrDefaultAsync(ct) is { } taken)
            return Result<CreatedUnitBatch>.Fail([new Error("Units.SerialTaken", nameof(command.SerialPattern), taken)]);

        db.UnitBatches.Add(batch);
        db.Units.AddRange(units);
        db.UnitEvents.AddRange(events);
        Result posted;
        try
        {
            posted = await ledger.PostAsync(db, new StockDocument(UnitBatch.DocumentType, lot, batch.Id),
                [new StockLine(batch.WarehouseId, product.Id, MovementType.Receipt, batch.Quantity)], ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Result<CreatedUnitBatch>.Fail([new Error("Units.LotExists", nameof(command.Lot), lot)]); // a concurrent batch took the lot
        }
        if (!posted.Succeeded) return Result<CreatedUnitBatch>.Fail(posted.Errors);
        await tx.CommitAsync(ct);
        return Result<CreatedUnitBatch>.Ok(new CreatedUnitBatch(batch.Id, batch.FirstSerial, batch.LastSerial, batch.Quantity));
    }
}
