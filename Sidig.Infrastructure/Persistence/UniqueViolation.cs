using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sidig.Infrastructure.Persistence;

/// <summary>
/// Tells a unique-index violation apart from other save failures on both providers, so a handler that checked a
/// natural key before saving can still answer "already taken" when someone else saved the same key in between.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
        _ => false,
    };
}
