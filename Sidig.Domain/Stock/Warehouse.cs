using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Domain.Stock;

/// <summary>
/// A place that holds stock. Owned by the principal (<see cref="OwnerPartnerId"/> null: primary stock) or by a
/// partner (secondary stock).
/// </summary>
public sealed class Warehouse : Entity, ITenantOwned, IAuditable
{
    private Warehouse() { Code = Name = ""; }

    public Guid TenantId { get; set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public Guid? OwnerPartnerId { get; private set; }
    public string? Address { get; private set; }
    public string? ProvinceCode { get; private set; }
    public string? RegencyCode { get; private set; }
    public bool IsActive { get; private set; } = true;

    public bool IsPrimary => OwnerPartnerId is null;

    public static IReadOnlyList<Error> Check(string? code, string? name, string? address, string? provinceCode, string? regencyCode, IAreaCodes areas)
    {
        var errors = new List<Error>();
        var c = Codes.Check(code, "Warehouse.CodeRequired");
        if (c.Error is not null) errors.Add(new(c.Error, "Code"));
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("Warehouse.NameRequired", "Name"));
        else if (name.Trim().Length > 100) errors.Add(new("Validation.TooLong", "Name"));
        if (ContactRules.Address(address).Error is { } a) errors.Add(new(a, "Address"));
        var area = ContactRules.Area(provinceCode, regencyCode, areas);
        if (area.Error is not null) errors.Add(new(area.Error, area.Field));
        return errors;
    }

    public static Warehouse Create(string code, string name, Guid? ownerPartnerId, string? address, string? provinceCode, string? regencyCode, IAreaCodes areas)
    {
        var w = new Warehouse { OwnerPartnerId = ownerPartnerId };
        w.Update(code, name, address, provinceCode, regencyCode, true, areas);
        return w;
    }

    /// <summary>The owner never changes: stock would silently move between principal and partner.</summary>
    public void Update(string code, string name, string? address, string? provinceCode, string? regencyCode, bool isActive, IAreaCodes areas)
    {
        var errors = Check(code, name, address, provinceCode, regencyCode, areas);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        Code = Codes.Required(code, "Warehouse.CodeRequired");
        Name = name.Trim();
        Address = ContactRules.Address(address).Value;
        var area = ContactRules.Area(provinceCode, regencyCode, areas);
        ProvinceCode = area.Province;
        RegencyCode = area.Regency;
        IsActive = isActive;
    }
}
