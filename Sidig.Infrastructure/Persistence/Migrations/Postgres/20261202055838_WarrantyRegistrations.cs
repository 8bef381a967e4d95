using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WarrantyRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "warranty_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_key = table.Column<Guid>(type: "uuid", nullable: false),
                    token = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    phone_key = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    purchase_date = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seller_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    regency_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    receipt_image = table.Column<byte[]>(type: "bytea", nullable: true),
                    receipt_content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    flags = table.Column<int>(type: "integer", nullable: false),
                    reject_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_warranty_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_warranty_registrations_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_warranty_registrations_partners_seller_partner_id",
                        column: x => x.seller_partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_warranty_registrations_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_customer_id",
                table: "warranty_registrations",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_seller_partner_id",
                table: "warranty_registrations",
                column: "seller_partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_tenant_id_phone_key",
                table: "warranty_registrations",
                columns: new[] { "tenant_id", "phone_key" });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_tenant_id_status_submitted_at",
                table: "warranty_registrations",
                columns: new[] { "tenant_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_tenant_id_submission_key",
                table: "warranty_registrations",
                columns: new[] { "tenant_id", "submission_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_tenant_id_token",
                table: "warranty_registrations",
                columns: new[] { "tenant_id", "token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_tenant_id_unit_id",
                table: "warranty_registrations",
                columns: new[] { "tenant_id", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_warranty_registrations_unit_id",
                table: "warranty_registrations",
                column: "unit_id");

            migrationBuilder.EnableTenantRls("warranty_registrations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "warranty_registrations");
        }
    }
}
