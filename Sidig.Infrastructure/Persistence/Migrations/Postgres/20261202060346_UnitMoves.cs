using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnitMoves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "serials",
                table: "delivery_note_lines",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_events_tenant_id_document_id",
                table: "unit_events",
                columns: new[] { "tenant_id", "document_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_unit_events_tenant_id_document_id",
                table: "unit_events");

            migrationBuilder.DropColumn(
                name: "serials",
                table: "delivery_note_lines");
        }
    }
}
