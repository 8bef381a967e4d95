using System.ComponentModel.DataAnnotations;

namespace Sidig.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Sidig:Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The app's connection. On PostgreSQL use a role that does not own the tables, so row-level security applies.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Connection used to apply migrations (the tables' owner). Defaults to <see cref="ConnectionString"/>.</summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>PostgreSQL role the app connects as; migrations grant it read/write on every table.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]*$")]
    public string? AppRole { get; set; }

    public bool MigrateOnStart { get; set; } = true;

    public bool SeedDemoData { get; set; } = true;

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite => ConnectionString ?? $"Data Source={Path.Combine(AppContext.BaseDirectory, "data", "sidig.db")}",
        _ => ConnectionString ?? throw new InvalidOperationException(
            $"Set {Section}:ConnectionString (environment variable Sidig__Database__ConnectionString) for PostgreSQL."),
    };
}
