using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Stock;

/// <summary>The low-stock threshold of one product in one warehouse; null = use the product's default.</summary>
public sealed record SetMinLevel(Guid WarehouseId, Guid ProductId, decimal? MinLevel);

public sealed class SetMinLevelHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const string Field = "MinLevel";

    public async Task<Result> HandleAsync(SetMinLevel command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageWarehouses)) return Result.Fail("Access.Denied");
        if (command.MinLevel is { } level && (level < 0 || decimal.Round(level, 3) != level || level > 1_000_000_000m))
            return Result.Fail("Stock.MinLevelInvalid", Field);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Warehouses.AnyAsync(w => w.Id == command.WarehouseId, ct)) return Result.Fail("Warehouse.NotFound");
        if (!await db.Products.AnyAsync(p => p.Id == command.ProductId, ct)) return Result.Fail("Stock.ProductNotFound");
        for (var attempt = 0; ; attempt++)
        {
            var balance = await db.StockBalances.FirstOrDefaultAsync(b => b.WarehouseId == command.WarehouseId && b.ProductId == command.ProductId, ct);
            if (balance is null)
            {
                // A balance of 0 without movements agrees with its (empty) ledger.
                balance = new StockBalance(command.WarehouseId, command.ProductId);
                db.StockBalances.Add(balance);
            }
            balance.SetMinLevel(command.MinLevel);
            try
            {
                await db.SaveChangesAsync(ct);
                return Result.Ok();
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear(); // the ledger created the row at the same moment: set it on that row
            }
        }
    }
}
