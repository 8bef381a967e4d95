using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Sidig.Infrastructure.Persistence.Interceptors;

/// <summary>
/// PostgreSQL row-level security reads the tenant from the <c>app.tenant_id</c> setting. It is set every time
/// EF opens a connection from the pool, so a pooled connection never carries another scope's tenant; with no
/// tenant in scope it is set to empty and the policies match no row.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    public const string Setting = "app.tenant_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        if (command is not null) await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand? CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not NpgsqlConnection npgsql || eventData.Context is not SidigDbContext db) return null;
        var tenant = db.TenantContext.IsSet ? db.TenantContext.TenantId.ToString() : "";
        var command = npgsql.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
        command.Parameters.AddWithValue("tenant", tenant);
        return command;
    }
}
