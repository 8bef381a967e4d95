using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Sidig.Infrastructure.Persistence.Interceptors;

/// <summary>
/// PostgreSQL row-level security reads the tenant from the <c>app.tenant_id</c> setting; every command EF sends sets it
/// first, from the context's tenant at that moment (empty without one: the policies then match no row). A pooled
/// connection is reset when it returns to the pool, so it never carries another scope's tenant into the next lease.
/// <para>Queries and bulk statements carry it in the same round trip: <c>CALL sidig_set_tenant(…)</c> before the statement
/// (a procedure returns no result set, so the reader's first result is still the query's). SaveChanges batches cannot:
/// Npgsql's EF provider reads each statement's row count by position for its concurrency checks, so for those the setting
/// is its own round trip before the batch (docs/decisions/tenant-setting-per-command.md).</para>
/// </summary>
public sealed class TenantCommandInterceptor : DbCommandInterceptor
{
    public const string Setting = "app.tenant_id";
    /// <summary>Created by the TenantSettingProcedure migration.</summary>
    public const string Procedure = "sidig_set_tenant";
    private const string Parameter = "__sidig_tenant";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        SetTenant(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await SetTenantAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        SetTenant(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SetTenantAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        SetTenant(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await SetTenantAsync(command, eventData, cancellationToken);
        return result;
    }

    private static void SetTenant(DbCommand command, CommandEventData eventData)
    {
        using var separate = Prepare(command, eventData);
        separate?.ExecuteNonQuery();
    }

    private static async Task SetTenantAsync(DbCommand command, CommandEventData eventData, CancellationToken ct)
    {
        await using var separate = Prepare(command, eventData);
        if (separate is not null) await separate.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Puts the tenant in front of <paramref name="command"/>, or returns the command that sets it separately.</summary>
    private static NpgsqlCommand? Prepare(DbCommand command, CommandEventData eventData)
    {
        if (command is not NpgsqlCommand npgsql || eventData.Context is not SidigDbContext db) return null;
        var tenant = db.TenantContext.IsSet ? db.TenantContext.TenantId.ToString() : "";
        switch (eventData.CommandSource)
        {
            case CommandSource.LinqQuery or CommandSource.FromSqlQuery or CommandSource.ExecuteSqlRaw
                or CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete:
                npgsql.CommandText = $"CALL {Procedure}(@{Parameter});\n{npgsql.CommandText}";
                npgsql.Parameters.Add(new NpgsqlParameter(Parameter, NpgsqlDbType.Text) { Value = tenant });
                return null;
            case CommandSource.Migrations:
                return null; // the schema's owner migrates; nothing tenant-owned is read through the policies
            default:
                var separate = npgsql.Connection!.CreateCommand();
                separate.Transaction = npgsql.Transaction;
                separate.CommandText = $"SELECT set_config('{Setting}', @tenant, false)";
                separate.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = tenant });
                return separate;
        }
    }
}
