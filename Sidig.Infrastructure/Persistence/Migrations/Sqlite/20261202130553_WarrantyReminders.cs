using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WarrantyReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaintenanceMonths",
                table: "WarrantyPolicies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WarrantySettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiryReminderDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarrantySettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WarrantySettings_TenantId",
                table: "WarrantySettings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WarrantySettings");

            migrationBuilder.DropColumn(
                name: "MaintenanceMonths",
                table: "WarrantyPolicies");
        }
    }
}
