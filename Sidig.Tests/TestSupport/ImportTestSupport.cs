using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features;
using Sidig.Web.Features.Import;
using Sidig.Web.Hosting;

namespace Sidig.Tests.TestSupport;

public enum TestKind { Pcs, Box }

/// <summary>A test-only table (never part of the product) that the import layer writes to, on in-memory SQLite.</summary>
public sealed class TestItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int Quantity { get; set; }
    public bool Active { get; set; }
    public DateOnly? ReleasedOn { get; set; }
    public TestKind Kind { get; set; }
}

public sealed class TestItemsDb(DbContextOptions<TestItemsDb> options) : DbContext(options)
{
    /// <summary>The database refuses this name, so a row can pass every check and still fail while saving.</summary>
    public const string RefusedName = "refused-by-database";

    public DbSet<TestItem> Items => Set<TestItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<TestItem>(e =>
        {
            e.HasIndex(i => i.Sku).IsUnique();
            e.Property(i => i.Price).HasConversion<double>();
            e.ToTable(t => t.HasCheckConstraint("CK_Items_Name", $"Name <> '{RefusedName}'"));
        });
    }
}

/// <summary>One open in-memory SQLite database (it lives as long as its connection) and contexts on it.</summary>
public sealed class TestItemsDatabase : IDbContextFactory<TestItemsDb>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<TestItemsDb> _options;

    public TestItemsDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<TestItemsDb>().UseSqlite(_connection).Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
    }

    public TestItemsDb CreateDbContext() => new(_options);

    public List<TestItem> Items()
    {
        using var db = CreateDbContext();
        return db.Items.AsNoTracking().OrderBy(i => i.Sku).ToList();
    }

    public void Add(params TestItem[] items)
    {
        using var db = CreateDbContext();
        db.Items.AddRange(items);
        db.SaveChanges();
    }

    public void Dispose() => _connection.Dispose();
}

public sealed class TestItemRow
{
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int Quantity { get; set; }
    public bool Active { get; set; } = true;
    public DateOnly? ReleasedOn { get; set; }
    public TestKind Kind { get; set; }
}

/// <summary>What a module's importer looks like: a schema, a database check and an all-or-nothing commit.</summary>
public sealed class TestItemImporter(IDbContextFactory<TestItemsDb> factory) : Importer<TestItemRow>
{
    public override string Name => "test-items";
    public override string Policy => Policies.PrincipalStaff;

    public override ImportSchema<TestItemRow> Schema { get; } = new ImportSchema<TestItemRow>()
        .Required("SKU", CellParsers.Text(20), (r, v) => r.Sku = v, example: "TV-32")
        .Required("Nama", CellParsers.Text(50), (r, v) => r.Name = v, example: "Televisi 32 inci", aliases: ["Name"])
        .Required("Harga", CellParsers.Decimal(min: 0), (r, v) => r.Price = v, example: "1500000", aliases: ["Price"])
        .Optional("Jumlah", CellParsers.Integer(min: 0), (r, v) => r.Quantity = v, example: "12")
        .Optional("Aktif", CellParsers.Boolean(), (r, v) => r.Active = v, example: "ya")
        .Optional("Tanggal Rilis", CellParsers.Date(), (r, v) => r.ReleasedOn = v, example: "2025-01-31")
        .Optional("Satuan", CellParsers.Enum<TestKind>(), (r, v) => r.Kind = v, example: "Pcs")
        .Unique("SKU");

    public int Commits { get; private set; }

    protected override async Task ValidateAsync(IReadOnlyList<ImportRow<TestItemRow>> rows, ImportErrors errors, CancellationToken ct)
    {
        var skus = rows.Select(r => r.Value.Sku).ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var taken = (await db.Items.Where(i => skus.Contains(i.Sku)).Select(i => i.Sku).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => taken.Contains(r.Value.Sku))) errors.Add(row, "SKU", "Test.SkuTaken", row.Value.Sku);
    }

    protected override async Task<Result<int>> CommitAsync(IReadOnlyList<TestItemRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        Commits++;
        var written = await ImportTransaction.RunAsync(factory, rows, (db, row, _) =>
        {
            db.Items.Add(new TestItem
            {
                Sku = row.Sku, Name = row.Name, Price = row.Price, Quantity = row.Quantity, Active = row.Active,
                ReleasedOn = row.ReleasedOn, Kind = row.Kind,
            });
            return ValueTask.CompletedTask;
        }, progress, ct);
        return Result<int>.Ok(written);
    }
}

/// <summary>The import services as the app registers them, for a user of the demo tenant with the given roles.</summary>
public static class ImportServices
{
    public static ServiceProvider Create(TestItemsDatabase database, params string[] roles)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sidig:Import:MaxRows"] = "2000",
        }).Build());
        var tenant = new TenantContext();
        tenant.Set(ComponentTest.Demo);
        services.AddSingleton(tenant);
        services.AddAuthorizationBuilder().AddSidigPolicies();
        var identity = new ClaimsIdentity([new Claim(SidigClaims.TenantId, ComponentTest.Demo.Id.ToString()), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test");
        services.AddSingleton<AuthenticationStateProvider>(new FixedAuthenticationState(new ClaimsPrincipal(identity)));
        services.AddScoped<Permissions>();
        services.AddSidigImport();
        services.AddScoped<PreviewImportHandler>();
        services.AddScoped<CommitImportHandler>();
        services.AddSingleton<IDbContextFactory<TestItemsDb>>(database);
        services.AddImporter<TestItemImporter>();
        return services.BuildServiceProvider();
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

/// <summary>Import files built in memory.</summary>
public static class TestFiles
{
    public static byte[] Csv(string text, bool bom = false) =>
        bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    /// <summary>A real .xlsx whose first sheet has these rows (the first is the header); cells keep their types.</summary>
    public static byte[] Xlsx(params object?[][] rows)
    {
        var sheet = rows.Select(row => (IDictionary<string, object?>)row
            .Select((value, i) => (Key: Sidig.Web.Features.Import.ImportSchema.ColumnLetter(i), value))
            .ToDictionary(c => c.Key, c => c.value)).ToList();
        using var output = new MemoryStream();
        MiniExcel.SaveAs(output, sheet, printHeader: false);
        return output.ToArray();
    }

    public const string Header = "SKU;Nama;Harga;Jumlah;Aktif;Tanggal Rilis;Satuan";

    /// <summary>A semicolon CSV with <paramref name="count"/> valid rows (SKU-0001…).</summary>
    public static string ValidRows(int count) =>
        Header + "\n" + string.Join("\n", Enumerable.Range(1, count).Select(i => $"SKU-{i:D4};Barang {i};{i},5;{i};ya;2025-01-31;Box"));
}
