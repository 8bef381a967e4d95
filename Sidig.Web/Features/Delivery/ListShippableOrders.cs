using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Delivery;

/// <summary>Approved orders with quantities not yet shipped, oldest first: what the warehouse can make delivery notes for.</summary>
public sealed record ListShippableOrders(string? Search = null, int Take = 50);

public sealed record ShippableOrder(Guid Id, string Number, DateOnly OrderDate, string PartnerName, OrderStatus Status, decimal Ordered, decimal Shipped);

public sealed class ListShippableOrdersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<ShippableOrder>>> HandleAsync(ListShippableOrders query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ShipOrders)) return Result<IReadOnlyList<ShippableOrder>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var orders = db.SalesOrders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Approved || o.Status == OrderStatus.PartiallyShipped
                        || ((o.Status == OrderStatus.Invoiced || o.Status == OrderStatus.PartiallyPaid || o.Status == OrderStatus.Paid)
                            && o.Lines.Any(l => l.ShippedQuantity < l.Quantity)));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            orders = orders.Where(o => o.Number.ToUpper().Contains(s) || db.Partners.Any(p => p.Id == o.PartnerId && p.LegalName.ToUpper().Contains(s)));
        }
        var rows = await orders.OrderBy(o => o.OrderDate).ThenBy(o => o.Number).Take(Math.Clamp(query.Take, 1, 200))
            .Select(o => new
            {
                o.Id, o.Number, o.OrderDate, o.Status, Partner = db.Partners.Where(p => p.Id == o.PartnerId).Select(p => p.LegalName).First(),
                Lines = o.Lines.Select(l => new { l.Quantity, l.ShippedQuantity }).ToList(),
            })
            .ToListAsync(ct);
        return Result<IReadOnlyList<ShippableOrder>>.Ok(rows.Select(r => new ShippableOrder(r.Id, r.Number, r.OrderDate, r.Partner, r.Status,
            r.Lines.Sum(l => l.Quantity), r.Lines.Sum(l => l.ShippedQuantity))).ToList());
    }
}
