using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Stock;

/// <summary>One line of a posting: a signed quantity of a product into (+) or out of (−) a warehouse.</summary>
public sealed record StockLine(Guid WarehouseId, Guid ProductId, MovementType Type, decimal Quantity,
    string? Reason = null, Guid? CorrelationId = null);

/// <summary>A warehouse × product whose balance does not equal the sum of its ledger.</summary>
public sealed record StockMismatch(Guid TenantId, Guid WarehouseId, Guid ProductId, decimal Balance, decimal Ledger);

/// <summary>
/// The only way stock changes. A posting appends ledger movements and moves the balances in one transaction,
/// together with whatever else the caller has pending in the same context (the sell-out, the audit's status, …).
/// The negative-stock check is a conditional update of the balance row (<c>on_hand + Δ ≥ 0</c>), which PostgreSQL
/// re-evaluates after waiting for a concurrent writer's row lock — so two racing postings can never both take the
/// last units. Balance rows are updated in a fixed order so two postings never deadlock on each other. On PostgreSQL
/// the whole posting is one batched round trip (<see cref="PostgresPosting"/>); on SQLite, one statement per balance.
/// </summary>
public sealed class StockLedger(TimeProvider clock, CurrentUser currentUser)
{
    public const string DocumentAdjustment = "Adjustment";
    public const string DocumentTransfer = "Transfer";
    public const string DocumentAudit = "StockAudit";
    public const string DocumentSellOut = "SellOut";
    public const string DocumentOpening = "Opening";
    public const string DocumentReceipt = "Receipt";
    public const string DocumentDeliveryNote = "DeliveryNote";
    public const string DocumentCreditNote = "CreditNote";

