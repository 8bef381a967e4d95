using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.SellOuts;

namespace Sidig.Web.Features.Import.Importers;

public sealed class SellOutImportRow
{
    public DateOnly Date { get; set; }
    public string? Reference { get; set; }
    public string? WarehouseCode { get; set; }
    public string CustomerName { get; set; } = "";
    public string? CustomerPhone { get; set; }
    public string? CustomerEmail { get; set; }
    public string? ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    public string Sku { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    /// <summary>For a serialised product: the sold units' serials, separated by spaces or semicolons.</summary>
    public string? Serials { get; set; }

    internal Guid WarehouseId { get; set; }
    internal Guid ProductId { get; set; }

    /// <summary>The row's number in the file (set by the check), to put a problem found while saving on its row.</summary>
    internal int RowNumber { get; set; }

    /// <summary>Rows with the same key are one sale: the reference, or (without one) the customer's phone and the date.</summary>
    internal string? SaleKey(int rowNumber)
    {
        if (!string.IsNullOrWhiteSpace(Reference)) return "R:" + Reference.Trim().ToUpperInvariant();
        var phone = Customer.PhoneKeyOf(ContactRules.Phone(CustomerPhone).Value);
        return phone is null ? $"#{rowNumber}" : $"P:{phone}:{Date:yyyy-MM-dd}";
    }
}

/// <summary>
/// A partner's sales to its customers from a file, one row per sale line: rows with the same Reference (or, without
/// one, the same customer phone and date) are one sale. Recorded by <see cref="RecordSellOutHandler.HandleManyAsync"/>
/// all or nothing; its rules are checked per row first (warehouse in the user's partner scope, date not in the future,
/// customer, stock on hand) so the preview shows every problem on its row.
/// </summary>
public sealed class SellOutImporter(IDbContextFactory<SidigDbContext> factory, RecordSellOutHandler record, PartnerScope scope,
    IndonesianAreas areas, TenantContext tenant, TimeProvider clock) : Importer<SellOutImportRow>
{
    public const string ImportName = "sell-out";
    public override string Name => ImportName;
    public override string Policy => Policies.RecordSellOut;

    public override ImportSchema<SellOutImportRow> Schema { get; } = new ImportSchema<SellOutImportRow>()
        .Required("Date", CellParsers.Date(), (r, v) => r.Date = v, example: "2026-11-22", aliases: ["Tanggal", "TanggalJual"])
        .Optional("Reference", CellParsers.Text(RecordSellOut.ReferenceMaxLength), (r, v) => r.Reference = v, example: "NOTA-0012", aliases: ["Referensi", "NoNota", "Nota"])
        .Optional("WarehouseCode", CellParsers.Text(Codes.MaxLength), (r, v) => r.WarehouseCode = v, example: "WH-DIST-JKT", aliases: ["KodeGudang", "Gudang"])
        .Required("CustomerName", CellParsers.Text(200), (r, v) => r.CustomerName = v, example: "Budi Santoso", aliases: ["NamaPelanggan", "Pelanggan"])
        .Optional("CustomerPhone", CellParsers.Text(ContactRules.PhoneMaxLength), (r, v) => r.CustomerPhone = v, example: "0812-3456-789", aliases: ["TeleponPelanggan", "Telepon", "HP"])
        .Optional("CustomerEmail", CellParsers.Text(254), (r, v) => r.CustomerEmail = v, example: "budi@example.com", aliases: ["EmailPelanggan", "Email"])
        .Optional("ProvinceCode", CellParsers.Text(2), (r, v) => r.ProvinceCode = v, example: "31", aliases: ["KodeProvinsi"])
        .Optional("RegencyCode", CellParsers.Text(5), (r, v) => r.RegencyCode = v, example: "31.71", aliases: ["KodeKabupaten", "KodeKota"])
        .Required("SKU", CellParsers.Text(Codes.MaxLength), (r, v) => r.Sku = v, example: "AC-10-INV")
        .Required("Quantity", ImportChecks.Quantity(), (r, v) => r.Quantity = v, example: "1", aliases: ["Jumlah", "Qty"])
        .Optional("UnitPrice", CellParsers.Decimal(min: 0), (r, v) => r.UnitPrice = v, example: "4500000", aliases: ["HargaSatuan", "Harga"])
        .Optional("Serials", CellParsers.Text(SerialsMaxLength), (r, v) => r.Serials = v, example: "AC-10-INV-2611-000001", aliases: ["NomorSeri", "NoSeri", "SN"]);

    public const int SerialsMaxLength = 20_000;

    /// <summary>The command's fields → columns (line fields are handled per row).</summary>
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["WarehouseId"] = "WarehouseCode", ["SoldOn"] = "Date", ["Reference"] = "Reference",
        ["CustomerName"] = "CustomerName", ["CustomerPhone"] = "CustomerPhone", ["CustomerEmail"] = "CustomerEmail",
        ["ProvinceCode"] = "ProvinceCode", ["RegencyCode"] = "RegencyCode",
    };

