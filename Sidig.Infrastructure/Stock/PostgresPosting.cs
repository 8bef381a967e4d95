using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Persistence.Interceptors;

namespace Sidig.Infrastructure.Stock;

/// <summary>
/// A whole posting on PostgreSQL in one round trip: one <see cref="NpgsqlBatch"/> of three statements, in the caller's
/// transaction or, without one, in the batch's own implicit transaction (PostgreSQL commits a batch as a whole or not
/// at all). 1. the tenant for row-level security, local to the transaction; 2. a shared lock on the warehouse rows;
/// 3. one statement that checks, locks the balances, moves them and appends the movements, writing only when every
/// check passed, and returns what it found (ADR 0004).
/// </summary>
internal static class PostgresPosting
{
    private const string SetTenant = $"SELECT set_config('{TenantCommandInterceptor.Setting}', $1, true)";

    // Shared locks never wait on each other; a count's exclusive lock is on one warehouse, so the order is free. A
    // statement of its own: the checks below take their snapshot after it, so they see a count opened meanwhile.
    private const string LockWarehouses = "SELECT 1 FROM warehouses WHERE tenant_id = $1 AND id = ANY($2) FOR SHARE";

    // $1 tenant, $2 warehouse ids, $3 product ids, $4 the posting audit's id (its own corrections may post),
    // $5-$7 the balance deltas per (warehouse, product), sorted, none zero; $8-$14 the movements; $15-$20 their
    // common values. Every CTE below is MATERIALIZED: computed once, all of it, when first read. Each write reads
    // `go` first, and `go` reads all of `chk`, which counts every locked balance: all balance locks are taken, in
    // (warehouse, product) order, and every check is decided before anything is written.
    private const string Post = """
        WITH bal AS MATERIALIZED (
            -- The existing balance rows, locked in (warehouse, product) order. After waiting for a concurrent writer
            -- PostgreSQL returns the row's latest committed value, and no one else can change it before we commit.
            SELECT b.warehouse_id AS w, b.product_id AS p, b.on_hand
            FROM stock_balances b JOIN unnest($5::uuid[], $6::uuid[]) AS x(w, p) ON b.warehouse_id = x.w AND b.product_id = x.p
            WHERE b.tenant_id = $1
            ORDER BY b.warehouse_id, b.product_id
            FOR UPDATE OF b
        ), wh AS MATERIALIZED (
            SELECT w.id, w.is_active,
                (SELECT a.number FROM stock_audits a -- an open count freezes its warehouse, except for its own corrections
                 WHERE a.tenant_id = $1 AND a.warehouse_id = w.id AND a.status IN (0, 1) AND a.id IS DISTINCT FROM $4
                 ORDER BY a.number LIMIT 1) AS frozen
            FROM warehouses w WHERE w.tenant_id = $1 AND w.id = ANY($2)
        ), chk AS MATERIALIZED (
            SELECT (SELECT count(*) FROM wh) AS warehouses,
                (SELECT count(*) FROM wh WHERE NOT wh.is_active) AS inactive,
                (SELECT wh.frozen FROM wh WHERE wh.frozen IS NOT NULL ORDER BY wh.id LIMIT 1) AS frozen,
                (SELECT count(*) FROM products p WHERE p.tenant_id = $1 AND p.id = ANY($3)) AS products,
                coalesce((SELECT t.allow_negative_stock FROM tenants t WHERE t.id = $1), false) AS allow_negative,
                (SELECT count(*) FROM bal) AS locked
        ), short AS MATERIALIZED (
            -- The first decrease that would take its balance below zero (no row = nothing to take).
            SELECT x.w, x.p, coalesce(b.on_hand, 0) AS on_hand
            FROM unnest($5::uuid[], $6::uuid[], $7::numeric[]) AS x(w, p, d) LEFT JOIN bal b ON b.w = x.w AND b.p = x.p
            WHERE x.d < 0 AND coalesce(b.on_hand, 0) + x.d < 0
            ORDER BY x.w, x.p LIMIT 1
        ), go AS MATERIALIZED (
            SELECT c.*, s.w AS short_w, s.p AS short_p, s.on_hand AS short_on_hand,
                c.warehouses = cardinality($2) AND c.inactive = 0 AND c.frozen IS NULL AND c.products = cardinality($3)
                    AND (c.allow_negative OR s.w IS NULL) AS ok
            FROM chk c LEFT JOIN short s ON true
        ), up AS (
            -- Increases (and, when the tenant allows negative stock, decreases): one upsert, in order.
            INSERT INTO stock_balances (tenant_id, warehouse_id, product_id, on_hand)
            SELECT $1, x.w, x.p, x.d FROM unnest($5::uuid[], $6::uuid[], $7::numeric[]) AS x(w, p, d)
            WHERE (SELECT ok FROM go) AND (x.d > 0 OR (SELECT allow_negative FROM go))
            ORDER BY x.w, x.p
            ON CONFLICT (tenant_id, warehouse_id, product_id) DO UPDATE SET on_hand = stock_balances.on_hand + excluded.on_hand
            RETURNING 1
        ), dn AS (
            -- Decreases: their rows are locked above and were checked to stay at or above zero.
            UPDATE stock_balances b SET on_hand = b.on_hand + x.d FROM unnest($5::uuid[], $6::uuid[], $7::numeric[]) AS x(w, p, d)
            WHERE (SELECT ok FROM go) AND x.d < 0 AND NOT (SELECT allow_negative FROM go)
                AND b.tenant_id = $1 AND b.warehouse_id = x.w AND b.product_id = x.p
            RETURNING 1
        ), mv AS (
            INSERT INTO stock_movements (id, tenant_id, warehouse_id, product_id, type, quantity, document_type, document_number,
                document_id, correlation_id, reason, at, user_id, user_name)
            SELECT m.id, $1, m.w, m.p, m.t, m.q, $15, $16, $17, m.c, m.r, $18, $19, $20
            FROM unnest($8::uuid[], $9::uuid[], $10::uuid[], $11::integer[], $12::numeric[], $13::uuid[], $14::text[]) AS m(id, w, p, t, q, c, r)
            WHERE (SELECT ok FROM go)
            RETURNING 1
        )
        SELECT go.ok, go.warehouses, go.inactive, go.frozen, go.products, go.short_w, go.short_p, go.short_on_hand,
            (SELECT p.sku FROM products p WHERE p.tenant_id = $1 AND p.id = go.short_p) AS sku,
            (SELECT w.code FROM warehouses w WHERE w.tenant_id = $1 AND w.id = go.short_w) AS code,
            (SELECT count(*) FROM up) + (SELECT count(*) FROM dn) AS balances, (SELECT count(*) FROM mv) AS movements
        FROM go
        """;

