using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sidig.Domain.Catalog;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Invoicing;

namespace Sidig.Bench.Invoicing;

/// <summary>
/// Invoice numbering under concurrency: N posters each issue invoices through the real <see cref="InvoiceIssuer"/> (the
/// service behind <see cref="IssueInvoiceHandler"/>, without its permission check) from shipped delivery notes, on
/// PostgreSQL with RLS, each issue in its own scope and connection. Then checks the numbers: 1..total, no gap, no duplicate.
/// Usage: dotnet bench/Sidig.Bench.Invoicing/bin/Release/net10.0/Sidig.Bench.Invoicing.dll [--posters 8] [--invoices 100] [--lines 5]
/// </summary>
public static class InvoicingBench
{
    public static async Task<int> Main(string[] args)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var posters = Arg("--posters", 8);
        var perPoster = Arg("--invoices", 100);
        var linesPerInvoice = Arg("--lines", 5);
        var total = posters * perPoster;

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
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddSidigInfrastructure(config)
            .AddScoped<InvoiceIssuer>().BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seed: false);
        var tenant = await CreateTenantAsync(services);

        var seed = Stopwatch.StartNew();
        var notes = await SeedShippedNotesAsync(services, tenant, total, linesPerInvoice);
        Console.WriteLine($"Seeded {total:N0} approved orders with a shipped delivery note of {linesPerInvoice} lines each in {seed.Elapsed.TotalSeconds:F1} s");

        var refused = 0;
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, posters).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perPoster; i++)
            {
                var note = notes[p * perPoster + i];
                await InTenant(services, tenant, async sp =>
                {
                    await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
                    var result = await sp.GetRequiredService<InvoiceIssuer>().IssueAsync(db, IssueInvoice.FromDeliveryNotes(note));
                    if (result.Succeeded) numbers.Add(result.Value!.Number);
                    else { Interlocked.Increment(ref refused); Console.WriteLine("refused: " + string.Join(", ", result.Errors.Select(e => e.Code))); }
                });
            }
        })));
        clock.Stop();

        var counters = numbers.Select(n => long.Parse(n[(n.LastIndexOf('/') + 1)..])).Order().ToList();
        var gapless = counters.SequenceEqual(Enumerable.Range(1, total).Select(i => (long)i));
        var duplicates = counters.Count - counters.Distinct().Count();
        var stored = 0;
        await InTenant(services, tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            stored = await db.Invoices.CountAsync();
        });
        Console.WriteLine($"{posters} posters × {perPoster} invoices × {linesPerInvoice} lines = {total:N0} invoices in {clock.Elapsed.TotalSeconds:F2} s: " +
                          $"{total / clock.Elapsed.TotalSeconds:N1} invoices/s, {refused} refused");
        Console.WriteLine($"numbers 1..{total}: {(gapless ? "yes, no gap" : "NO")}; duplicates: {duplicates}; invoices stored: {stored}; " +
                          $"first {numbers.Order().FirstOrDefault()}, last {numbers.Order().LastOrDefault()}");
        return gapless && duplicates == 0 && refused == 0 && stored == total ? 0 : 1;
    }

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

    /// <summary>
    /// Orders approved and delivery notes shipped straight through the domain (the stock ledger is not what is measured
    /// here): one partner per 10 orders, each note billing all lines of its order.
    /// </summary>
    private static async Task<List<Guid>> SeedShippedNotesAsync(IServiceProvider services, TenantInfo tenant, int count, int lines)
    {
        var notes = new List<Guid>();
        await InTenant(services, tenant, async sp =>
        {
            var areas = sp.GetRequiredService<IndonesianAreas>();
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var profile = CompanyProfile.Create("PT Bench Elektronik");
            profile.AddBankAccount("Bank Central Asia", "5270123456", "PT Bench Elektronik");
            db.CompanyProfiles.Add(profile);
            var products = Enumerable.Range(1, Math.Max(lines, 1)).Select(i => Product.Create(new ProductDetails($"SKU-{i:000}", $"Produk {i}", null, "Bench", "PCS",
                1, null, false, 0, null))).ToList();
            var warehouse = Warehouse.Create("WH-PUSAT", "Gudang Pusat", null, null, "31", null, areas);
            var partners = Enumerable.Range(1, Math.Max(1, count / 10)).Select(i => Partner.Create(new PartnerDetails($"P-{i:0000}", $"PT Mitra {i}",
                PartnerType.Dealer, null, PriceTier.Dealer, null, null, "Jl. Bench", "31", null, null, null, null, null, [], 30, 0, 0, null), areas, [])).ToList();
            db.AddRange(products);
            db.Add(warehouse);
            db.AddRange(partners);
            await db.SaveChangesAsync();
            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime.AddHours(7));
            for (var i = 0; i < count; i++)
            {
                var order = SalesOrder.Create($"SO/BENCH/{i:000000}", partners[i % partners.Count].Id, null, OrderSource.Staff, today, warehouse.Id, null, null, now, "bench");
                order.SetLines(products.Take(lines).Select((p, k) => new SalesLineInput(p.Id, p.Sku, p.Name, p.Unit, 1 + k, 125_000 + i, k % 3 == 0 ? 5 : 0, PpnKind.Standard)).ToList(), 0);
                order.Submit([], now, "bench");
                var note = DeliveryNote.Create($"SJ/BENCH/{i:000000}", order, warehouse.Id, null, today, new ShippingDetails("JNE", null, null, null), null,
                    order.Lines.Select(l => (l.Id, l.Quantity)).ToList(), now, "bench");
                note.Ship(now, "bench");
                order.RecordShipped(note.QuantityByOrderLine(), now, "bench");
                db.SalesOrders.Add(order);
                db.DeliveryNotes.Add(note);
                notes.Add(note.Id);
                if (i % 200 == 199) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
            }
            await db.SaveChangesAsync();
        });
        return notes;
    }
}
