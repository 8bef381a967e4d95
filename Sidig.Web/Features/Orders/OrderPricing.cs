using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Catalog;

namespace Sidig.Web.Features.Orders;

/// <summary>
/// Prices the lines of an order or quotation for a partner on a day with the price lookup (the partner's own list
/// over its tier's list, volume breaks) and copies each product's SKU, name, unit and PPN kind, so the document never
/// changes when the catalog does. A product that is unknown, inactive or without a price is an error on its line.
/// </summary>
public static class OrderPricing
{
    public static IReadOnlyList<Error> CheckInput(IReadOnlyList<PlaceOrderLine> lines, decimal orderDiscountPercent)
    {
        var errors = new List<Error>();
        if (lines.Count == 0) errors.Add(new("Sales.NoLines", "Lines"));
        if (lines.Count > SalesMath.MaxLines) errors.Add(new("Sales.TooManyLines", "Lines"));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].ProductId == Guid.Empty) errors.Add(new("Order.ProductRequired", $"Lines[{i}].ProductId"));
            if (SalesMath.CheckQuantity(lines[i].Quantity) is { } q) errors.Add(new(q, $"Lines[{i}].Quantity"));
            if (SalesMath.CheckDiscount(lines[i].DiscountPercent) is { } d) errors.Add(new(d, $"Lines[{i}].DiscountPercent"));
        }
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].ProductId != Guid.Empty && lines.Take(i).Any(l => l.ProductId == lines[i].ProductId))
                errors.Add(new("Sales.DuplicateProduct", $"Lines[{i}].ProductId"));
        if (SalesMath.CheckDiscount(orderDiscountPercent) is { } od) errors.Add(new(od, "DiscountPercent"));
        return errors;
    }

    public static async Task<Result<IReadOnlyList<SalesLineInput>>> PriceAsync(SidigDbContext db, Guid partnerId, DateOnly date,
        IReadOnlyList<PlaceOrderLine> lines, CancellationToken ct)
    {
        var ids = lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Sku, p.Name, p.Unit, p.PpnKind, p.IsActive }).ToDictionaryAsync(p => p.Id, ct);
        var prices = await PriceLookupService.FindManyAsync(db, partnerId, date, lines.Select(l => new PriceRequest(l.ProductId, l.Quantity)).ToList(), ct);
        var errors = new List<Error>();
        var priced = new List<SalesLineInput>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!products.TryGetValue(l.ProductId, out var p) || !p.IsActive)
            {
                errors.Add(new("Order.ProductNotFound", $"Lines[{i}].ProductId"));
                continue;
            }
            if (!prices.TryGetValue(l.ProductId, out var quote))
            {
                errors.Add(new("Order.NoPrice", $"Lines[{i}].ProductId", p.Sku));
                continue;
            }
            priced.Add(new SalesLineInput(p.Id, p.Sku, p.Name, p.Unit, l.Quantity, quote.UnitPrice, l.DiscountPercent, p.PpnKind, quote.PriceListName));
        }
        return errors.Count > 0 ? Result<IReadOnlyList<SalesLineInput>>.Fail(errors) : Result<IReadOnlyList<SalesLineInput>>.Ok(priced);
    }

    /// <summary>The principal's active warehouse (orders ship only from those), or null.</summary>
    public static Task<bool> IsPrincipalWarehouseAsync(SidigDbContext db, Guid warehouseId, CancellationToken ct) =>
        db.Warehouses.AsNoTracking().AnyAsync(w => w.Id == warehouseId && w.OwnerPartnerId == null && w.IsActive, ct);
}
