using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Persistence;

// Used only by `dotnet ef migrations add`, which never connects; see docs/decisions/0002-two-migration-sets.md.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSidigDbContext>
{
    public SqliteSidigDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSidigDbContext>().UseSqlite("Data Source=design.db").Options, Platform());

    internal static TenantContext Platform()
    {
        var t = new TenantContext();
        t.Set(TenantInfo.Platform);
        return t;
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSidigDbContext>
{
    public PostgresSidigDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSidigDbContext>()
            .UseNpgsql("Host=localhost;Database=sidig_design", n => n.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention().Options, SqliteDesignTimeFactory.Platform());
}
