using Microsoft.EntityFrameworkCore;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Allocations;

/// <summary>
/// What is left of a partner's quota for a product on a day, for the order module's approval rule (an order above
/// the remaining quantity needs approval). Runs on the caller's context, so inside its transaction when it has one.
/// </summary>
public sealed class AllocationCheck
{
    /// <returns>null when no allocation covers the day (no quota applies); otherwise the remaining quantity and the allocation</returns>
    public async Task<(decimal Remaining, Guid? AllocationId)?> RemainingAsync(SidigDbContext db, Guid partnerId, Guid productId, DateOnly date,
        CancellationToken ct = default)
    {
        var allocation = await db.Allocations.AsNoTracking()
            .Where(a => a.PartnerId == partnerId && a.ProductId == productId && a.PeriodStart <= date && a.PeriodEnd >= date)
            .Select(a => new { a.Id, a.Quantity, a.Used })
            .FirstOrDefaultAsync(ct);
        return allocation is null ? null : (allocation.Quantity - allocation.Used, allocation.Id);
    }
}
