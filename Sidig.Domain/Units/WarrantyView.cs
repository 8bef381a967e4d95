using Sidig.Domain.Catalog;

namespace Sidig.Domain.Units;

public enum WarrantyState
{
    /// <summary>The product has no warranty policy.</summary>
    None = 0,
    /// <summary>The event that starts the warranty (registration, sell-out, delivery) has not happened.</summary>
    NotRegistered = 1,
    Active = 2,
    Expired = 3,
    Void = 4,
}

/// <summary>A unit's warranty on a given day, from its policy and the dates the policy may start from.</summary>
public sealed record WarrantyView(WarrantyState State, DateOnly? Start, DateOnly? End, string? VoidReason)
{
    public static WarrantyView Of(WarrantyPolicy? policy, DateOnly? registered, DateOnly? soldOut, DateOnly? delivered, string? voidReason, DateOnly today)
    {
        if (policy is null) return new(WarrantyState.None, null, null, null);
        var start = policy.StartDate(registered, soldOut, delivered);
        var end = start is { } s ? policy.EndDate(s) : (DateOnly?)null;
        if (voidReason is not null) return new(WarrantyState.Void, start, end, voidReason);
        if (start is null) return new(WarrantyState.NotRegistered, null, null, null);
        return new(today > end ? WarrantyState.Expired : WarrantyState.Active, start, end, null);
    }
}