    private static readonly Dictionary<string, string> LineColumns = new()
    {
        ["ProductId"] = "SKU", ["Quantity"] = "Quantity", ["UnitPrice"] = "UnitPrice", ["Serials"] = "Serials",
    };

    /// <summary>The sales of a file in file order, each with its rows (the first row carries the sale's header).</summary>
    private static List<List<ImportRow<SellOutImportRow>>> Sales(IEnumerable<ImportRow<SellOutImportRow>> rows) =>
        rows.GroupBy(r => r.Value.SaleKey(r.Number)).Select(g => g.ToList()).ToList();

    private static RecordSellOut Command(IReadOnlyList<SellOutImportRow> lines)
    {
        var head = lines[0];
        return new RecordSellOut(head.WarehouseId == Guid.Empty ? null : head.WarehouseId,
            new SellOutCustomer(head.CustomerName, head.CustomerPhone, head.CustomerEmail, head.ProvinceCode, head.RegencyCode),
            head.Date, head.Reference, lines.Select(l => new SellOutLineInput(l.ProductId == Guid.Empty ? null : l.ProductId, l.Quantity, l.UnitPrice, l.Serials)).ToList(),
            SellOutSource.Import);
    }

    protected override async Task ValidateAsync(IReadOnlyList<ImportRow<SellOutImportRow>> rows, ImportErrors errors, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var visible = await scope.VisibleAsync(ct); // staff: null (every partner's warehouse)
        var own = await scope.OwnPartnerAsync(ct);
        var codes = rows.Where(r => !string.IsNullOrWhiteSpace(r.Value.WarehouseCode)).Select(r => ImportChecks.Code(r.Value.WarehouseCode)).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking()
            .Where(w => w.OwnerPartnerId != null && (codes.Contains(w.Code) || (own != null && w.OwnerPartnerId == own)))
            .Select(w => new { w.Id, w.Code, w.IsActive, w.OwnerPartnerId }).ToListAsync(ct);
        // Sell-out leaves a partner's warehouse; a partner user only one it may see (the handler's rule).
        var byCode = warehouses.Where(w => visible is null || visible.Contains(w.OwnerPartnerId!.Value)).ToDictionary(w => w.Code);
        var ownWarehouses = own is null ? [] : warehouses.Where(w => w.OwnerPartnerId == own && w.IsActive).ToList();
        var skus = rows.Select(r => ImportChecks.Code(r.Value.Sku)).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, p => p.Id, ct);

        foreach (var row in rows)
        {
            var value = row.Value;
            value.RowNumber = row.Number;
            if (string.IsNullOrWhiteSpace(value.WarehouseCode))
            {
                if (ownWarehouses.Count == 1) value.WarehouseId = ownWarehouses[0].Id;
                else errors.Add(row, "WarehouseCode", "Validation.Required");
            }
            else
            {
                var code = ImportChecks.Code(value.WarehouseCode);
                if (!byCode.TryGetValue(code, out var warehouse)) errors.Add(row, "WarehouseCode", "Import.SellOutWarehouseNotAllowed", code);
                else if (!warehouse.IsActive) errors.Add(row, "WarehouseCode", "Import.WarehouseInactive", code);
                else value.WarehouseId = warehouse.Id;
            }
            var sku = ImportChecks.Code(value.Sku);
            if (products.TryGetValue(sku, out var product)) value.ProductId = product;
            else errors.Add(row, "SKU", "Import.ProductNotFound", sku);
        }

        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        foreach (var sale in Sales(rows))
        {
            var head = sale[0].Value;
            // The rows of one sale must agree on what is the sale's, not the line's.
            foreach (var row in sale.Skip(1))
            {
                if (row.Value.Date != head.Date) errors.Add(row, "Date", "Import.SellOutRowsDiffer", head.Date.ToString("yyyy-MM-dd"));
                if (row.Value.WarehouseId != head.WarehouseId && row.Value.WarehouseId != Guid.Empty && head.WarehouseId != Guid.Empty)
                    errors.Add(row, "WarehouseCode", "Import.SellOutRowsDiffer", head.WarehouseCode ?? "");
            }
            foreach (var error in Command(sale.Select(r => r.Value).ToList()).Check(areas, today))
            {
                if (error.Field is "WarehouseId" || (error.Field?.EndsWith(".ProductId", StringComparison.Ordinal) ?? false))
                    continue; // already reported on the row by code
                if (error.Field is { } f && f.StartsWith("Lines[", StringComparison.Ordinal) && f.IndexOf(']') is var end and > 6
                    && int.TryParse(f[6..end], out var line) && line < sale.Count)
                    errors.Add(sale[line], LineColumns.GetValueOrDefault(f[(end + 2)..]), error.Code, error.Args);
                else errors.AddDomainErrors(sale[0], [error], Columns);
            }
        }

