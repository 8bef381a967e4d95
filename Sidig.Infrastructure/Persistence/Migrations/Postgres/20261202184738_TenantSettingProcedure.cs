using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence.Interceptors;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The procedure every query calls before itself to set the tenant for row-level security in the same round trip
    /// (TenantCommandInterceptor). A procedure, not <c>SELECT set_config(…)</c>: it returns no result set, so the query's
    /// rows stay the reader's first result. Runs with the caller's rights; <c>set_config(…, false)</c> lasts for the session
    /// (the pooled connection is reset when it is returned).
    /// </summary>
    public partial class TenantSettingProcedure : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                CREATE OR REPLACE PROCEDURE {TenantCommandInterceptor.Procedure}(tenant text) LANGUAGE sql
                AS $$ SELECT set_config('{TenantCommandInterceptor.Setting}', tenant, false) $$;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP PROCEDURE IF EXISTS {TenantCommandInterceptor.Procedure}(text);");
        }
    }
}
