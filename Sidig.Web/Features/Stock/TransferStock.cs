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
/// Moves products from one warehouse to another: a TransferOut from <see cref="FromWarehouseId"/> and a TransferIn to
/// <see cref="ToWarehouseId"/> per line, sharing one correlation id and one TRF number, posted all or nothing.
/// </summary>
public sealed record TransferStock(Guid FromWarehouseId, Guid ToWarehouseId, IReadOnlyList<StockQuantity> Lines, string? Note = null);

public static class TransferStockValidator
{
    public static IReadOnlyList<Error> Check(TransferStock c)
    {
        var errors = new List<Error>();
        if (c.FromWarehouseId == Guid.Empty) errors.Add(new Error("Stock.FromRequired", StockFormRules.FromField));
        if (c.ToWarehouseId == Guid.Empty) errors.Add(new Error("Stock.ToRequired", StockFormRules.ToField));
        else if (c.ToWarehouseId == c.FromWarehouseId) errors.Add(new Error("Stock.SameWarehouse", StockFormRules.ToField));
        errors.AddRange(StockFormRules.CheckLines(c.Lines));
        if (c.Note?.Trim().Length > StockMovement.ReasonMaxLength) errors.Add(new Error("Validation.TooLong", StockFormRules.ReasonField));
        return errors;
    }
}

public sealed class TransferStockHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, StockDocumentPoster poster, TimeProvider clock, CurrentUser user)
{
    public async Task<Result<string>> HandleAsync(TransferStock command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.MoveStock)) return Result<string>.Fail("Access.Denied");
        var errors = TransferStockValidator.Check(command);
        if (errors.Count > 0) return Result<string>.Fail(errors);
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = await db.Warehouses.AsNoTracking().Visible(partners)
            .CountAsync(w => w.Id == command.FromWarehouseId || w.Id == command.ToWarehouseId, ct);
        if (visible != 2) return Result<string>.Fail("Warehouse.NotFound");

        // Serialised lines move exactly the named units, which must be in stock in the source warehouse.
        var picked = await UnitSerials.ResolveAsync(db,
            command.Lines.Select((l, i) => new SerialLine(l.ProductId, l.Quantity, l.Serials, StockFormRules.LineSerials(i))).ToList(),
            // A partner user's transfer: units of partners it cannot see are "unknown", whatever their state.
            (_, u) => partners is not null && (u.OwnerPartnerId is not { } owner || !partners.Contains(owner)) ? "Units.SerialUnknown"
                : u.RefusalToLeave(command.FromWarehouseId), ct);
        if (!picked.Succeeded) return Result<string>.Fail(picked.Errors);
        var toOwner = await db.Warehouses.AsNoTracking().Where(w => w.Id == command.ToWarehouseId).Select(w => w.OwnerPartnerId).FirstAsync(ct);

        var correlation = Guid.CreateVersion7();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        return await poster.PostAsync(db, StockDocumentPoster.TransferPrefix, StockLedger.DocumentTransfer, number =>
        {
            var document = new UnitDocument(StockLedger.DocumentTransfer, correlation, number);
            db.UnitEvents.AddRange(picked.Value!.SelectMany(u => u)
                .Select(u => u.Transfer(command.FromWarehouseId, command.ToWarehouseId, toOwner, document, clock.GetUtcNow(), user.UserName)));
            return command.Lines.SelectMany(l => new[]
            {
                new StockLine(command.FromWarehouseId, l.ProductId, MovementType.TransferOut, -l.Quantity, note, correlation),
                new StockLine(command.ToWarehouseId, l.ProductId, MovementType.TransferIn, l.Quantity, note, correlation),
            }).ToList();
        }, correlation, ct);
    }
}
