using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Import.Importers;

public sealed class ProductImportRow
{
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string? Brand { get; set; }
    public string Unit { get; set; } = "";
    public decimal? WeightKg { get; set; }
    public string? GoodsCode { get; set; }
    public bool Serialised { get; set; }
    public decimal MinStock { get; set; }
    public string? WarrantyPolicy { get; set; }
    public bool Active { get; set; } = true;

    // Resolved by the business check, used by the commit that follows it on the same rows.
    internal Guid? CategoryId { get; set; }
    internal Guid? WarrantyPolicyId { get; set; }

    internal ProductDetails Details => new(Sku, Name, CategoryId, Brand, Unit, WeightKg, GoodsCode, Serialised, MinStock, WarrantyPolicyId, Active);
}

/// <summary>
/// New catalog products from a file. The category is given by its code and the warranty policy by its name; both must
/// exist. A SKU that repeats in the file or already exists in the tenant is an error of its row.
/// </summary>
public sealed class ProductImporter(IDbContextFactory<SidigDbContext> factory) : Importer<ProductImportRow>
{
    public const string ImportName = "products";
    public override string Name => ImportName;
    public override string Policy => Policies.ManageCatalog;

    public override ImportSchema<ProductImportRow> Schema { get; } = new ImportSchema<ProductImportRow>()
        .Required("SKU", CellParsers.Text(Codes.MaxLength), (r, v) => r.Sku = v, example: "AC-10-INV")
        .Required("Name", CellParsers.Text(Product.NameMaxLength), (r, v) => r.Name = v, example: "AC Split Inverter 1 PK", aliases: ["Nama"])
        .Required("Category", CellParsers.Text(Codes.MaxLength), (r, v) => r.Category = v, example: "AC", aliases: ["Kategori"])
        .Optional("Brand", CellParsers.Text(100), (r, v) => r.Brand = v, example: "Nusantara", aliases: ["Merek"])
        .Required("Unit", CellParsers.Text(20), (r, v) => r.Unit = v, example: "UNIT", aliases: ["Satuan"])
        .Optional("WeightKg", CellParsers.Decimal(min: 0, max: 100_000), (r, v) => r.WeightKg = v, example: "32,5", aliases: ["BeratKg", "Berat"])
        .Optional("GoodsCode", CellParsers.Text(10), (r, v) => r.GoodsCode = v, example: "84151010", aliases: ["KodeBarang", "HS"])
        .Optional("Serialised", CellParsers.Boolean(), (r, v) => r.Serialised = v, example: "ya", aliases: ["Serialized", "Berseri"])
        .Optional("MinStock", CellParsers.Decimal(min: 0), (r, v) => r.MinStock = v, example: "10", aliases: ["StokMinimum"])
        .Optional("WarrantyPolicy", CellParsers.Text(100), (r, v) => r.WarrantyPolicy = v, example: "Garansi 12 bulan (registrasi)", aliases: ["Garansi"])
        .Optional("Active", CellParsers.Boolean(), (r, v) => r.Active = v, example: "ya", aliases: ["Aktif"])
        .Unique("SKU");

    private static readonly Dictionary<string, string> Columns = new()
    {
        [nameof(ProductDetails.Sku)] = "SKU", [nameof(ProductDetails.Name)] = "Name", [nameof(ProductDetails.Brand)] = "Brand",
        [nameof(ProductDetails.Unit)] = "Unit", [nameof(ProductDetails.WeightKg)] = "WeightKg", [nameof(ProductDetails.GoodsCode)] = "GoodsCode",
        [nameof(ProductDetails.MinStockDefault)] = "MinStock",
    };

    protected override async Task ValidateAsync(IReadOnlyList<ImportRow<ProductImportRow>> rows, ImportErrors errors, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var categoryCodes = rows.Select(r => ImportChecks.Code(r.Value.Category)).Distinct().ToList();
        var categories = await db.Categories.AsNoTracking().Where(c => categoryCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        // Few policies per tenant; names are matched ignoring case and surrounding spaces.
        var policies = (await db.WarrantyPolicies.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var skus = rows.Select(r => ImportChecks.Code(r.Value.Sku)).Distinct().ToList();
        var taken = (await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(ct)).ToHashSet();

        foreach (var row in rows)
        {
            var value = row.Value;
            value.CategoryId = categories.TryGetValue(ImportChecks.Code(value.Category), out var category) ? category : null;
            if (value.CategoryId is null) errors.Add(row, "Category", "Import.CategoryNotFound", value.Category);
            if (value.WarrantyPolicy is { } policyName)
            {
                value.WarrantyPolicyId = policies.TryGetValue(policyName.Trim(), out var policy) ? policy : null;
                if (value.WarrantyPolicyId is null) errors.Add(row, "WarrantyPolicy", "Import.WarrantyPolicyNotFound", policyName);
            }
            errors.AddDomainErrors(row, Product.Check(value.Details), Columns);
            if (taken.Contains(ImportChecks.Code(value.Sku))) errors.Add(row, "SKU", "Import.SkuExists", ImportChecks.Code(value.Sku));
        }
    }

    protected override async Task<Result<int>> CommitAsync(IReadOnlyList<ProductImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        Result<int>.Ok(await ImportTransaction.RunAsync(factory, rows, (db, row, _) =>
        {
            db.Products.Add(Product.Create(row.Details));
            return ValueTask.CompletedTask;
        }, progress, ct));
}
