using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// The real app (seeded with the demo tenants) on a real database. One instance per test class (class fixture);
/// each gets its own database, so classes run in parallel without seeing each other's rows.
/// </summary>
public abstract class SidigAppFactory : WebApplicationFactory<Program>
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Extra settings a subclass wants (e.g. a started job server).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected string? DatabaseName { get; private set; }
    private string? _sqliteFile;

    public string AppConnectionString { get; private set; } = "";
    public string OwnerConnectionString { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Sidig:Database:Provider"] = Provider.ToString(),
            ["Sidig:Database:SeedDemoData"] = "true",
            ["Sidig:Jobs:Server"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Tests post the public forms far more often than a person; the limits have their own tests.
            ["Sidig:PublicForms:PostsPerAddress"] = "100000",
            ["Sidig:PublicForms:PostsPerTarget"] = "100000",
        };
        if (Provider == DatabaseProvider.Postgres)
        {
            var pg = PostgresCluster.Instance;
            DatabaseName ??= pg.CreateDatabase(); // once per factory: a second node (WithWebHostBuilder) shares it
            AppConnectionString = pg.ConnectionString(DatabaseName, PostgresCluster.AppRole);
            OwnerConnectionString = pg.ConnectionString(DatabaseName, PostgresCluster.OwnerRole);
            settings["Sidig:Database:ConnectionString"] = AppConnectionString;
            settings["Sidig:Database:MigrationConnectionString"] = OwnerConnectionString;
            settings["Sidig:Database:AppRole"] = PostgresCluster.AppRole;
        }
        else
        {
            _sqliteFile ??= Path.Combine(Path.GetTempPath(), $"sidig-test-{Guid.NewGuid():N}.db");
            AppConnectionString = OwnerConnectionString = $"Data Source={_sqliteFile}";
            settings["Sidig:Database:ConnectionString"] = AppConnectionString;
        }
        foreach (var (k, v) in Settings) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
    }

    /// <summary>An HTTP client for one host (e.g. "demo" → http://demo.localhost), with its own cookie jar.</summary>
    public SidigClient Client(string? tenant = "demo")
    {
        var baseAddress = new Uri(tenant is null ? "http://localhost" : $"http://{tenant}.localhost");
        var cookies = new System.Net.CookieContainer();
        var http = CreateDefaultClient(baseAddress, new CookieHandler(cookies));
        return new SidigClient(http, cookies, baseAddress);
    }

    /// <summary>Runs code in a DI scope of the app with the given tenant set (null = platform).</summary>
    public async Task<T> InTenant<T>(string? tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var info = tenant is null ? TenantInfo.Platform
            : await sp.GetRequiredService<TenantStore>().FindAsync(tenant) ?? throw new InvalidOperationException(tenant);
        sp.GetRequiredService<TenantContext>().Set(info);
        return await work(sp);
    }

    public Task InTenant(string? tenant, Func<IServiceProvider, Task> work) =>
        InTenant<bool>(tenant, async sp => { await work(sp); return true; });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp : SidigAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : SidigAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