    /// <summary>
    /// Posts <paramref name="lines"/> for <paramref name="document"/> and saves every pending change of
    /// <paramref name="db"/>. Uses the caller's transaction when there is one (the caller commits), otherwise its own.
    /// Nothing is written when the result is a failure.
    /// </summary>
    public async Task<Result> PostAsync(SidigDbContext db, StockDocument document, IReadOnlyList<StockLine> lines, CancellationToken ct = default)
    {
        if (lines.Count == 0) return Result.Fail("Stock.NoLines");
        List<StockMovement> movements;
        var now = clock.GetUtcNow();
        try
        {
            movements = lines.Select(l => StockMovement.Create(l.WarehouseId, l.ProductId, l.Type, l.Quantity, document, now,
                currentUser.UserId, currentUser.UserName, l.Reason, l.CorrelationId)).ToList();
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }

        var warehouseIds = lines.Select(l => l.WarehouseId).Distinct().Order().ToList();
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var tenantId = db.CurrentTenantId;
        // An open count freezes its warehouse (ADR 0004); only that count's own corrections may post there.
        var auditId = document.Type == DocumentAudit ? document.Id : null;
        var deltas = lines.GroupBy(l => (l.WarehouseId, l.ProductId))
            .Select(g => (g.Key.WarehouseId, g.Key.ProductId, Delta: g.Sum(l => l.Quantity)))
            .OrderBy(d => d.WarehouseId).ThenBy(d => d.ProductId)
            .ToList();
        if (db.Database.IsNpgsql())
            return await PostgresPosting.PostAsync(db, tenantId, auditId, warehouseIds, productIds, deltas, movements, ct);

        // SQLite serialises writers on the whole database: check, then move each balance with one statement.
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null; // disposed uncommitted = rolled back
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id))
            .Select(w => new
            {
                w.IsActive,
                Frozen = db.StockAudits.Where(a => a.WarehouseId == w.Id && a.Id != auditId
                        && (a.Status == StockAuditStatus.Counting || a.Status == StockAuditStatus.Submitted))
                    .Select(a => a.Number).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (warehouses.Count != warehouseIds.Count) return Result.Fail("Stock.WarehouseNotFound");
        if (warehouses.Any(w => !w.IsActive)) return Result.Fail("Stock.WarehouseInactive");
        if (warehouses.FirstOrDefault(w => w.Frozen is not null)?.Frozen is { } frozen) return Result.Fail([new Error("Stock.WarehouseFrozen", null, frozen)]);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new { t.AllowNegativeStock, Products = db.Products.Count(p => productIds.Contains(p.Id)) })
            .FirstAsync(ct);
        if (tenant.Products != productIds.Count) return Result.Fail("Stock.ProductNotFound");
        var allowNegative = tenant.AllowNegativeStock;

        foreach (var (warehouseId, productId, delta) in deltas)
        {
            int updated;
            if (delta < 0 && !allowNegative)
                updated = await db.StockBalances.Where(b => b.WarehouseId == warehouseId && b.ProductId == productId && b.OnHand + delta >= 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.OnHand, b => b.OnHand + delta), ct); // no row = nothing to take
            else
                updated = await AddToBalanceAsync(db, tenantId, warehouseId, productId, delta, ct);
            if (updated == 0)
            {
                if (tx is not null) await tx.RollbackAsync(ct);
                return await InsufficientAsync(db, warehouseId, productId, delta, ct);
            }
        }
        db.StockMovements.AddRange(movements);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return Result.Ok();
    }

    private static async Task<Result> InsufficientAsync(SidigDbContext db, Guid warehouseId, Guid productId, decimal delta, CancellationToken ct)
    {
        var sku = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Sku).FirstOrDefaultAsync(ct);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == warehouseId).Select(w => w.Code).FirstOrDefaultAsync(ct);
        var onHand = await db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == warehouseId && b.ProductId == productId)
            .Select(b => b.OnHand).FirstOrDefaultAsync(ct);
        db.ChangeTracker.Clear();
        return Result.Fail([new Error("Stock.Insufficient", null, sku ?? "", warehouse ?? "", onHand, -delta)]);
    }

    /// <summary>
    /// Adds to a balance, creating its row when missing, in one statement (an upsert: a concurrent creator of the same
    /// row never makes it fail).
    /// </summary>
    private static Task<int> AddToBalanceAsync(SidigDbContext db, Guid tenantId, Guid warehouseId, Guid productId, decimal delta, CancellationToken ct)
    {
        var n = Names.Of(db);
        var quantity = (double)delta; // SQLite only (PostgreSQL posts in PostgresPosting); its model stores decimals as REAL (ADR 0004)
        return db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {n.Table} ({n.Tenant}, {n.Warehouse}, {n.Product}, {n.OnHand}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) " +
            $"ON CONFLICT ({n.Tenant}, {n.Warehouse}, {n.Product}) DO UPDATE SET {n.OnHand} = {n.Table}.{n.OnHand} + excluded.{n.OnHand}",
            [tenantId, warehouseId, productId, quantity], ct);
    }

    /// <summary>Every warehouse × product of the current tenant whose balance differs from its ledger (empty = consistent).</summary>
    public static async Task<IReadOnlyList<StockMismatch>> FindMismatchesAsync(SidigDbContext db, CancellationToken ct = default)
    {
        var ledger = await db.StockMovements.AsNoTracking()
            .GroupBy(m => new { m.WarehouseId, m.ProductId })
            .Select(g => new { g.Key.WarehouseId, g.Key.ProductId, Sum = g.Sum(m => m.Quantity) })
            .ToListAsync(ct);
        var balances = await db.StockBalances.AsNoTracking()
            .Select(b => new { b.WarehouseId, b.ProductId, b.OnHand }).ToListAsync(ct);
        var sums = ledger.ToDictionary(l => (l.WarehouseId, l.ProductId), l => l.Sum);
        var tenant = db.CurrentTenantId;
        var result = new List<StockMismatch>();
        foreach (var b in balances)
        {
            var sum = sums.Remove((b.WarehouseId, b.ProductId), out var s) ? s : 0;
            if (b.OnHand != sum) result.Add(new StockMismatch(tenant, b.WarehouseId, b.ProductId, b.OnHand, sum));
        }
        foreach (var ((w, p), sum) in sums)
            if (sum != 0) result.Add(new StockMismatch(tenant, w, p, 0, sum));
        return result;
    }

    /// <summary>Quoted table and column names of the balance table as this provider's model names them.</summary>
    private sealed record Names(string Table, string Tenant, string Warehouse, string Product, string OnHand)
    {
        public static Names Of(DbContext db)
        {
            var e = db.Model.FindEntityType(typeof(StockBalance))!;
            var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
            string Col(string p) => Quote(e.FindProperty(p)!.GetColumnName(table)!);
            return new Names(Quote(e.GetTableName()!), Col(nameof(StockBalance.TenantId)), Col(nameof(StockBalance.WarehouseId)),
                Col(nameof(StockBalance.ProductId)), Col(nameof(StockBalance.OnHand)));
        }

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
    }
}
