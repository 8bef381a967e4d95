using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LabelPrintJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LabelPrintJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Layout = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelPrintJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabelPrintJobs_UnitBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "UnitBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabelPrintFiles",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabelPrintFiles", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_LabelPrintFiles_LabelPrintJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "LabelPrintJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LabelPrintJobs_BatchId",
                table: "LabelPrintJobs",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_LabelPrintJobs_TenantId_RequestedAt",
                table: "LabelPrintJobs",
                columns: new[] { "TenantId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LabelPrintFiles");

            migrationBuilder.DropTable(
                name: "LabelPrintJobs");
        }
    }
}
