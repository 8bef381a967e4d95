using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Sidig.Infrastructure.Persistence;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LabelPrintJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "label_print_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    layout = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    origin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_label_print_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_label_print_jobs_unit_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "unit_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "label_print_files",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_label_print_files", x => x.job_id);
                    table.ForeignKey(
                        name: "fk_label_print_files_label_print_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "label_print_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_label_print_jobs_batch_id",
                table: "label_print_jobs",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_label_print_jobs_tenant_id_requested_at",
                table: "label_print_jobs",
                columns: new[] { "tenant_id", "requested_at" });
            migrationBuilder.EnableTenantRls("label_print_jobs", "label_print_files");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "label_print_files");

            migrationBuilder.DropTable(
                name: "label_print_jobs");
        }
    }
}
