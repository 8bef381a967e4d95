using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Delivery;

/// <summary>
/// Which delivery notes a user may read: staff every one; a partner user those of its partners (the receiver), and an
/// agent those of the orders it sold. Applied on the server by every delivery-note query.
/// </summary>
public static class DeliveryVisibility
{
    public static IQueryable<DeliveryNote> Visible(this IQueryable<DeliveryNote> notes, SidigDbContext db, IReadOnlyCollection<Guid>? visible) =>
        visible is null ? notes
            : notes.Where(n => visible.Contains(n.PartnerId)
                               || db.SalesOrders.Any(o => o.Id == n.OrderId && o.AgentId != null && visible.Contains(o.AgentId.Value)));
}
