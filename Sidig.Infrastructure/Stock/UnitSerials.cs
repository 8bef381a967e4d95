using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Stock;

/// <summary>One line of a stock document as the serial check sees it; <paramref name="Field"/> is where its errors show.</summary>
public sealed record SerialLine(Guid ProductId, decimal Quantity, string? Serials, string Field);

/// <summary>A warehouse × serialised product whose ledger on-hand differs from its count of in-stock units.</summary>
public sealed record UnitMismatch(Guid TenantId, Guid WarehouseId, Guid ProductId, decimal OnHand, int Units);

/// <summary>
/// Loads the units a document names by serial or label, for the stock paths that move serialised products: the
/// handler asks here, then moves those units and posts the ledger in one transaction, so the two always agree.
/// </summary>
public static class UnitSerials
{
    /// <summary>The serialised ones among <paramref name="productIds"/>.</summary>
    public static async Task<HashSet<Guid>> SerialisedAsync(SidigDbContext db, IEnumerable<Guid> productIds, CancellationToken ct)
    {
        var ids = productIds.Distinct().ToList();
        return (await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsSerialised).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>
    /// The units of each line (empty for a product without serials), tracked so the caller can move them; or every
    /// problem, each with its line's field and the serials it is about. Units are read through the tenant filter, so
    /// another tenant's serial is simply unknown. <paramref name="refusal"/> says why a unit may not make the move.
    /// </summary>
    public static async Task<Result<IReadOnlyList<IReadOnlyList<Unit>>>> ResolveAsync(SidigDbContext db, IReadOnlyList<SerialLine> lines,
        Func<SerialLine, Unit, string?> refusal, CancellationToken ct)
    {
        var serialised = await SerialisedAsync(db, lines.Select(l => l.ProductId), ct);
        var errors = new List<Error>();
        var tokens = new List<IReadOnlyList<string>>();
        foreach (var line in lines)
        {
            var t = SerialEntry.Split(line.Serials);
            tokens.Add(t);
            if (!serialised.Contains(line.ProductId))
            {
                if (t.Count > 0) errors.Add(new Error("Units.SerialsNotExpected", line.Field));
                continue;
            }
            if (line.Serials?.Length > SerialEntry.MaxTextLength) errors.Add(new Error("Validation.TooLong", line.Field));
            else errors.AddRange(SerialEntry.Check(t, line.Quantity, line.Field));
        }
        if (errors.Count > 0) return Result<IReadOnlyList<IReadOnlyList<Unit>>>.Fail(errors);

        var all = tokens.SelectMany(t => t).ToList();
        var candidates = await LoadAsync(db, all, ct);
        var result = new List<IReadOnlyList<Unit>>();
        var taken = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!serialised.Contains(lines[i].ProductId)) { result.Add([]); continue; }
            var line = lines[i];
            var (units, problems) = SerialEntry.Resolve(tokens[i], line.ProductId, candidates, u => refusal(line, u), line.Field);
            errors.AddRange(problems);
            var twice = units.Where(u => !taken.Add(u.Id)).Select(u => u.Serial).ToList(); // one unit on two lines
            if (twice.Count > 0) errors.Add(new Error("Units.SerialDuplicate", line.Field, string.Join(", ", twice)));
            result.Add(units);
        }
        return errors.Count > 0 ? Result<IReadOnlyList<IReadOnlyList<Unit>>>.Fail(errors) : Result<IReadOnlyList<IReadOnlyList<Unit>>>.Ok(result);
    }

    /// <summary>The tenant's units whose serial (any case) or public code is one of <paramref name="tokens"/>, tracked.</summary>
    public static async Task<List<Unit>> LoadAsync(SidigDbContext db, IReadOnlyCollection<string> tokens, CancellationToken ct)
    {
        if (tokens.Count == 0) return [];
        var keys = tokens.Select(SerialEntry.SerialKey).Distinct().ToList();
        var codes = tokens.Select(SerialEntry.CodeOf).OfType<string>().Distinct().ToList();
        var units = new List<Unit>();
        foreach (var chunk in keys.Chunk(500))
            units.AddRange(await db.Units.Where(u => chunk.Contains(u.Serial.ToUpper())).ToListAsync(ct));
        foreach (var chunk in codes.Chunk(500))
            units.AddRange(await db.Units.Where(u => chunk.Contains(u.PublicCode)).ToListAsync(ct));
        return units.DistinctBy(u => u.Id).ToList();
    }

    /// <summary>
    /// Every warehouse × serialised product of the current tenant whose ledger on-hand (its balance) differs from the
    /// number of its units in stock there (empty = they agree).
    /// </summary>
    public static async Task<IReadOnlyList<UnitMismatch>> FindMismatchesAsync(SidigDbContext db, CancellationToken ct = default)
    {
        var balances = await db.StockBalances.AsNoTracking()
            .Where(b => db.Products.Any(p => p.Id == b.ProductId && p.IsSerialised))
            .Select(b => new { b.WarehouseId, b.ProductId, b.OnHand }).ToListAsync(ct);
        var counts = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.InStock && u.WarehouseId != null)
            .GroupBy(u => new { u.WarehouseId, u.ProductId })
            .Select(g => new { WarehouseId = g.Key.WarehouseId!.Value, g.Key.ProductId, Count = g.Count() }).ToListAsync(ct);
        var byKey = counts.ToDictionary(c => (c.WarehouseId, c.ProductId), c => c.Count);
        var tenant = db.CurrentTenantId;
        var result = new List<UnitMismatch>();
        foreach (var b in balances)
        {
            var n = byKey.Remove((b.WarehouseId, b.ProductId), out var c) ? c : 0;
            if (b.OnHand != n) result.Add(new UnitMismatch(tenant, b.WarehouseId, b.ProductId, b.OnHand, n));
        }
        foreach (var ((w, p), n) in byKey)
            result.Add(new UnitMismatch(tenant, w, p, 0, n));
        return result;
    }
}
