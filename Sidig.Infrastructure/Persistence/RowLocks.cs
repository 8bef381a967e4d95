using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Persistence;

/// <summary>
/// Row locks for read-modify-write of aggregates whose figures accumulate (an order's shipped and invoiced quantities,
/// an invoice's paid amount). PostgreSQL: <c>SELECT … FOR UPDATE</c> of the rows in id order inside the caller's
/// transaction, so two writers of the same record queue up and the second reads what the first committed — no lost
/// update, and no deadlock between writers that lock the same kind of rows. SQLite serialises writers on the whole
/// database already, so nothing is done there.
/// </summary>
public static class RowLocks
{
    /// <summary>Locks the rows of <typeparamref name="T"/> with these ids (of the current tenant); must run inside a transaction.</summary>
    public static async Task LockAsync<T>(SidigDbContext db, IEnumerable<Guid> ids, CancellationToken ct = default) where T : Entity, ITenantOwned
    {
        if (!db.Database.IsNpgsql()) return;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Rows are locked inside the transaction that changes them.");
        var list = ids.Distinct().Order().ToArray();
        if (list.Length == 0) return;
        var e = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
        string Col(string p) => "\"" + e.FindProperty(p)!.GetColumnName(table) + "\"";
        await db.Database.ExecuteSqlRawAsync(
            $"SELECT 1 FROM \"{e.GetTableName()}\" WHERE {Col(nameof(ITenantOwned.TenantId))} = {{0}} AND {Col(nameof(Entity.Id))} = ANY({{1}}) " +
            $"ORDER BY {Col(nameof(Entity.Id))} FOR UPDATE",
            [db.CurrentTenantId, list], ct);
    }
}
