using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence.Interceptors;
using Sidig.Infrastructure.Seeding;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Persistence;

/// <summary>
/// Start-up (and the documented `--migrate` command): applies the provider's migrations as the tables' owner,
/// grants the app role its rights on PostgreSQL, creates the fixed roles, and seeds demo data when configured.
/// </summary>
public sealed class DatabaseInitializer(
    IOptions<DatabaseOptions> options,
    TenantContext tenantContext,
    RoleManager<AppRole> roles,
    DemoSeeder seeder,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool? migrate = null, bool? seed = null, CancellationToken ct = default)
    {
        var o = options.Value;
        tenantContext.Set(TenantInfo.Platform);
        if (migrate ?? o.MigrateOnStart) await MigrateAsync(o, ct);
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
        if (seed ?? o.SeedDemoData) await seeder.SeedAsync(ct);
    }

    private async Task MigrateAsync(DatabaseOptions o, CancellationToken ct)
    {
        var platform = new TenantContext();
        platform.Set(TenantInfo.Platform);
        if (o.Provider == DatabaseProvider.Postgres)
        {
            var cs = o.MigrationConnectionString ?? o.ResolveConnectionString();
            var builder = new DbContextOptionsBuilder<PostgresSidigDbContext>()
                .UseNpgsql(cs, n => n.MigrationsHistoryTable("__ef_migrations_history"))
                .UseSnakeCaseNamingConvention();
            await using var db = new PostgresSidigDbContext(builder.Options, platform);
            await db.Database.MigrateAsync(ct);
            if (o.AppRole is { } role) await GrantAsync(db, role, ct);
        }
        else
        {
            var builder = new DbContextOptionsBuilder<SqliteSidigDbContext>().UseSqlite(o.ResolveConnectionString());
            await using var db = new SqliteSidigDbContext(builder.Options, platform);
            await db.Database.MigrateAsync(ct);
        }
        logger.LogInformation("Database migrated ({Provider})", o.Provider);
    }

    /// <summary>The app role reads and writes rows but owns nothing, so FORCEd row-level security always applies to it.</summary>
    private static async Task GrantAsync(DbContext db, string role, CancellationToken ct)
    {
        var r = new NpgsqlCommandBuilder().QuoteIdentifier(role);
        await db.Database.ExecuteSqlRawAsync($"""
            GRANT USAGE ON SCHEMA public TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {r};
            REVOKE UPDATE, DELETE, TRUNCATE ON "stock_movements" FROM {r};
            """, ct); // the ledger is append-only for the app, whatever a bug in the app may try
    }
}
