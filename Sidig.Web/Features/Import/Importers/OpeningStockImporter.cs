using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Import.Importers;

public sealed class OpeningStockImportRow
{
    public string WarehouseCode { get; set; } = "";
    public string Sku { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal? MinLevel { get; set; }

    internal Guid WarehouseId { get; set; }
    internal Guid ProductId { get; set; }
}

/// <summary>
/// The opening balance of warehouses, one row per warehouse × product. The whole file is one ledger posting (movement
/// type Opening, document "OPEN/yyyyMMdd-HHmm" in the tenant's time), written together with the minimum levels; a
/// warehouse under an open stock count cannot receive it.
/// </summary>
public sealed class OpeningStockImporter(IDbContextFactory<SidigDbContext> factory, StockLedger ledger, PartnerScope scope,
    TenantContext tenant, TimeProvider clock) : Importer<OpeningStockImportRow>
{
    public const string ImportName = "opening-stock";
    public override string Name => ImportName;
    public override string Policy => Policies.MoveStock;

    public override ImportSchema<OpeningStockImportRow> Schema { get; } = new ImportSchema<OpeningStockImportRow>()
        .Required("WarehouseCode", CellParsers.Text(Codes.MaxLength), (r, v) => r.WarehouseCode = v, example: "WH-CKR", aliases: ["KodeGudang", "Gudang"])
        .Required("SKU", CellParsers.Text(Codes.MaxLength), (r, v) => r.Sku = v, example: "AC-10-INV")
        .Required("Quantity", ImportChecks.Quantity(), (r, v) => r.Quantity = v, example: "25", aliases: ["Jumlah", "Qty"])
        .Optional("MinLevel", ImportChecks.Quantity(allowZero: true), (r, v) => r.MinLevel = v, example: "5", aliases: ["StokMinimum", "Minimum"]);

    /// <summary>The document number of an opening posting made at <paramref name="at"/> (tenant's local time).</summary>
    public static string DocumentNumber(DateTimeOffset at, string timeZoneId) => $"OPEN/{DisplayTime.InZone(at, timeZoneId):yyyyMMdd-HHmm}";

    protected override async Task ValidateAsync(IReadOnlyList<ImportRow<OpeningStockImportRow>> rows, ImportErrors errors, CancellationToken ct)
    {
        errors.AddDuplicates(rows, r => $"{ImportChecks.Code(r.WarehouseCode)} × {ImportChecks.Code(r.Sku)}", "SKU");
        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouseCodes = rows.Select(r => ImportChecks.Code(r.Value.WarehouseCode)).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseCodes.Contains(w.Code))
            .Select(w => new { w.Id, w.Code, w.IsActive, w.OwnerPartnerId }).ToListAsync(ct);
        var visible = await scope.VisibleAsync(ct); // staff: null (every warehouse)
        var byCode = warehouses.Where(w => visible is null || (w.OwnerPartnerId is { } owner && visible.Contains(owner))).ToDictionary(w => w.Code);
        var ids = byCode.Values.Select(w => w.Id).ToList();
        // An open count freezes its warehouse (ADR 0004): the ledger would refuse the whole posting.
        var frozen = (await db.StockAudits.AsNoTracking()
                .Where(a => ids.Contains(a.WarehouseId) && (a.Status == StockAuditStatus.Counting || a.Status == StockAuditStatus.Submitted))
                .Select(a => new { a.WarehouseId, a.Number }).ToListAsync(ct))
            .GroupBy(a => a.WarehouseId).ToDictionary(g => g.Key, g => g.First().Number);
        var skus = rows.Select(r => ImportChecks.Code(r.Value.Sku)).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, p => p.Id, ct);
        var serialised = await UnitSerials.SerialisedAsync(db, products.Values, ct);

        foreach (var row in rows)
        {
            var value = row.Value;
            var code = ImportChecks.Code(value.WarehouseCode);
            if (!byCode.TryGetValue(code, out var warehouse)) errors.Add(row, "WarehouseCode", "Import.WarehouseNotFound", code);
            else
            {
                value.WarehouseId = warehouse.Id;
                if (!warehouse.IsActive) errors.Add(row, "WarehouseCode", "Import.WarehouseInactive", code);
                else if (frozen.TryGetValue(warehouse.Id, out var audit)) errors.Add(row, "WarehouseCode", "Import.WarehouseFrozen", code, audit);
            }
            var sku = ImportChecks.Code(value.Sku);
            if (products.TryGetValue(sku, out var product)) value.ProductId = product;
            else errors.Add(row, "SKU", "Import.ProductNotFound", sku);
            // Units come in by batch only (with serials and labels): opening stock by quantity would be stock without units.
            if (serialised.Contains(value.ProductId)) errors.Add(row, "SKU", "Units.ReceiveByBatch");
        }
    }

    protected override async Task<Result<int>> CommitAsync(IReadOnlyList<OpeningStockImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress(ImportStage.Saving, 0, rows.Count));
        var now = clock.GetUtcNow();
        var document = new StockDocument(StockLedger.DocumentOpening, DocumentNumber(now, tenant.Tenant.TimeZoneId));
        await using var db = await factory.CreateDbContextAsync(ct);
        if ((await UnitSerials.SerialisedAsync(db, rows.Select(r => r.ProductId), ct)).Count > 0) return Result<int>.Fail("Units.ReceiveByBatch");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var posted = await ledger.PostAsync(db, document,
            rows.Select(r => new StockLine(r.WarehouseId, r.ProductId, MovementType.Opening, r.Quantity)).ToList(), ct);
        if (!posted.Succeeded) return Result<int>.Fail(posted.Errors); // disposing the transaction rolls it back

        var levels = rows.Where(r => r.MinLevel is not null).ToList();
        if (levels.Count > 0)
        {
            var warehouseIds = levels.Select(r => r.WarehouseId).Distinct().ToList();
            var productIds = levels.Select(r => r.ProductId).Distinct().ToList();
            var balances = await db.StockBalances.Where(b => warehouseIds.Contains(b.WarehouseId) && productIds.Contains(b.ProductId))
                .ToDictionaryAsync(b => (b.WarehouseId, b.ProductId), ct);
            foreach (var row in levels) balances[(row.WarehouseId, row.ProductId)].SetMinLevel(row.MinLevel);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        progress?.Report(new ImportProgress(ImportStage.Saving, rows.Count, rows.Count));
        return Result<int>.Ok(rows.Count);
    }
}
