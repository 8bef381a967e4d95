using Sidig.Domain.Common;
using Sidig.Domain.Orders;

namespace Sidig.Web.Features.Orders;

/// <summary>What the order (or quotation) form holds; <see cref="Check"/> gives each problem with its field, as the handlers do.</summary>
public sealed record OrderFormInput(Guid? PartnerId, Guid? WarehouseId, string? CustomerReference, string? Notes, decimal? DiscountPercent,
    IReadOnlyList<OrderFormLine> Lines, Guid? AgentId = null, DateOnly? ValidUntil = null)
{
    public IReadOnlyList<Error> Check(bool submit)
    {
        var errors = new List<Error>();
        if (PartnerId is null) errors.Add(new("Order.PartnerRequired", "PartnerId"));
        if (submit && WarehouseId is null) errors.Add(new("Order.WarehouseRequired", "WarehouseId"));
        if (DiscountPercent is { } d && SalesMath.CheckDiscount(d) is { } de) errors.Add(new(de, "DiscountPercent"));
        if (Lines.Count == 0) errors.Add(new("Sales.NoLines", "Lines"));
        for (var i = 0; i < Lines.Count; i++)
        {
            var l = Lines[i];
            if (l.ProductId is null) errors.Add(new("Order.ProductRequired", $"Lines[{i}].ProductId"));
            else if (Lines.Take(i).Any(x => x.ProductId == l.ProductId)) errors.Add(new("Sales.DuplicateProduct", $"Lines[{i}].ProductId"));
            if (l.Quantity is null) errors.Add(new("Validation.Required", $"Lines[{i}].Quantity"));
            else if (SalesMath.CheckQuantity(l.Quantity.Value) is { } q) errors.Add(new(q, $"Lines[{i}].Quantity"));
            if (l.DiscountPercent is { } ld && SalesMath.CheckDiscount(ld) is { } lde) errors.Add(new(lde, $"Lines[{i}].DiscountPercent"));
        }
        return errors;
    }

    public IReadOnlyList<PlaceOrderLine> OrderLines() =>
        Lines.Where(l => l.ProductId is not null).Select(l => new PlaceOrderLine(l.ProductId!.Value, l.Quantity ?? 0, l.DiscountPercent ?? 0)).ToList();
}

public sealed record OrderFormLine(Guid? ProductId, decimal? Quantity, decimal? DiscountPercent);
