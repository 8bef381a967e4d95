using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sidig.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WarrantyRegistrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WarrantyRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    PurchaseDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SellerPartnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SellerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RegencyCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    ReceiptImage = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReceiptContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarrantyRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarrantyRegistrations_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WarrantyRegistrations_Partners_SellerPartnerId",
                        column: x => x.SellerPartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WarrantyRegistrations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_CustomerId",
                table: "WarrantyRegistrations",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_SellerPartnerId",
                table: "WarrantyRegistrations",
                column: "SellerPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_TenantId_PhoneKey",
                table: "WarrantyRegistrations",
                columns: new[] { "TenantId", "PhoneKey" });

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_TenantId_Status_SubmittedAt",
                table: "WarrantyRegistrations",
                columns: new[] { "TenantId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_TenantId_SubmissionKey",
                table: "WarrantyRegistrations",
                columns: new[] { "TenantId", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_TenantId_Token",
                table: "WarrantyRegistrations",
                columns: new[] { "TenantId", "Token" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_TenantId_UnitId",
                table: "WarrantyRegistrations",
                columns: new[] { "TenantId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_WarrantyRegistrations_UnitId",
                table: "WarrantyRegistrations",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WarrantyRegistrations");
        }
    }
}
