using Sidig.Domain.Common;

namespace Sidig.Domain.Catalog;

/// <summary>A node of the product category tree. The tree never has a cycle (checked when a parent is set).</summary>
public sealed class Category : Entity, ITenantOwned, IAuditable
{
    private Category() { Code = Name = ""; }

    public Guid TenantId { get; set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public Guid? ParentId { get; private set; }

    public static Category Create(string code, string name, Guid? parentId = null)
    {
        var c = new Category { Code = Codes.Required(code, "Category.CodeRequired") };
        c.Rename(name);
        c.ParentId = parentId;
        return c;
    }

    public void Rename(string name) => Name = Guard.Required(name, "Category.NameRequired", 100);

    /// <summary>Moves the category under <paramref name="parentId"/>; <paramref name="ancestorsOfParent"/> are the parent's ancestors.</summary>
    public void MoveTo(Guid? parentId, IEnumerable<Guid> ancestorsOfParent)
    {
        if (parentId == Id || (parentId is not null && ancestorsOfParent.Contains(Id)))
            throw new DomainException("Category.Cycle");
        ParentId = parentId;
    }
}

/// <summary>Natural keys typed by people (SKU, partner code, warehouse code): trimmed, upper case, no spaces inside.</summary>
public static class Codes
{
    public const int MaxLength = 40;

    public static (string? Value, string? Error) Check(string? input, string requiredCode)
    {
        var v = input?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(v)) return (null, requiredCode);
        if (v.Length > MaxLength) return (null, "Validation.TooLong");
        if (!v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')) return (null, "Code.Invalid");
        return (v, null);
    }

    public static string Required(string? input, string requiredCode)
    {
        var (v, e) = Check(input, requiredCode);
        return e is null ? v! : throw new DomainException(e);
    }
}
