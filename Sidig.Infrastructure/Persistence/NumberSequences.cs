using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Persistence;

/// <summary>
/// Gapless per-tenant document numbers. The increment is an UPDATE inside the caller's transaction: it holds the
/// sequence row's lock until commit, so concurrent documents get consecutive numbers, and a rolled-back document
/// gives its number back.
/// </summary>
public static class NumberSequences
{
    /// <summary>The next number of <paramref name="name"/> in <paramref name="period"/>; must run inside a transaction.</summary>
    public static Task<long> NextAsync(SidigDbContext db, string name, string period, CancellationToken ct = default) =>
        ReserveAsync(db, name, period, 1, ct);

    /// <summary>The first of the next <paramref name="count"/> consecutive numbers (e.g. a batch's serials); must run inside a transaction.</summary>
    public static async Task<long> ReserveAsync(SidigDbContext db, string name, string period, int count, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A document number is taken inside the transaction that saves the document.");
        var tenantId = db.CurrentTenantId;
        var e = db.Model.FindEntityType(typeof(NumberSequence))!;
        var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
        string Col(string p) => "\"" + e.FindProperty(p)!.GetColumnName(table) + "\"";
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{e.GetTableName()}\" ({Col(nameof(NumberSequence.TenantId))}, {Col(nameof(NumberSequence.Name))}, " +
            $"{Col(nameof(NumberSequence.Period))}, {Col(nameof(NumberSequence.LastValue))}) VALUES ({{0}}, {{1}}, {{2}}, 0) ON CONFLICT DO NOTHING",
            [tenantId, name, period], ct);
        await db.Set<NumberSequence>().Where(s => s.Name == name && s.Period == period)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + count), ct);
        return await db.Set<NumberSequence>().AsNoTracking().Where(s => s.Name == name && s.Period == period)
            .Select(s => s.LastValue).FirstAsync(ct) - count + 1;
    }

    /// <summary>e.g. <c>Format("SO", 2026, 42)</c> → <c>SO/2026/000042</c>.</summary>
    public static string Format(string prefix, string period, long value) => $"{prefix}/{period}/{value:000000}";
}
