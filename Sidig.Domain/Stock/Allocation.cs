using Sidig.Domain.Common;

namespace Sidig.Domain.Stock;

/// <summary>
/// A quota: how much of a product a partner may order in a period. Orders consume it (the order module calls
/// <see cref="Consume"/>); above the remaining quantity an order needs approval.
/// </summary>
public sealed class Allocation : Entity, ITenantOwned, IAuditable
{
    private Allocation() { }

    public Guid TenantId { get; set; }
    public Guid PartnerId { get; private set; }
    public Guid ProductId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    /// <summary>Last day of the period.</summary>
    public DateOnly PeriodEnd { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal Used { get; private set; }

    public decimal Remaining => Quantity - Used;

    public static Allocation Create(Guid partnerId, Guid productId, DateOnly start, DateOnly end, decimal quantity)
    {
        var a = new Allocation { PartnerId = partnerId, ProductId = productId };
        a.Change(start, end, quantity);
        return a;
    }

    public static string? Check(DateOnly start, DateOnly end, decimal quantity) =>
        end < start ? "Allocation.PeriodInvalid"
        : quantity <= 0 ? "Allocation.QuantityInvalid"
        : null;

    public void Change(DateOnly start, DateOnly end, decimal quantity)
    {
        if (Check(start, end, quantity) is { } error) throw new DomainException(error);
        if (quantity < Used) throw new DomainException("Allocation.BelowUsed");
        PeriodStart = start;
        PeriodEnd = end;
        Quantity = quantity;
    }

    public bool Covers(DateOnly date) => date >= PeriodStart && date <= PeriodEnd;

    /// <summary>Two allocations of one partner and product may not cover the same day.</summary>
    public bool Overlaps(DateOnly start, DateOnly end) => start <= PeriodEnd && end >= PeriodStart;

    /// <summary>Whether <paramref name="quantity"/> fits in what is left.</summary>
    public bool Allows(decimal quantity) => quantity <= Remaining;

    /// <summary>Uses part of the quota. Going over is allowed only when the order was approved (<paramref name="approved"/>).</summary>
    public void Consume(decimal quantity, bool approved = false)
    {
        if (quantity <= 0) throw new DomainException("Allocation.QuantityInvalid");
        if (!approved && !Allows(quantity)) throw new DomainException("Allocation.Exceeded");
        Used += quantity;
    }

    /// <summary>Gives back what a cancelled order had used.</summary>
    public void Release(decimal quantity)
    {
        if (quantity <= 0 || quantity > Used) throw new DomainException("Allocation.QuantityInvalid");
        Used -= quantity;
    }
}
