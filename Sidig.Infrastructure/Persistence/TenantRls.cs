using Microsoft.EntityFrameworkCore.Migrations;

namespace Sidig.Infrastructure.Persistence;

/// <summary>
/// Row-level security for one tenant table on PostgreSQL: the second lock behind the EF query filter. FORCE makes
/// it apply to the table owner too; only superusers and BYPASSRLS roles are exempt.
/// </summary>
public static class TenantRls
{
    public const string PolicyName = "tenant_isolation";

    public static string EnableSql(string table) => $"""
        ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY;
        ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY;
        DROP POLICY IF EXISTS {PolicyName} ON "{table}";
        CREATE POLICY {PolicyName} ON "{table}"
            USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
        """;

    public static void EnableTenantRls(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        foreach (var table in tables) migrationBuilder.Sql(EnableSql(table));
    }
}
