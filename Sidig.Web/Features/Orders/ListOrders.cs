using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>
/// One page of orders: staff all of them, a distributor its own, an agent the ones it sold (<see cref="OrderViewer"/>).
/// Filters by status, partner, order date range and number/reference search; <see cref="All"/> returns every matching row (export).
/// With <see cref="WithPendingReasons"/> each row carries the checks still waiting for a decision (the approvals page).
/// </summary>
public sealed record ListOrders(
    OrderStatus? Status = null, Guid? PartnerId = null, DateOnly? From = null, DateOnly? To = null, string? Search = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false, bool WithPendingReasons = false);

public sealed record PendingReason(ApprovalReason Reason, string Detail);

public sealed record OrderListItem(
    Guid Id, string Number, DateOnly OrderDate, Guid PartnerId, string PartnerCode, string PartnerName, OrderStatus Status, OrderSource Source,
    string? CustomerReference, decimal Total, string? CreatedBy)
{
    public IReadOnlyList<PendingReason> Pending { get; init; } = [];
}

public sealed record OrderList(IReadOnlyList<OrderListItem> Items, int TotalCount);

public sealed class ListOrdersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<OrderList>> HandleAsync(ListOrders query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<OrderList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var orders = viewer.Filter(db.SalesOrders.AsNoTracking());
        if (query.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (query.PartnerId is { } partnerId) orders = orders.Where(o => o.PartnerId == partnerId);
        if (query.From is { } from) orders = orders.Where(o => o.OrderDate >= from);
        if (query.To is { } to) orders = orders.Where(o => o.OrderDate <= to);
        var rows = from o in orders
                   join p in db.Partners on o.PartnerId equals p.Id
                   select new
                   {
                       o.Id, o.Number, o.OrderDate, o.PartnerId, PartnerCode = p.Code, PartnerName = p.LegalName, o.Status, o.Source,
                       o.CustomerReference, o.CreatedBy, o.CreatedAt,
                       Total = db.OrderLines.Where(l => l.OrderId == o.Id).Sum(l => (decimal?)l.NetAmount) ?? 0,
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Number.ToUpper().Contains(s) || (r.CustomerReference != null && r.CustomerReference.ToUpper().Contains(s))
                                   || r.PartnerCode.ToUpper().Contains(s) || r.PartnerName.ToUpper().Contains(s));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(OrderListItem.Number), false) => rows.OrderBy(r => r.Number),
            (nameof(OrderListItem.Number), true) => rows.OrderByDescending(r => r.Number),
            (nameof(OrderListItem.PartnerName), false) => rows.OrderBy(r => r.PartnerName),
            (nameof(OrderListItem.PartnerName), true) => rows.OrderByDescending(r => r.PartnerName),
            (nameof(OrderListItem.Status), false) => rows.OrderBy(r => r.Status),
            (nameof(OrderListItem.Status), true) => rows.OrderByDescending(r => r.Status),
            (nameof(OrderListItem.Total), false) => rows.OrderBy(r => r.Total),
            (nameof(OrderListItem.Total), true) => rows.OrderByDescending(r => r.Total),
            (_, false) => rows.OrderBy(r => r.OrderDate).ThenBy(r => r.CreatedAt),
            _ => rows.OrderByDescending(r => r.OrderDate).ThenByDescending(r => r.CreatedAt),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = (await paged.ToListAsync(ct)).Select(r => new OrderListItem(r.Id, r.Number, r.OrderDate, r.PartnerId, r.PartnerCode, r.PartnerName,
            r.Status, r.Source, r.CustomerReference, r.Total, r.CreatedBy)).ToList();
        if (query.WithPendingReasons && items.Count > 0)
        {
            var ids = items.Select(i => i.Id).ToList();
            var pending = (await db.OrderApprovals.AsNoTracking().Where(a => ids.Contains(a.OrderId) && a.Decision == ApprovalDecision.Pending)
                    .Select(a => new { a.OrderId, a.Reason, a.Detail }).ToListAsync(ct))
                .GroupBy(a => a.OrderId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Reason).Select(a => new PendingReason(a.Reason, a.Detail)).ToList());
            items = items.Select(i => i with { Pending = pending.GetValueOrDefault(i.Id) ?? [] }).ToList();
        }
        return Result<OrderList>.Ok(new OrderList(items, total));
    }
}
