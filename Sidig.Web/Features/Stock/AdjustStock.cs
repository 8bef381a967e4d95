using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>Corrects the on-hand of one product in one warehouse by a signed quantity, with the reason (ADJ number).</summary>
public sealed record AdjustStock(Guid WarehouseId, Guid ProductId, decimal Quantity, string Reason);

public static class AdjustStockValidator
{
    public static IReadOnlyList<Error> Check(AdjustStock c)
    {
        var errors = new List<Error>();
        if (c.WarehouseId == Guid.Empty) errors.Add(new Error("Stock.WarehouseRequired", StockFormRules.WarehouseField));
        if (c.ProductId == Guid.Empty) errors.Add(new Error("Stock.ProductRequired", StockFormRules.LineProduct(0)));
        errors.AddRange(StockFormRules.CheckQuantity(c.Quantity, StockFormRules.LineQuantity(0), positive: false));
        if (string.IsNullOrWhiteSpace(c.Reason)) errors.Add(new Error("Stock.ReasonRequired", StockFormRules.ReasonField));
        else if (c.Reason.Trim().Length > StockMovement.ReasonMaxLength) errors.Add(new Error("Validation.TooLong", StockFormRules.ReasonField));
        return errors;
    }
}

public sealed class AdjustStockHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, StockDocumentPoster poster)
{
    public async Task<Result<string>> HandleAsync(AdjustStock command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.AdjustStock)) return Result<string>.Fail("Access.Denied");
        var errors = AdjustStockValidator.Check(command);
        if (errors.Count > 0) return Result<string>.Fail(errors);
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Warehouses.AsNoTracking().Visible(partners).AnyAsync(w => w.Id == command.WarehouseId, ct))
            return Result<string>.Fail("Warehouse.NotFound");
        return await poster.PostAsync(db, StockDocumentPoster.AdjustmentPrefix, StockLedger.DocumentAdjustment, _ =>
            [new StockLine(command.WarehouseId, command.ProductId, MovementType.Adjustment, command.Quantity, command.Reason.Trim())], ct: ct);
    }
}
