using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Stock;

/// <summary>
/// The `--check-stock` command: for every tenant (each in its own scope with that tenant set, so the query filter and
/// row-level security apply), every warehouse × product whose balance differs from the sum of its ledger, and every
/// warehouse × serialised product whose on-hand differs from its count of in-stock units.
/// </summary>
public static class StockConsistencyCheck
{
    public static async Task<IReadOnlyList<StockMismatch>> FindAllAsync(IServiceProvider services, CancellationToken ct = default) =>
        await PerTenantAsync(services, StockLedger.FindMismatchesAsync, ct);

    /// <summary>Every warehouse × serialised product, of every tenant, whose ledger on-hand differs from its units in stock.</summary>
    public static async Task<IReadOnlyList<UnitMismatch>> FindAllUnitMismatchesAsync(IServiceProvider services, CancellationToken ct = default) =>
        await PerTenantAsync(services, UnitSerials.FindMismatchesAsync, ct);

    private static async Task<List<T>> PerTenantAsync<T>(IServiceProvider services, Func<SidigDbContext, CancellationToken, Task<IReadOnlyList<T>>> find, CancellationToken ct)
    {
        List<TenantInfo> tenants;
        await using (var platform = services.CreateAsyncScope())
        {
            platform.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
            var db = platform.ServiceProvider.GetRequiredService<SidigDbContext>();
            tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Slug)
                .Select(t => new TenantInfo(t.Id, t.Slug, t.DisplayName, t.TimeZoneId, t.Language, t.Status == Domain.Tenancy.TenantStatus.Active))
                .ToListAsync(ct);
        }
        var mismatches = new List<T>();
        foreach (var tenant in tenants)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
            mismatches.AddRange(await find(db, ct));
        }
        return mismatches;
    }

    /// <summary>Prints the mismatches; returns the process exit code (0 consistent, 1 mismatches, 2 the check could not run).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        IReadOnlyList<StockMismatch> mismatches;
        IReadOnlyList<UnitMismatch> units;
        try
        {
            mismatches = await FindAllAsync(services, ct);
            units = await FindAllUnitMismatchesAsync(services, ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"Stock check could not run: {e.Message}");
            return 2;
        }
        foreach (var m in mismatches)
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"MISMATCH tenant={m.TenantId} warehouse={m.WarehouseId} product={m.ProductId} balance={m.Balance:0.###} ledger={m.Ledger:0.###}"));
        await output.WriteLineAsync(mismatches.Count == 0
            ? "Stock is consistent: every balance equals the sum of its ledger."
            : $"{mismatches.Count} stock balance(s) differ from their ledger.");
        foreach (var m in units)
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"UNITS MISMATCH tenant={m.TenantId} warehouse={m.WarehouseId} product={m.ProductId} on_hand={m.OnHand:0.###} units_in_stock={m.Units}"));
        await output.WriteLineAsync(units.Count == 0
            ? "Units agree: every serialised on-hand equals its count of units in stock."
            : $"{units.Count} serialised on-hand(s) differ from their units in stock.");
        return mismatches.Count == 0 && units.Count == 0 ? 0 : 1;
    }
}
