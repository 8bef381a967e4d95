using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Tenancy;

/// <summary>Walks the EF model: a tenant-owned table that forgets a lock fails here, not in production.</summary>
public abstract class TenancyModelTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    /// <summary>The only tables that are not tenant-owned. Adding one is a deliberate decision.</summary>
    private static readonly HashSet<Type> Global = [typeof(Tenant), typeof(AppRole), typeof(AppRoleClaim), typeof(DataProtectionKey)];

    protected Task<IModel> ModelAsync() =>
        app.InTenant(null, sp => Task.FromResult(sp.GetRequiredService<SidigDbContext>().Model));

    [Fact]
    public async Task Every_entity_is_either_tenant_owned_or_declared_global()
    {
        var model = await ModelAsync();
        var undeclared = model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null)
            .Select(e => e.ClrType)
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t) && !Global.Contains(t))
            .Select(t => t.Name);
        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_tenant_owned_entity_has_the_tenant_query_filter()
    {
        var model = await ModelAsync();
        var missing = TenantOwned(model)
            .Where(e => e.GetDeclaredQueryFilters().All(f => f.Expression?.ToString().Contains("CurrentTenantId") != true))
            .Select(e => e.ClrType.Name);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_unique_index_and_key_of_a_tenant_owned_entity_includes_the_tenant()
    {
        var model = await ModelAsync();
        var offenders = new List<string>();
        foreach (var e in TenantOwned(model))
        {
            foreach (var index in e.GetIndexes().Where(i => i.IsUnique))
                if (index.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
                    offenders.Add($"{e.ClrType.Name} index ({string.Join(", ", index.Properties.Select(p => p.Name))})");
            foreach (var key in e.GetKeys().Where(k => !k.IsPrimaryKey()))
                if (key.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
                    offenders.Add($"{e.ClrType.Name} alternate key");
            // A primary key is a generated surrogate (Id) or must carry the tenant or a tenant-owned parent's id.
            var pk = e.FindPrimaryKey()!;
            var surrogate = pk.Properties is [{ Name: "Id" }];
            var viaParent = pk.Properties.Any(p => p.GetContainingForeignKeys().Any(fk => typeof(ITenantOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)));
            if (!surrogate && !viaParent && pk.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
                offenders.Add($"{e.ClrType.Name} primary key");
        }
        offenders.ShouldBeEmpty();
    }

    protected static IEnumerable<IEntityType> TenantOwned(IModel model) =>
        model.GetEntityTypes().Where(e => !e.IsOwned() && e.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(e.ClrType));
}

public sealed class TenancyModelTests_Sqlite(SqliteApp app) : TenancyModelTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class TenancyModelTests_Postgres(PostgresApp app) : TenancyModelTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Every_tenant_table_has_forced_row_level_security_with_a_tenant_policy()
    {
        var model = await ModelAsync();
        await using var conn = new NpgsqlConnection(app.OwnerConnectionString);
        await conn.OpenAsync();
        var problems = new List<string>();
        foreach (var table in TenantOwned(model).Select(e => e.GetTableName()!).Distinct())
        {
            await using var cmd = new NpgsqlCommand("""
                SELECT c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname AND p.qual LIKE '%app.tenant_id%' AND p.with_check LIKE '%app.tenant_id%')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relname = @t
                """, conn);
            cmd.Parameters.AddWithValue("t", table);
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) { problems.Add($"{table}: no such table"); continue; }
            if (!r.GetBoolean(0)) problems.Add($"{table}: RLS not enabled");
            if (!r.GetBoolean(1)) problems.Add($"{table}: RLS not forced");
            if (r.GetInt64(2) == 0) problems.Add($"{table}: no tenant policy");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_app_role_owns_no_table_and_cannot_bypass_row_level_security()
    {
        await using var conn = new NpgsqlConnection(app.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user),
                   (SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user)
            """, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        r.GetInt64(0).ShouldBe(0);
        r.GetBoolean(1).ShouldBeFalse();
    }
}