        // Serials of serialised products: as many as the quantity, each in stock in the row's warehouse of its partner,
        // none on two rows (what the handler will refuse at commit), each problem on its row.
        var serialRows = rows.Where(r => r.Value.WarehouseId != Guid.Empty && r.Value.ProductId != Guid.Empty).ToList();
        var ownerOf = warehouses.ToDictionary(w => w.Id, w => w.OwnerPartnerId);
        var byField = serialRows.ToDictionary(r => r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var serials = await UnitSerials.ResolveAsync(db, serialRows.Select(r => new SerialLine(r.Value.ProductId, r.Value.Quantity, r.Value.Serials,
                r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            (line, u) => u.OwnerPartnerId != ownerOf.GetValueOrDefault(byField[line.Field].Value.WarehouseId) ? "Units.SerialUnknown"
                : u.RefusalToLeave(byField[line.Field].Value.WarehouseId), ct);
        foreach (var error in serials.Errors)
            errors.Add(byField[error.Field!], "Serials", error.Code, error.Args);

        // Stock on hand, line by line in file order (what the ledger will refuse at commit).
        var allowNegative = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.Tenant.Id).Select(t => t.AllowNegativeStock).SingleAsync(ct);
        if (allowNegative) return;
        var lines = rows.Where(r => r.Value.WarehouseId != Guid.Empty && r.Value.ProductId != Guid.Empty).ToList();
        var warehouseIds = lines.Select(r => r.Value.WarehouseId).Distinct().ToList();
        var productIds = lines.Select(r => r.Value.ProductId).Distinct().ToList();
        var onHand = await db.StockBalances.AsNoTracking().Where(b => warehouseIds.Contains(b.WarehouseId) && productIds.Contains(b.ProductId))
            .ToDictionaryAsync(b => (b.WarehouseId, b.ProductId), b => b.OnHand, ct);
        var codeOf = warehouses.ToDictionary(w => w.Id, w => w.Code);
        foreach (var row in lines)
        {
            var key = (row.Value.WarehouseId, row.Value.ProductId);
            var left = onHand.GetValueOrDefault(key);
            if (row.Value.Quantity > left)
                errors.Add(row, "Quantity", "Stock.Insufficient", ImportChecks.Code(row.Value.Sku), codeOf.GetValueOrDefault(key.WarehouseId, ""), left, row.Value.Quantity);
            onHand[key] = left - row.Value.Quantity;
        }
    }

    protected override async Task<Result<int>> CommitAsync(IReadOnlyList<SellOutImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress(ImportStage.Saving, 0, rows.Count));
        var groups = Sales(rows.Select(r => new ImportRow<SellOutImportRow>(r.RowNumber, r)));
        var recorded = await record.HandleManyAsync(groups.Select(s => Command(s.Select(r => r.Value).ToList())).ToList(), ct); // one transaction: a failure keeps nothing
        if (!recorded.Succeeded) return Result<int>.Fail(recorded.Errors.SelectMany(e => OnRow(e, groups)));
        progress?.Report(new ImportProgress(ImportStage.Saving, rows.Count, rows.Count));
        return Result<int>.Ok(rows.Count);
    }

    /// <summary>
    /// A problem the handler found while saving (stock sold meanwhile…), preceded by the row and column it belongs to:
    /// its field is "[sale].Lines[line].Field" (or without "[sale]." when the file is one sale).
    /// </summary>
    public static IEnumerable<Error> OnRow(Error error, IReadOnlyList<List<ImportRow<SellOutImportRow>>> sales)
    {
        var field = error.Field ?? "";
        var sale = 0;
        if (sales.Count > 1 && field.StartsWith('[') && field.IndexOf(']') is var close and > 1 && int.TryParse(field[1..close], out var s))
        {
            sale = s;
            field = field[(close + 1)..].TrimStart('.');
        }
        if (sale < sales.Count)
        {
            var line = 0;
            string? column = null;
            if (field.StartsWith("Lines[", StringComparison.Ordinal) && field.IndexOf(']') is var end and > 6 && int.TryParse(field[6..end], out var l))
            {
                line = l;
                column = LineColumns.GetValueOrDefault(field[(end + 1)..].TrimStart('.'));
            }
            else column = Columns.GetValueOrDefault(field);
            var rows = sales[sale];
            if (error.Code == "Stock.Insufficient" && error.Args is [string sku, ..])
            {
                // The ledger names the product, not the line.
                column = "Quantity";
                line = Math.Max(0, rows.FindIndex(r => ImportChecks.Code(r.Value.Sku) == sku));
            }
            yield return new Error("Import.SaveFailedOnRow", column, rows[Math.Min(line, rows.Count - 1)].Number, column ?? "");
        }
        yield return error;
    }
}
