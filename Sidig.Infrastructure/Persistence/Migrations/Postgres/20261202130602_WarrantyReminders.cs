using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WarrantyReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "maintenance_months",
                table: "warranty_policies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "warranty_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expiry_reminder_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_settings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_settings_tenant_id",
                table: "warranty_settings",
                column: "tenant_id",
                unique: true);

            migrationBuilder.EnableTenantRls("warranty_settings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "warranty_settings");

            migrationBuilder.DropColumn(
                name: "maintenance_months",
                table: "warranty_policies");
        }
    }
}
