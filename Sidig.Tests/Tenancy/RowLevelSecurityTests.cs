using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Tenancy;

/// <summary>The second lock: even SQL that forgets the tenant predicate sees only the current tenant's rows.</summary>
public sealed class RowLevelSecurityTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    private async Task<Guid> TenantId(string slug) =>
        (await app.Services.GetRequiredService<TenantStore>().FindAsync(slug))!.Id;

    [Fact]
    public async Task Raw_sql_without_a_tenant_predicate_through_the_app_returns_only_the_current_tenants_rows()
    {
        var demo = await TenantId("demo");
        var (count, foreign) = await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var all = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM users").SingleAsync();
            var notDemo = await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM users WHERE tenant_id <> '{demo}'").SingleAsync();
            return (all, notDemo);
        });
        count.ShouldBe(11); // the demo users (one per role and three more partner users); "other" and the operator stay invisible
        foreign.ShouldBe(0);
    }

    [Fact]
    public async Task The_app_role_sees_no_rows_when_no_tenant_is_set()
    {
        await using var conn = new NpgsqlConnection(app.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM users", conn);
        ((long)(await cmd.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task The_app_role_cannot_insert_a_row_for_another_tenant()
    {
        var demo = await TenantId("demo");
        var other = await TenantId("other");
        await using var conn = new NpgsqlConnection(app.AppConnectionString);
        await conn.OpenAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.tenant_id', '{demo}', false)", conn)) await set.ExecuteNonQueryAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO audit_entries (tenant_id, at, entity_type, entity_id, action, changes)
            VALUES (@t, now(), 'Test', 'x', 0, '{}')
            """, conn);
        insert.Parameters.AddWithValue("t", other);
        var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe("42501"); // new row violates row-level security policy
    }

    [Fact]
    public async Task A_pooled_connection_never_carries_the_previous_tenant()
    {
        // Alternate tenants on the same small pool: every scope must see only its own users.
        for (var i = 0; i < 6; i++)
        {
            var slug = i % 2 == 0 ? "demo" : "other";
            var emails = await app.InTenant(slug, async sp =>
                await sp.GetRequiredService<SidigDbContext>().Database
                    .SqlQueryRaw<string>("SELECT email AS \"Value\" FROM users").ToListAsync());
            emails.ShouldAllBe(e => e.EndsWith($"@{slug}.test"));
            emails.Count.ShouldBe(slug == "demo" ? 11 : 8);
        }
    }

    [Fact]
    public async Task A_connection_returned_to_the_pool_keeps_its_prepared_statements_but_not_its_tenant()
    {
        // What the per-command tenant setting relies on: Npgsql resets a returned connection (RESET ALL) without discarding
        // the statements it prepared, so the next lease starts with no tenant and still plans nothing again.
        var demo = await TenantId("demo"); // starts the app, which names the connection string
        // One physical connection, so the second lease is the first one again.
        var builder = new NpgsqlConnectionStringBuilder(app.AppConnectionString) { MaxPoolSize = 1, AutoPrepareMinUsages = 1 };
        var pooled = Sidig.Infrastructure.DependencyInjection.WithPreparedStatements(builder.ConnectionString);
        await using (var conn = new NpgsqlConnection(pooled))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CALL {Sidig.Infrastructure.Persistence.Interceptors.TenantCommandInterceptor.Procedure}(@t); SELECT count(*) FROM users", conn);
            cmd.Parameters.AddWithValue("t", demo.ToString());
            for (var i = 0; i < 3; i++) ((long)(await cmd.ExecuteScalarAsync())!).ShouldBe(11);
        }
        await using (var conn = new NpgsqlConnection(pooled))
        {
            await conn.OpenAsync();
            await using var setting = new NpgsqlCommand("SELECT coalesce(current_setting('app.tenant_id', true), '')", conn);
            ((string)(await setting.ExecuteScalarAsync())!).ShouldBeEmpty();
            await using var prepared = new NpgsqlCommand("SELECT coalesce(string_agg(statement, ' | '), '') FROM pg_prepared_statements", conn);
            ((string)(await prepared.ExecuteScalarAsync())!).ShouldContain("SELECT count(*) FROM users");
        }
    }

    [Fact]
    public async Task Every_query_sets_its_tenant_even_after_a_rolled_back_transaction_on_the_same_connection()
    {
        var counts = await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            await db.Database.OpenConnectionAsync();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await db.Users.CountAsync();
                await tx.RollbackAsync(); // undoes a setting made inside it
            }
            return await db.Users.CountAsync();
        });
        counts.ShouldBe(11);
    }

    [Fact]
    public async Task Identity_finds_a_user_only_in_its_own_tenant()
    {
        var inOther = await app.InTenant("other", async sp =>
            await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("admin@demo.test"));
        inOther.ShouldBeNull();
    }
}
