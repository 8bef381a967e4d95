using Sidig.Domain.Common;

namespace Sidig.Domain.Stock;

/// <summary>
/// An end customer of the network, as recorded by the partner that sold to them. Kept for warranty: the units and
/// warranty module finds the buyer of a unit here.
/// </summary>
public sealed class Customer : Entity, ITenantOwned, IAuditable
{
    private Customer() { Name = ""; }

    public Guid TenantId { get; set; }
    public string Name { get; private set; }
    public string? Phone { get; private set; }
    /// <summary>Digits of the phone in the 62… form, to find a returning customer whatever the punctuation.</summary>
    public string? PhoneKey { get; private set; }
    public string? Email { get; private set; }
    public string? ProvinceCode { get; private set; }
    public string? RegencyCode { get; private set; }
    /// <summary>The partner that first recorded the customer.</summary>
    public Guid? PartnerId { get; private set; }

    public static IReadOnlyList<Error> Check(string? name, string? phone, string? email, string? provinceCode, string? regencyCode, IAreaCodes areas)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("Customer.NameRequired", "CustomerName"));
        else if (name.Trim().Length > 200) errors.Add(new("Validation.TooLong", "CustomerName"));
        if (ContactRules.Phone(phone).Error is { } p) errors.Add(new(p, "CustomerPhone"));
        if (ContactRules.Email(email).Error is { } e) errors.Add(new(e, "CustomerEmail"));
        var area = ContactRules.Area(provinceCode, regencyCode, areas);
        if (area.Error is not null) errors.Add(new(area.Error, area.Field));
        return errors;
    }

    public static Customer Create(string name, string? phone, string? email, string? provinceCode, string? regencyCode, Guid? partnerId, IAreaCodes areas)
    {
        var errors = Check(name, phone, email, provinceCode, regencyCode, areas);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        var area = ContactRules.Area(provinceCode, regencyCode, areas);
        var ph = ContactRules.Phone(phone).Value;
        return new Customer
        {
            Name = name.Trim(), Phone = ph, PhoneKey = PhoneKeyOf(ph), Email = ContactRules.Email(email).Value,
            ProvinceCode = area.Province, RegencyCode = area.Regency, PartnerId = partnerId,
        };
    }

    /// <summary>0812-3456-789, +62 812 3456 789 and 62812…: the same key 628123456789.</summary>
    public static string? PhoneKeyOf(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return null;
        return digits.StartsWith('0') ? "62" + digits[1..] : digits;
    }
}

public enum SellOutSource { Manual = 0, Import = 1, Scan = 2 }

/// <summary>
/// A sale by a partner to its customer. Posting it moves the quantities out of the partner's warehouse (sell-out
/// movements) in the same transaction; the customer is kept for warranty.
/// </summary>
public sealed class SellOut : Entity, ITenantOwned, IAuditable
{
    public const int MaxLines = 500;
    private readonly List<SellOutLine> _lines = [];

    private SellOut() { Number = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid WarehouseId { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateOnly SoldOn { get; private set; }
    public string? Reference { get; private set; }
    public SellOutSource Source { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedBy { get; private set; }
    public IReadOnlyList<SellOutLine> Lines => _lines;

    public static SellOut Record(string number, Guid partnerId, Guid warehouseId, Guid customerId, DateOnly soldOn, DateOnly today,
        string? reference, SellOutSource source, IEnumerable<(Guid ProductId, decimal Quantity, decimal? UnitPrice)> lines,
        DateTimeOffset now, string? by)
    {
        if (soldOn > today) throw new DomainException("SellOut.DateInFuture");
        var sale = new SellOut
        {
            Number = Guard.Required(number, "SellOut.NumberRequired", 40), PartnerId = partnerId, WarehouseId = warehouseId,
            CustomerId = customerId, SoldOn = soldOn, Reference = Guard.Optional(reference, 100), Source = source,
            RecordedAt = now, RecordedBy = by,
        };
        foreach (var (product, quantity, price) in lines)
        {
            if (quantity <= 0) throw new DomainException("SellOut.QuantityInvalid");
            if (decimal.Round(quantity, 3) != quantity) throw new DomainException("Stock.QuantityPrecision");
            if (price is < 0) throw new DomainException("SellOut.PriceInvalid");
            sale._lines.Add(new SellOutLine(sale.Id, product, quantity, price));
        }
        if (sale._lines.Count == 0) throw new DomainException("SellOut.NoLines");
        if (sale._lines.Count > MaxLines) throw new DomainException("SellOut.TooManyLines");
        return sale;
    }
}

public sealed class SellOutLine : Entity, ITenantOwned
{
    private SellOutLine() { }

    internal SellOutLine(Guid sellOutId, Guid productId, decimal quantity, decimal? unitPrice)
    {
        SellOutId = sellOutId;
        ProductId = productId;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public Guid TenantId { get; set; }
    public Guid SellOutId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal? UnitPrice { get; private set; }
}
