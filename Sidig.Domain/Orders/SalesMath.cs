using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Domain.Orders;

/// <summary>
/// The money rules of a sales line, in whole rupiah (IDR has no minor unit in practice). Each step is rounded half away
/// from zero to the rupiah: gross = qty × price; the line discount is taken from the gross, then the order discount from
/// what is left. Orders, invoices and credit notes all use these, so their totals always agree.
/// </summary>
public static class SalesMath
{
    public const int MaxLines = 200;
    public const decimal MaxUnitPrice = 100_000_000_000m;

    public static decimal Rupiah(decimal amount) => decimal.Round(amount, 0, MidpointRounding.AwayFromZero);

    public static decimal Gross(decimal quantity, decimal unitPrice) => Rupiah(quantity * unitPrice);

    /// <summary>The line's amount after its own discount and the order's discount (both percentages).</summary>
    public static decimal Net(decimal quantity, decimal unitPrice, decimal lineDiscountPercent, decimal orderDiscountPercent)
    {
        var gross = Gross(quantity, unitPrice);
        var afterLine = gross - Rupiah(gross * lineDiscountPercent / 100m);
        return afterLine - Rupiah(afterLine * orderDiscountPercent / 100m);
    }

    /// <summary>The share of a line's net for part of its quantity (a partial delivery, a return).</summary>
    public static decimal NetShare(decimal lineNet, decimal lineQuantity, decimal quantity) =>
        quantity == lineQuantity ? lineNet : Rupiah(lineNet * quantity / lineQuantity);

    public static string? CheckQuantity(decimal quantity) =>
        quantity <= 0 ? "Sales.QuantityInvalid" : decimal.Round(quantity, 3) != quantity ? "Stock.QuantityPrecision" : null;

    public static string? CheckDiscount(decimal percent) =>
        percent is < 0 or > 100 || decimal.Round(percent, 2) != percent ? "Sales.DiscountInvalid" : null;

    public static string? CheckPrice(decimal price) =>
        price < 0 || price > MaxUnitPrice || decimal.Round(price, 2) != price ? "Sales.PriceInvalid" : null;
}

/// <summary>A priced line as a form or the API gives it; products' names and units are copied so documents never change later.</summary>
public sealed record SalesLineInput(Guid ProductId, string Sku, string ProductName, string Unit, decimal Quantity, decimal UnitPrice,
    decimal DiscountPercent, PpnKind PpnKind, string? PriceListName = null);

public static class SalesLines
{
    /// <summary>Every problem of a set of lines, with the field "Lines[i].Quantity" etc. so a form can point at the line.</summary>
    public static IReadOnlyList<Error> Check(IReadOnlyList<SalesLineInput> lines)
    {
        var errors = new List<Error>();
        if (lines.Count == 0) errors.Add(new("Sales.NoLines"));
        if (lines.Count > SalesMath.MaxLines) errors.Add(new("Sales.TooManyLines"));
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (SalesMath.CheckQuantity(l.Quantity) is { } q) errors.Add(new(q, $"Lines[{i}].Quantity"));
            if (SalesMath.CheckPrice(l.UnitPrice) is { } p) errors.Add(new(p, $"Lines[{i}].UnitPrice"));
            if (SalesMath.CheckDiscount(l.DiscountPercent) is { } d) errors.Add(new(d, $"Lines[{i}].DiscountPercent"));
            if (!Enum.IsDefined(l.PpnKind)) errors.Add(new("Sales.PpnKindInvalid", $"Lines[{i}]"));
        }
        if (lines.GroupBy(l => l.ProductId).Any(g => g.Count() > 1)) errors.Add(new("Sales.DuplicateProduct"));
        return errors;
    }

    internal static void Ensure(IReadOnlyList<SalesLineInput> lines, decimal orderDiscountPercent)
    {
        if (Check(lines) is [var first, ..]) throw new DomainException(first.Code);
        if (SalesMath.CheckDiscount(orderDiscountPercent) is { } d) throw new DomainException(d);
    }
}
