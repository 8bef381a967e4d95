using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScanLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_anomalies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    places = table.Column<int>(type: "integer", nullable: false),
                    flagged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_anomalies", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_anomalies_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_scans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_scans", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_scans_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_anomalies_tenant_id_flagged_at",
                table: "unit_anomalies",
                columns: new[] { "tenant_id", "flagged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_anomalies_unit_id_kind_flagged_at",
                table: "unit_anomalies",
                columns: new[] { "unit_id", "kind", "flagged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_scans_tenant_id_at",
                table: "unit_scans",
                columns: new[] { "tenant_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_scans_unit_id_at",
                table: "unit_scans",
                columns: new[] { "unit_id", "at" });

            migrationBuilder.EnableTenantRls("unit_scans", "unit_anomalies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_anomalies");

            migrationBuilder.DropTable(
                name: "unit_scans");
        }
    }
}
