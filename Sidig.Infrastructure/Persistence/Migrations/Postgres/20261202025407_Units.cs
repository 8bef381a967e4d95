using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Units : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    produced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    serial_pattern = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    warehouse_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_batches_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_unit_batches_warehouses_warehouse_id",
                        column: x => x.warehouse_id,
                        principalTable: "warehouses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    public_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    warehouse_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    delivered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    sold_on = table.Column<DateOnly>(type: "date", nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    warranty_void_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_partners_owner_partner_id",
                        column: x => x.owner_partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_unit_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "unit_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_warehouses_warehouse_id",
                        column: x => x.warehouse_id,
                        principalTable: "warehouses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    document_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    document_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    warehouse_id = table.Column<Guid>(type: "uuid", nullable: true),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    other_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_events_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_batches_product_id",
                table: "unit_batches",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_batches_tenant_id_created_at",
                table: "unit_batches",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_batches_tenant_id_product_id_lot",
                table: "unit_batches",
                columns: new[] { "tenant_id", "product_id", "lot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_batches_warehouse_id",
                table: "unit_batches",
                column: "warehouse_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_events_tenant_id_unit_id_at",
                table: "unit_events",
                columns: new[] { "tenant_id", "unit_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_events_unit_id",
                table: "unit_events",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_batch_id",
                table: "units",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_customer_id",
                table: "units",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_owner_partner_id",
                table: "units",
                column: "owner_partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_product_id",
                table: "units",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_tenant_id_batch_id",
                table: "units",
                columns: new[] { "tenant_id", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_units_tenant_id_customer_id",
                table: "units",
                columns: new[] { "tenant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_units_tenant_id_public_code",
                table: "units",
                columns: new[] { "tenant_id", "public_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_tenant_id_serial",
                table: "units",
                columns: new[] { "tenant_id", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_tenant_id_warehouse_id_product_id",
                table: "units",
                columns: new[] { "tenant_id", "warehouse_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_units_warehouse_id",
                table: "units",
                column: "warehouse_id");
            migrationBuilder.EnableTenantRls("unit_batches", "units", "unit_events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_events");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "unit_batches");
        }
    }
}
