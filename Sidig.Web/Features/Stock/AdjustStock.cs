using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>
/// Corrects the on-hand of one product in one warehouse by a signed quantity, with the reason (ADJ number). For a
/// serialised product only downwards, naming the units written off (they become Scrapped); units come in by batch only.
/// </summary>
public sealed record AdjustStock(Guid WarehouseId, Guid ProductId, decimal Quantity, string Reason, string? Serials = null);

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

public sealed class AdjustStockHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, StockDocumentPoster poster, TimeProvider clock, CurrentUser user)
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
        var serialised = (await UnitSerials.SerialisedAsync(db, [command.ProductId], ct)).Count > 0;
        if (serialised && command.Quantity > 0) return Result<string>.Fail("Units.ReceiveByBatch", StockFormRules.LineQuantity(0));
        var picked = await UnitSerials.ResolveAsync(db, [new SerialLine(command.ProductId, command.Quantity, command.Serials, StockFormRules.LineSerials(0))],
            (_, u) => u.RefusalToLeave(command.WarehouseId), ct);
        if (!picked.Succeeded) return Result<string>.Fail(picked.Errors);
        var reason = command.Reason.Trim();
        return await poster.PostAsync(db, StockDocumentPoster.AdjustmentPrefix, StockLedger.DocumentAdjustment, number =>
        {
            var document = new UnitDocument(StockLedger.DocumentAdjustment, null, number);
            db.UnitEvents.AddRange(picked.Value![0].Select(u => u.Scrap(command.WarehouseId, document, reason, clock.GetUtcNow(), user.UserName)));
            return [new StockLine(command.WarehouseId, command.ProductId, MovementType.Adjustment, command.Quantity, reason)];
        }, ct: ct);
    }
}