    /// <summary>
    /// Posts <paramref name="movements"/> (already validated) with the balance <paramref name="deltas"/> (one per
    /// warehouse × product, sorted). Other pending changes of <paramref name="db"/> are saved after the ledger's
    /// statements in the same transaction (the caller's, or one begun here); with none, the batch is its own transaction.
    /// </summary>
    public static async Task<Result> PostAsync(SidigDbContext db, Guid tenantId, Guid? auditId, IReadOnlyList<Guid> warehouseIds,
        IReadOnlyList<Guid> productIds, IReadOnlyList<(Guid WarehouseId, Guid ProductId, decimal Delta)> deltas,
        IReadOnlyList<StockMovement> movements, CancellationToken ct)
    {
        var moving = deltas.Where(d => d.Delta != 0).ToList();
        var pending = db.ChangeTracker.HasChanges();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var own = db.Database.CurrentTransaction is null && pending ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        // Without a transaction and without other changes the batch needs nothing of EF Core: a pooled connection is
        // taken and the batch sets the tenant itself (it bypasses EF's commands, so TenantCommandInterceptor does not see it).
        var opened = transaction is null && connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            Outcome outcome;
            await using var batch = Batch(connection, transaction, tenantId, auditId, warehouseIds, productIds, moving, movements);
            // Prepared once per physical connection (Npgsql keeps them across pooled opens; later calls cost nothing):
            // PostgreSQL then parses and plans the posting statement once instead of on every posting.
            await batch.PrepareAsync(ct);
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                await reader.NextResultAsync(ct); // set_config
                await reader.NextResultAsync(ct); // the warehouse locks
                await reader.ReadAsync(ct);
                outcome = new Outcome(reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetGuid(6),
                    reader.IsDBNull(7) ? 0 : reader.GetDecimal(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetInt64(10), reader.GetInt64(11));
            }
            if (!outcome.Ok)
            {
                if (own is not null) await own.RollbackAsync(ct);
                return Refusal(db, outcome, warehouseIds.Count, productIds.Count, moving);
            }
            // Every decrease was locked and checked, every increase is an upsert: anything else is a bug, not a refusal.
            if (outcome.Balances != moving.Count || outcome.Movements != movements.Count)
                throw new InvalidOperationException($"A posting moved {outcome.Balances} of {moving.Count} balances and wrote {outcome.Movements} of {movements.Count} movements.");
            if (pending) await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return Result.Ok();
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static Result Refusal(SidigDbContext db, Outcome o, int warehouses, int products,
        IReadOnlyList<(Guid WarehouseId, Guid ProductId, decimal Delta)> moving)
    {
        if (o.Warehouses != warehouses) return Result.Fail("Stock.WarehouseNotFound");
        if (o.Inactive > 0) return Result.Fail("Stock.WarehouseInactive");
        if (o.Frozen is { } frozen) return Result.Fail([new Error("Stock.WarehouseFrozen", null, frozen)]);
        if (o.Products != products) return Result.Fail("Stock.ProductNotFound");
        var delta = moving.First(d => d.WarehouseId == o.ShortWarehouse && d.ProductId == o.ShortProduct).Delta;
        db.ChangeTracker.Clear();
        return Result.Fail([new Error("Stock.Insufficient", null, o.Sku ?? "", o.WarehouseCode ?? "", o.ShortOnHand, -delta)]);
    }

    private static NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId, Guid? auditId,
        IReadOnlyList<Guid> warehouseIds, IReadOnlyList<Guid> productIds, List<(Guid WarehouseId, Guid ProductId, decimal Delta)> moving,
        IReadOnlyList<StockMovement> movements)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(SetTenant) { Parameters = { new() { Value = tenantId.ToString(), NpgsqlDbType = NpgsqlDbType.Text } } });
        var warehouses = warehouseIds.ToArray();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LockWarehouses)
        {
            Parameters = { Uuid(tenantId), Uuids(warehouses) },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Post)
        {
            Parameters =
            {
                Uuid(tenantId), Uuids(warehouses), Uuids(productIds.ToArray()), Uuid(auditId),
                Uuids(moving.Select(d => d.WarehouseId).ToArray()), Uuids(moving.Select(d => d.ProductId).ToArray()),
                Numerics(moving.Select(d => d.Delta).ToArray()),
                Uuids(movements.Select(m => m.Id).ToArray()), Uuids(movements.Select(m => m.WarehouseId).ToArray()),
                Uuids(movements.Select(m => m.ProductId).ToArray()),
                new() { Value = movements.Select(m => (int)m.Type).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer },
                Numerics(movements.Select(m => m.Quantity).ToArray()),
                new() { Value = movements.Select(m => m.CorrelationId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new() { Value = movements.Select(m => m.Reason).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                Text(movements[0].DocumentType), Text(movements[0].DocumentNumber), Uuid(movements[0].DocumentId),
                new() { Value = movements[0].At, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                Uuid(movements[0].UserId), Text(movements[0].UserName),
            },
        });
        return batch;
    }

    private static NpgsqlParameter Uuid(Guid? value) => new() { Value = value ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid };
    private static NpgsqlParameter Uuids(Guid[] values) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid };
    private static NpgsqlParameter Numerics(decimal[] values) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric };
    private static NpgsqlParameter Text(string? value) => new() { Value = value ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private sealed record Outcome(bool Ok, long Warehouses, long Inactive, string? Frozen, long Products, Guid? ShortWarehouse,
        Guid? ShortProduct, decimal ShortOnHand, string? Sku, string? WarehouseCode, long Balances, long Movements);
}
