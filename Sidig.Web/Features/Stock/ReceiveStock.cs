using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;

namespace Sidig.Web.Features.Stock;

/// <summary>A goods receipt (GR number): the principal brings stock into one of its own (primary) warehouses.</summary>
public sealed record ReceiveStock(Guid WarehouseId, IReadOnlyList<StockQuantity> Lines, string? Reference = null);

public static class ReceiveStockValidator
{
    public static IReadOnlyList<Error> Check(ReceiveStock c)
    {
        var errors = new List<Error>();
        if (c.WarehouseId == Guid.Empty) errors.Add(new Error("Stock.WarehouseRequired", StockFormRules.ToField));
        errors.AddRange(StockFormRules.CheckLines(c.Lines));
        if (c.Reference?.Trim().Length > StockMovement.ReasonMaxLength) errors.Add(new Error("Validation.TooLong", StockFormRules.ReasonField));
        return errors;
    }
}

public sealed class ReceiveStockHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, StockDocumentPoster poster)
{
    public async Task<Result<string>> HandleAsync(ReceiveStock command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.MoveStock)) return Result<string>.Fail("Access.Denied");
        var errors = ReceiveStockValidator.Check(command);
        if (errors.Count > 0) return Result<string>.Fail(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var owner = await db.Warehouses.AsNoTracking().Where(w => w.Id == command.WarehouseId)
            .Select(w => new { w.OwnerPartnerId }).FirstOrDefaultAsync(ct);
        if (owner is null) return Result<string>.Fail("Warehouse.NotFound");
        if (owner.OwnerPartnerId is not null) return Result<string>.Fail("Stock.ReceiptPrimaryOnly", StockFormRules.ToField);
        // Units are created by batch only (with their serials and labels); a receipt by quantity would be stock without units.
        var serialised = await UnitSerials.SerialisedAsync(db, command.Lines.Select(l => l.ProductId), ct);
        var refused = command.Lines.Select((l, i) => (l, i)).Where(x => serialised.Contains(x.l.ProductId))
            .Select(x => new Error("Units.ReceiveByBatch", StockFormRules.LineProduct(x.i))).ToList();
        if (refused.Count > 0) return Result<string>.Fail(refused);
        var reference = string.IsNullOrWhiteSpace(command.Reference) ? null : command.Reference.Trim();
        return await poster.PostAsync(db, StockDocumentPoster.ReceiptPrefix, StockLedger.DocumentReceipt, _ => command.Lines
            .Select(l => new StockLine(command.WarehouseId, l.ProductId, MovementType.Receipt, l.Quantity, reference)).ToList(), ct: ct);
    }
}
