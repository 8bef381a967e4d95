using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sidig.Domain.Catalog;
using Sidig.Domain.Stock;
using Sidig.Domain.Tenancy;
using Sidig.Domain.Units;
using Sidig.Infrastructure;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;

namespace Sidig.Bench.Reminders;

/// <summary>
/// The daily warranty reminder scan (<see cref="WarrantyReminderJob"/>) over N registrations of N units in one tenant, on a
/// throwaway PostgreSQL cluster with RLS and the app's own role: time, memory after every page, messages queued; then a
/// second run the same day, which must queue nothing. Registrations are spread evenly over the last three years under four
/// policies (12 months; 24 months with maintenance every 6; 36 months with maintenance every 12; 12 months from sell-out);
/// 1 in 20 is pending and 1 in 20 rejected; every other buyer gave an e-mail.
/// Usage: dotnet bench/Sidig.Bench.Reminders/bin/Release/net10.0/Sidig.Bench.Reminders.dll [--registrations 1000000] [--batch 5000]
/// </summary>
public static class ReminderBench
{
    public static async Task<int> Main(string[] args)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var count = Arg("--registrations", 1_000_000);
        var batchSize = Arg("--batch", WarrantyReminderJob.DefaultBatchSize);

        Console.WriteLine($"Starting a throwaway PostgreSQL cluster ({Environment.ProcessorCount} cores, load {Load()})…");
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
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSidigInfrastructure(config)
            .AddSidigNotifications(config).AddScoped<TenantJobScope>().AddTransient<WarrantyReminderJob>().BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seed: false);
        var tenant = await CreateTenantAsync(services);

        var seed = Stopwatch.StartNew();
        await SeedAsync(services, cluster.SuperuserConnectionString(database), tenant, count);
        Console.WriteLine($"Seeded {count:N0} units and {count:N0} registrations in {seed.Elapsed.TotalSeconds:F1} s (load {Load()})");

        var first = await RunAsync(services, tenant, batchSize, "first run");
        var second = await RunAsync(services, tenant, batchSize, "second run, same day");

        await using var conn = new NpgsqlConnection(cluster.SuperuserConnectionString(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*), count(DISTINCT dedup_key) FROM outbox_messages", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (rows, distinct) = (reader.GetInt64(0), reader.GetInt64(1));
        Console.WriteLine($"outbox: {rows:N0} messages, {distinct:N0} distinct keys, duplicates: {rows - distinct}; second run queued {second.Queued}");
        return first.Queued > 0 && second.Queued == 0 && rows == distinct && rows == first.Queued ? 0 : 1;
    }

    private static async Task<WarrantyReminderScan> RunAsync(IServiceProvider services, TenantInfo tenant, int batchSize, string label)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var heaps = new List<long>();
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<WarrantyReminderJob>().ScanAsync(tenant.Id, batchSize, _ =>
        {
            heaps.Add(GC.GetTotalMemory(false));
            return Task.CompletedTask;
        }, CancellationToken.None);
        clock.Stop();
        process.Refresh();
        static string Mb(long bytes) => $"{bytes / 1024d / 1024d:F0} MB";
        var quarter = heaps.Count / 4;
        Console.WriteLine($"{label}: {result.Registrations:N0} registrations read in {heaps.Count} pages of {batchSize:N0}, {result.Queued:N0} messages queued, " +
                          $"{clock.Elapsed.TotalSeconds:F1} s (load {Load()})");
        Console.WriteLine($"  managed heap after page 1 / 25 % / 50 % / 75 % / last: {Mb(heaps[0])} / {Mb(heaps[quarter])} / {Mb(heaps[2 * quarter])} / " +
                          $"{Mb(heaps[3 * quarter])} / {Mb(heaps[^1])}; max {Mb(heaps.Max())}; process peak working set {Mb(process.PeakWorkingSet64)}");
        return result;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

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

    /// <summary>
    /// The catalog through the domain (policies, products, a warehouse, one batch for the foreign keys), then the units and
    /// registrations by INSERT … SELECT generate_series as the superuser: the loading is not what is measured.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, string superuser, TenantInfo tenant, int count)
    {
        var productIds = new List<Guid>();
        Guid batchId;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(null, "bench");
            var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
            var areas = scope.ServiceProvider.GetRequiredService<IndonesianAreas>();
            WarrantyPolicy[] policies =
            [
                WarrantyPolicy.Create("Garansi 12 bulan", 12, WarrantyStart.Registration, 0, "Kerusakan pabrik", "Factory defects", false),
                WarrantyPolicy.Create("Garansi 24 bulan", 24, WarrantyStart.Registration, 0, "Kerusakan pabrik", "Factory defects", false, null, 6),
                WarrantyPolicy.Create("Garansi 36 bulan", 36, WarrantyStart.Registration, 0, "Kompresor", "Compressor", false, null, 12),
                WarrantyPolicy.Create("Garansi 12 bulan sell-out", 12, WarrantyStart.SellOut, 0, "Kerusakan pabrik", "Factory defects", false),
            ];
            db.WarrantyPolicies.AddRange(policies);
            var products = policies.Select((p, i) => Product.Create(new ProductDetails($"SKU-{i + 1:00}", $"Produk {i + 1}", null, "Bench", "PCS", 10, null,
                true, 0, null))).ToList();
            db.Products.AddRange(products);
            var warehouse = Warehouse.Create("WH-PUSAT", "Gudang Pusat", null, null, "31", null, areas);
            db.Warehouses.Add(warehouse);
            await db.SaveChangesAsync();
            for (var i = 0; i < products.Count; i++)
                await db.Products.Where(p => p.Id == products[i].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.WarrantyPolicyId, policies[i].Id));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var (batch, units, events) = UnitBatch.Create(products[0].Id, products[0].Sku, "BENCH", today.AddYears(-4), 1, "{sku}-{n:7}", warehouse.Id, 1,
                today, DateTimeOffset.UtcNow, "bench");
            db.UnitBatches.Add(batch);
            db.Units.AddRange(units);
            db.UnitEvents.AddRange(events);
            await db.SaveChangesAsync();
            productIds.AddRange(products.Select(p => p.Id));
            batchId = batch.Id;
        }

        await using var conn = new NpgsqlConnection(superuser);
        await conn.OpenAsync();
        async Task Sql(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("tenant", tenant.Id);
            cmd.Parameters.AddWithValue("batch", batchId);
            cmd.Parameters.AddWithValue("products", productIds.ToArray());
            cmd.Parameters.AddWithValue("n", count);
            await cmd.ExecuteNonQueryAsync();
        }
        // Registration day of row i: i % 1095 days ago. Rows with i % 20 = 0 are pending, = 1 rejected (no registered_on on the unit).
        await Sql("""
            CREATE TEMP TABLE seed AS
            SELECT i, gen_random_uuid() AS unit_id, gen_random_uuid() AS reg_id, (@products)[1 + i % 4] AS product_id,
                   current_date - (i % 1095) AS on_day, CASE i % 20 WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 0 END AS status
            FROM generate_series(1, @n) AS i
            """);
        await Sql("""
            INSERT INTO units (id, tenant_id, product_id, batch_id, serial, public_code, status, customer_id, sold_on, registered_on, created_at)
            SELECT unit_id, @tenant, product_id, @batch, 'BN-' || lpad(i::text, 8, '0'), substr(md5('code' || i), 1, 12), 1, NULL,
                   on_day - 2, CASE WHEN status = 0 THEN on_day END, now()
            FROM seed
            """);
        await Sql("""
            INSERT INTO warranty_registrations (id, tenant_id, unit_id, submission_key, token, name, phone, phone_key, email, purchase_date,
                seller_name, province_code, regency_code, source, registered_on, submitted_at, status, flags, reject_reason)
            SELECT reg_id, @tenant, unit_id, gen_random_uuid(), substr(md5('token' || i), 1, 24), 'Pembeli ' || i,
                   '+62812' || lpad(i::text, 8, '0'), '62812' || lpad(i::text, 8, '0'), CASE WHEN i % 2 = 0 THEN 'pembeli' || i || '@example.test' END,
                   on_day - 2, 'Toko Bench', '32', '32.73', 0, on_day, on_day + time '03:00', status, 0,
                   CASE WHEN status = 2 THEN 'Nota tidak terbaca' END
            FROM seed
            """);
        await Sql("ANALYZE units; ANALYZE warranty_registrations;");
    }
}
