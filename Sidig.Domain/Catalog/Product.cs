using Sidig.Domain.Common;

namespace Sidig.Domain.Catalog;

/// <summary>What a product is, as typed in a form or an import row; checked by <see cref="Product.Check"/>.</summary>
public sealed record ProductDetails(
    string Sku, string Name, Guid? CategoryId, string? Brand, string Unit, decimal? WeightKg, string? GoodsCode,
    bool IsSerialised, decimal MinStockDefault, Guid? WarrantyPolicyId, bool IsActive = true, PpnKind PpnKind = PpnKind.Standard);

/// <summary>What a product's price carries of PPN: the tenant's base rule (11/12 by default), the full price (luxury goods), or none.</summary>
public enum PpnKind { Standard = 0, Luxury = 1, Exempt = 2 }

/// <summary>An item of the principal's catalog. The SKU is unique per tenant (a unique index with the tenant).</summary>
public sealed class Product : Entity, ITenantOwned, IAuditable
{
    public const int NameMaxLength = 200;
    public static readonly IReadOnlyList<string> CommonUnits = ["PCS", "UNIT", "SET", "BOX", "PACK", "KG", "LITER", "METER", "ROLL"];

    private Product() { Sku = Name = Unit = ""; }

    public Guid TenantId { get; set; }
    public string Sku { get; private set; }
    public string Name { get; private set; }
    public Guid? CategoryId { get; private set; }
    public string? Brand { get; private set; }
    /// <summary>Unit of measure, e.g. PCS, UNIT, BOX.</summary>
    public string Unit { get; private set; }
    public decimal? WeightKg { get; private set; }
    /// <summary>HS / Coretax goods code used on tax invoices (6 to 10 digits).</summary>
    public string? GoodsCode { get; private set; }
    public bool IsActive { get; private set; } = true;
    /// <summary>Each unit has its own serial number and QR code.</summary>
    public bool IsSerialised { get; private set; }
    /// <summary>Minimum level used for low-stock alerts where a warehouse sets none of its own.</summary>
    public decimal MinStockDefault { get; private set; }
    public Guid? WarrantyPolicyId { get; private set; }
    public PpnKind PpnKind { get; private set; }
    public byte[]? Image { get; private set; }
    public string? ImageContentType { get; private set; }

    public static IReadOnlyList<Error> Check(ProductDetails d)
    {
        var errors = new List<Error>();
        var sku = Codes.Check(d.Sku, "Product.SkuRequired");
        if (sku.Error is not null) errors.Add(new(sku.Error, nameof(d.Sku)));
        if (string.IsNullOrWhiteSpace(d.Name)) errors.Add(new("Product.NameRequired", nameof(d.Name)));
        else if (d.Name.Trim().Length > NameMaxLength) errors.Add(new("Validation.TooLong", nameof(d.Name)));
        if (d.Brand?.Trim().Length > 100) errors.Add(new("Validation.TooLong", nameof(d.Brand)));
        var unit = d.Unit?.Trim();
        if (string.IsNullOrEmpty(unit)) errors.Add(new("Product.UnitRequired", nameof(d.Unit)));
        else if (unit.Length > 20) errors.Add(new("Validation.TooLong", nameof(d.Unit)));
        if (d.WeightKg is < 0 or > 100_000) errors.Add(new("Product.WeightInvalid", nameof(d.WeightKg)));
        if (!string.IsNullOrWhiteSpace(d.GoodsCode) && !IsGoodsCode(d.GoodsCode.Trim()))
            errors.Add(new("Product.GoodsCodeInvalid", nameof(d.GoodsCode)));
        if (d.MinStockDefault < 0) errors.Add(new("Product.MinStockInvalid", nameof(d.MinStockDefault)));
        return errors;
    }

    private static bool IsGoodsCode(string code) => code.Length is >= 6 and <= 10 && code.All(char.IsAsciiDigit);

    public static Product Create(ProductDetails d)
    {
        var p = new Product();
        p.Update(d);
        return p;
    }

    /// <summary>
    /// Applies an edit. Whether the product is serialised cannot change once stock of it exists (the caller
    /// passes <paramref name="hasStock"/>): its units and ledger would no longer agree.
    /// </summary>
    public void Update(ProductDetails d, bool hasStock = false)
    {
        var errors = Check(d);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        if (hasStock && d.IsSerialised != IsSerialised) throw new DomainException("Product.SerialisedLocked");
        Sku = Codes.Required(d.Sku, "Product.SkuRequired");
        Name = d.Name.Trim();
        CategoryId = d.CategoryId;
        Brand = string.IsNullOrWhiteSpace(d.Brand) ? null : d.Brand.Trim();
        Unit = d.Unit.Trim().ToUpperInvariant();
        WeightKg = d.WeightKg;
        GoodsCode = string.IsNullOrWhiteSpace(d.GoodsCode) ? null : d.GoodsCode.Trim();
        IsSerialised = d.IsSerialised;
        MinStockDefault = d.MinStockDefault;
        WarrantyPolicyId = d.WarrantyPolicyId;
        IsActive = d.IsActive;
        PpnKind = Enum.IsDefined(d.PpnKind) ? d.PpnKind : throw new DomainException("Product.PpnKindInvalid");
    }

    public const int MaxImageBytes = 1024 * 1024;

    /// <summary>Stores a product photo whose type is read from its bytes (PNG, JPEG or WebP), at most 1 MB.</summary>
    public void SetImage(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.Length > MaxImageBytes) throw new DomainException("Product.ImageTooLarge");
        ImageContentType = ImageContent.Sniff(bytes) ?? throw new DomainException("Product.ImageType");
        Image = bytes;
    }

    public void RemoveImage()
    {
        Image = null;
        ImageContentType = null;
    }
}
