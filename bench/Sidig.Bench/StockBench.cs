using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Stock;

namespace Sidig.Bench;

/// <summary>
/// Seeds 1,000 products, 200 warehouses and 1,000,000 ledger movements (COPY binary import, balances consistent), then
/// measures posting throughput through the real <see cref="StockLedger.PostAsync"/> with concurrent writers and the
/// stock-overview query (<see cref="StockOverviewQuery"/>, the handler's own query) grouped by province and partner.
/// Usage: dotnet run -c Release --project bench/Sidig.Bench -- [--writers 8] [--postings 600] [--lines 4] [--movements 1000000]
/// </summary>
public static class StockBench
{
    private const int Products = 1_000, Warehouses = 200, Partners = 100, PrimaryWarehouses = 20;

    public static async Task<int> Main(string[] args)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var writers = Arg("--writers", 8);
        var postingsPerWriter = Arg("--postings", 600);
        var linesPerPosting = Arg("--lines", 4); // a transfer of lines/2 products: out of one warehouse, into another
        var totalMovements = Arg("--movements", 1_000_000);

        Console.WriteLine($"Starting a throwaway PostgreSQL cluster ({Environment.ProcessorCount} cores)…");
        var cluster = PostgresCluster.Instance;
        var database = cluster.CreateDatabase();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sidig:Database:Provider"] = "Postgres",
            ["Sidig:Database:ConnectionString"] = cluster.ConnectionString(database, PostgresCluster.AppRole),
            ["Sidig:Database:MigrationConnectionString"] = cluster.ConnectionString(database, PostgresCluster.OwnerRole),
            ["Sidig:Database:AppRole"] = PostgresCluster.AppRole,
            ["Sidig:Database:SeedDemoData"] = "false",
            ["Sidig:Jobs:Server"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSidigInfrastructure(config).BuildServiceProvider();

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seed: false);
        var tenant = await CreateTenantAsync(services);

        var seed = Stopwatch.StartNew();
        var (productIds, warehouseIds) = await SeedCatalogAsync(services, tenant);
        await CopyLedgerAsync(cluster.SuperuserConnectionString(database) + ";Command Timeout=0", tenant.Id, productIds, warehouseIds, totalMovements);
        Console.WriteLine($"Seeded {Products:N0} products, {Warehouses:N0} warehouses, {totalMovements:N0} movements in {seed.Elapsed.TotalSeconds:F1} s");
        await InTenant(services, tenant, async sp =>
        {
            var mismatches = await StockLedger.FindMismatchesAsync(await Db(sp));
            Console.WriteLine($"Seed consistency: {mismatches.Count} mismatches");
        });

