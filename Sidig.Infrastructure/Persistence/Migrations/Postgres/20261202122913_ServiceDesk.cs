using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "assigned_partner_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "assigned_user_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assignee_name",
                table: "tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "claim_note",
                table: "tickets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "claim_outcome",
                table: "tickets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "claim_status",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_responded_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_response_due_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "first_response_minutes",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paused_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reject_reason",
                table: "tickets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "replacement_unit_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reporter_partner_id",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                table: "tickets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_due_at",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resolution_minutes",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "service_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_days = table.Column<int>(type: "integer", nullable: false),
                    opens_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    closes_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    holidays = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: false),
                    near_breach_percent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sla_policies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    first_response_minutes = table.Column<int>(type: "integer", nullable: false),
                    resolution_minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_messages_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ticket_parts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_parts_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_parts_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_parts_warehouses_warehouse_id",
                        column: x => x.warehouse_id,
                        principalTable: "warehouses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    customer_visible = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_attachments_ticket_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "ticket_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_attachments_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_assigned_partner_id",
                table: "tickets",
                column: "assigned_partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_replacement_unit_id",
                table: "tickets",
                column: "replacement_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_reporter_partner_id",
                table: "tickets",
                column: "reporter_partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_tenant_id_assigned_partner_id_status",
                table: "tickets",
                columns: new[] { "tenant_id", "assigned_partner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_tenant_id_assigned_user_id_status",
                table: "tickets",
                columns: new[] { "tenant_id", "assigned_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_tenant_id_resolution_due_at",
                table: "tickets",
                columns: new[] { "tenant_id", "resolution_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_settings_tenant_id",
                table: "service_settings",
                column: "tenant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_tenant_id_type_priority",
                table: "sla_policies",
                columns: new[] { "tenant_id", "type", "priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_message_id",
                table: "ticket_attachments",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_tenant_id_ticket_id",
                table: "ticket_attachments",
                columns: new[] { "tenant_id", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_ticket_id",
                table: "ticket_attachments",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_messages_tenant_id_ticket_id_at",
                table: "ticket_messages",
                columns: new[] { "tenant_id", "ticket_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_messages_ticket_id",
                table: "ticket_messages",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_parts_product_id",
                table: "ticket_parts",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_parts_tenant_id_ticket_id",
                table: "ticket_parts",
                columns: new[] { "tenant_id", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_parts_ticket_id",
                table: "ticket_parts",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_parts_warehouse_id",
                table: "ticket_parts",
                column: "warehouse_id");

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_partners_assigned_partner_id",
                table: "tickets",
                column: "assigned_partner_id",
                principalTable: "partners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_partners_reporter_partner_id",
                table: "tickets",
                column: "reporter_partner_id",
                principalTable: "partners",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_units_replacement_unit_id",
                table: "tickets",
                column: "replacement_unit_id",
                principalTable: "units",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The customers' photos move to the attachments (customer-visible) before their old table goes.
            migrationBuilder.Sql("""
                INSERT INTO ticket_attachments (id, tenant_id, ticket_id, content, content_type, customer_visible)
                SELECT id, tenant_id, ticket_id, content, content_type, true FROM ticket_photos
                """);
            migrationBuilder.DropTable(name: "ticket_photos");
            migrationBuilder.EnableTenantRls("ticket_attachments", "ticket_messages", "ticket_parts", "sla_policies", "service_settings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tickets_partners_assigned_partner_id",
                table: "tickets");

            migrationBuilder.DropForeignKey(
                name: "fk_tickets_partners_reporter_partner_id",
                table: "tickets");

            migrationBuilder.DropForeignKey(
                name: "fk_tickets_units_replacement_unit_id",
                table: "tickets");

            migrationBuilder.DropTable(
                name: "service_settings");

            migrationBuilder.DropTable(
                name: "sla_policies");

            migrationBuilder.DropTable(
                name: "ticket_attachments");

            migrationBuilder.DropTable(
                name: "ticket_parts");

            migrationBuilder.DropTable(
                name: "ticket_messages");

            migrationBuilder.DropIndex(
                name: "ix_tickets_assigned_partner_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_replacement_unit_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_reporter_partner_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_tenant_id_assigned_partner_id_status",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_tenant_id_assigned_user_id_status",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_tenant_id_resolution_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "assigned_partner_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "assigned_user_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "assignee_name",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "claim_note",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "claim_outcome",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "claim_status",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_responded_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "first_response_minutes",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "paused_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "reject_reason",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "replacement_unit_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "reporter_partner_id",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_due_at",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_minutes",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "version",
                table: "tickets");

            migrationBuilder.CreateTable(
                name: "ticket_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_photos_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_photos_tenant_id_ticket_id",
                table: "ticket_photos",
                columns: new[] { "tenant_id", "ticket_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_photos_ticket_id",
                table: "ticket_photos",
                column: "ticket_id");
        }
    }
}
