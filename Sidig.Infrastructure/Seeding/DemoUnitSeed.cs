using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;

namespace Sidig.Infrastructure.Seeding;

/// <summary>
/// Unit batches of the demo's serialised products, received into the central warehouse the way a user creates them
/// (domain batch, the product's serial counter, one stock receipt per batch). Returns one unit's public code so the
/// start banner can print a scan page to open.
/// </summary>
public sealed class DemoUnitSeed(IServiceProvider sp, TimeProvider clock)
{
    public const int UnitsPerBatch = 12;

    public async Task<string?> SeedAsync(CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        if (!await db.UnitBatches.AnyAsync(ct))
        {
            var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Code == "WH-CKR", ct);
            var products = await db.Products.Where(p => p.IsSerialised && p.IsActive).OrderBy(p => p.Sku).Take(4).ToListAsync(ct);
            if (warehouse is null || products.Count == 0) return null;
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var ledger = sp.GetRequiredService<StockLedger>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (product, i) in products.Select((p, i) => (p, i)))
            {
                var first = await NumberSequences.ReserveAsync(db, "Serial:" + product.Id.ToString("N"), "", UnitsPerBatch, ct);
                var lot = $"L{today.AddDays(-20 - i):yyMMdd}-{(char)('A' + i)}";
                var (batch, units, events) = UnitBatch.Create(product.Id, product.Sku, lot, today.AddDays(-20 - i), UnitsPerBatch,
                    SerialPattern.Default, warehouse.Id, first, today, now, "seed");
                db.UnitBatches.Add(batch);
                db.Units.AddRange(units);
                db.UnitEvents.AddRange(events);
                var posted = await ledger.PostAsync(db, new StockDocument(UnitBatch.DocumentType, lot, batch.Id),
                    [new StockLine(warehouse.Id, product.Id, MovementType.Receipt, UnitsPerBatch)], ct);
                if (!posted.Succeeded) throw new InvalidOperationException($"Demo unit batch {lot}: {posted.Errors[0].Code}");
            }
            await tx.CommitAsync(ct);
        }
        return await db.Units.OrderBy(u => u.Serial).Select(u => u.PublicCode).FirstOrDefaultAsync(ct);
    }
}