        // (a) posting throughput through the real ledger
        var random = new Random(42);
        var plans = Enumerable.Range(0, writers).Select(_ => Enumerable.Range(0, postingsPerWriter).Select(_ =>
        {
            var from = warehouseIds[random.Next(warehouseIds.Count)];
            var to = warehouseIds[random.Next(warehouseIds.Count)];
            while (to == from) to = warehouseIds[random.Next(warehouseIds.Count)];
            var products = productIds.OrderBy(_ => random.Next()).Take(Math.Max(1, linesPerPosting / 2)).ToList();
            return (from, to, products);
        }).ToList()).ToList();
        var failures = 0;
        var postmaster = await PostmasterPidAsync(cluster.SuperuserConnectionString(database));
        var (appCpu, pgCpu) = (Process.GetCurrentProcess().TotalProcessorTime, ClusterCpu(postmaster));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(plans.Select((plan, w) => Task.Run(async () =>
        {
            var n = 0;
            foreach (var (from, to, products) in plan)
            {
                await InTenant(services, tenant, async sp =>
                {
                    await using var db = await Db(sp);
                    var correlation = Guid.CreateVersion7();
                    var lines = products.SelectMany(p => new[]
                    {
                        new StockLine(from, p, MovementType.TransferOut, -1, null, correlation),
                        new StockLine(to, p, MovementType.TransferIn, 1, null, correlation),
                    }).ToList();
                    var result = await sp.GetRequiredService<StockLedger>().PostAsync(db, new StockDocument(StockLedger.DocumentTransfer, $"BENCH/{w}/{n++}", correlation), lines);
                    if (!result.Succeeded) Interlocked.Increment(ref failures);
                });
            }
        })));
        clock.Stop();
        (appCpu, pgCpu) = (Process.GetCurrentProcess().TotalProcessorTime - appCpu, ClusterCpu(postmaster) - pgCpu);
        var postings = writers * postingsPerWriter;
        var movements = postings * (linesPerPosting / 2) * 2;
        Console.WriteLine($"(a) {writers} writers × {postingsPerWriter} postings × {linesPerPosting} lines = {movements:N0} movements in {clock.Elapsed.TotalSeconds:F2} s: " +
                          $"{movements / clock.Elapsed.TotalSeconds:N0} movements/s, {postings / clock.Elapsed.TotalSeconds:N0} postings/s, {failures} refused");
        // CPU time does not depend on what else the machine runs: with C cores to ourselves, postings/s ≈ C ÷ (app + PostgreSQL).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    CPU per posting: app {appCpu.TotalMilliseconds / postings:F2} ms, PostgreSQL {pgCpu.TotalMilliseconds / postings:F2} ms " +
            $"(≈ {Environment.ProcessorCount * 1000 / ((appCpu + pgCpu).TotalMilliseconds / postings) * (movements / postings):N0} movements/s on {Environment.ProcessorCount} idle cores)"));
        await InTenant(services, tenant, async sp =>
        {
            var check = Stopwatch.StartNew();
            var mismatches = await StockLedger.FindMismatchesAsync(await Db(sp));
            Console.WriteLine($"    on-hand = ledger after the run: {(mismatches.Count == 0 ? "yes" : $"NO, {mismatches.Count} mismatches")} (check took {check.ElapsedMilliseconds} ms)");
        });

        // (b) the stock overview query, exactly as GetStockOverviewHandler runs it (staff: every warehouse)
        var areas = services.GetRequiredService<IndonesianAreas>();
        foreach (var grouping in new[] { StockGrouping.Province, StockGrouping.Partner })
        {
            var times = new List<double>();
            for (var i = 0; i < 23; i++)
            {
                await InTenant(services, tenant, async sp =>
                {
                    var sw = Stopwatch.StartNew();
                    await using var db = await Db(sp);
                    var page = await StockOverviewQuery.RunAsync(db, new GetStockOverview(grouping, new StockFilter(), PageSize: 25), null, areas);
                    sw.Stop();
                    if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds); // 3 warm-up runs
                    if (i == 0) Console.WriteLine($"    {grouping}: {page.TotalCount} groups, primary {page.Totals.Primary:N0}, secondary {page.Totals.Secondary:N0}");
                });
            }
            times.Sort();
            Console.WriteLine($"(b) overview by {grouping.ToString().ToLowerInvariant()}: median {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms (20 runs)");
        }
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> PostmasterPidAsync(string superuser)
    {
        await using var conn = new NpgsqlConnection(superuser);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", conn);
        var backend = (int)(await cmd.ExecuteScalarAsync())!;
        return int.Parse(Stat(backend)[1], CultureInfo.InvariantCulture); // ppid of a backend = the postmaster
    }

    /// <summary>CPU time of the cluster: the postmaster with its reaped children, plus its live children (the backends).</summary>
    private static TimeSpan ClusterCpu(int postmaster)
    {
        var tick = 100.0; // USER_HZ on Linux
        double Ticks(string[] f, bool children) => double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture)
            + (children ? double.Parse(f[13], CultureInfo.InvariantCulture) + double.Parse(f[14], CultureInfo.InvariantCulture) : 0);
        var total = Ticks(Stat(postmaster), true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == postmaster) continue;
            try
            {
                var f = Stat(pid);
                if (f[1] == postmaster.ToString(CultureInfo.InvariantCulture)) total += Ticks(f, false);
            }
            catch (IOException) { } // exited meanwhile
        }
        return TimeSpan.FromSeconds(total / tick);
    }

    /// <summary>/proc/pid/stat from field 3 on (state, ppid, …), so field n of proc(5) is index n − 3.</summary>
    private static string[] Stat(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        return text[(text.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static async Task<SidigDbContext> Db(IServiceProvider sp) =>
        await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();

    private static async Task InTenant(IServiceProvider services, TenantInfo tenant, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(null, "bench");
        await work(scope.ServiceProvider);
    }

    private static async Task<TenantInfo> CreateTenantAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
        var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
        var tenant = Tenant.Create("bench", "Bench Elektronik", DateTimeOffset.UtcNow);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return new TenantInfo(tenant.Id, tenant.Slug, tenant.DisplayName, tenant.TimeZoneId, tenant.Language, true);
    }

    /// <summary>Products, partners and warehouses through the domain and EF Core (small tables).</summary>
    private static async Task<(List<Guid> Products, List<Guid> Warehouses)> SeedCatalogAsync(IServiceProvider services, TenantInfo tenant)
    {
        var productIds = new List<Guid>();
        var warehouseIds = new List<Guid>();
        await InTenant(services, tenant, async sp =>
        {
            var areas = sp.GetRequiredService<IndonesianAreas>();
            var provinces = areas.Provinces.Select(p => p.Code).ToList();
            await using var db = await Db(sp);
            var products = Enumerable.Range(1, Products).Select(i => Product.Create(new ProductDetails($"SKU-{i:00000}", $"Produk {i}", null, "Bench", "PCS",
                1, null, false, 5, null))).ToList();
            var partners = Enumerable.Range(1, Partners).Select(i => Partner.Create(new PartnerDetails($"P-{i:000}", $"PT Mitra {i}", PartnerType.Distributor,
                null, PriceTier.Distributor, null, null, null, provinces[i % provinces.Count], null, null, null, null, null, [], 30, 0, 0, null),
                areas, [])).ToList();
            var warehouses = Enumerable.Range(1, Warehouses).Select(i => Warehouse.Create($"WH-{i:000}", $"Gudang {i}",
                i <= PrimaryWarehouses ? null : partners[(i - PrimaryWarehouses - 1) % Partners].Id, null, provinces[i % provinces.Count], null, areas)).ToList();
            db.AddRange(products);
            db.AddRange(partners);
            db.AddRange(warehouses);
            await db.SaveChangesAsync();
            productIds.AddRange(products.Select(p => p.Id));
            warehouseIds.AddRange(warehouses.Select(w => w.Id));
        });
        return (productIds, warehouseIds);
    }

    /// <summary>
    /// The ledger and its balances with COPY (binary). PostgreSQL refuses COPY FROM for a role that row-level security
    /// applies to (the owner too: RLS is FORCEd), so the seed runs as the cluster's superuser, with explicit tenant ids: every warehouse × product gets movements/200,000 movements — a receipt, then shipments, transfers and
    /// adjustments — and its balance is the exact sum.
    /// </summary>
    private static async Task CopyLedgerAsync(string ownerConnection, Guid tenantId, List<Guid> products, List<Guid> warehouses, int total)
    {
        await using var conn = new NpgsqlConnection(ownerConnection);
        await conn.OpenAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{tenantId}', false)", conn)) await set.ExecuteNonQueryAsync();
        var pairs = warehouses.SelectMany(w => products.Select(p => (w, p))).ToList();
        var perPair = Math.Max(1, total / pairs.Count);
        var balances = new Dictionary<(Guid, Guid), decimal>();
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        var random = new Random(7);
        await using (var writer = await conn.BeginBinaryImportAsync(
            "COPY stock_movements (id, tenant_id, warehouse_id, product_id, type, quantity, document_type, document_number, at, user_name) FROM STDIN (FORMAT BINARY)"))
        {
            var n = 0;
            foreach (var (w, p) in pairs)
            {
                decimal onHand = 0;
                for (var i = 0; i < perPair; i++)
                {
                    (MovementType type, decimal quantity) = (i, i % 3) switch
                    {
                        (0, _) => (MovementType.Opening, 500 + random.Next(500)),
                        (_, 0) => (MovementType.ShipmentOut, -random.Next(1, 10)),
                        (_, 1) => (MovementType.Receipt, random.Next(1, 20)),
                        _ => (MovementType.Adjustment, random.Next(1, 4) * (random.Next(2) == 0 ? 1 : -1)),
                    };
                    onHand += quantity;
                    await writer.StartRowAsync();
                    await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(w, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(p, NpgsqlDbType.Uuid);
                    await writer.WriteAsync((int)type, NpgsqlDbType.Integer);
                    await writer.WriteAsync(quantity, NpgsqlDbType.Numeric);
                    await writer.WriteAsync("Seed", NpgsqlDbType.Varchar);
                    await writer.WriteAsync($"SEED/{n++}", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(start.AddSeconds(n * 30).UtcDateTime, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                }
                balances[(w, p)] = onHand;
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await conn.BeginBinaryImportAsync("COPY stock_balances (tenant_id, warehouse_id, product_id, on_hand) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var ((w, p), onHand) in balances)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(tenantId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(w, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p, NpgsqlDbType.Uuid);
                await writer.WriteAsync(onHand, NpgsqlDbType.Numeric);
            }
            await writer.CompleteAsync();
        }
        // VACUUM too, not only ANALYZE: a freshly copied table has no visibility map and unset hint bits, and
        // autovacuum would otherwise vacuum the million rows in the middle of the measured postings.
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", conn) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {pairs.Count * perPair:N0} movements over {pairs.Count:N0} balances"));
    }
}
