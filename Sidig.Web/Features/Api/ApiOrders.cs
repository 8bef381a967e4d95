using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Api;

public sealed record ApiOrderLine(
    Guid Id, Guid ProductId, string Sku, string ProductName, string Unit, decimal Quantity, decimal UnitPrice, decimal DiscountPercent,
    decimal NetAmount, decimal ShippedQuantity, decimal DeliveredQuantity, decimal InvoicedQuantity, decimal ReturnedQuantity);

/// <summary>An order as the API shows it. <see cref="SubmitProblems"/> only in the answer to its creation: the checks that sent it to approval.</summary>
public sealed record ApiOrder(
    Guid Id, string Number, OrderStatus Status, OrderSource Source, DateOnly OrderDate, Guid PartnerId, string PartnerCode, string PartnerName,
    Guid? WarehouseId, string? CustomerReference, string? Notes, decimal DiscountPercent, decimal Total, decimal InvoicedAmount, decimal PaidAmount,
    DateTimeOffset CreatedAt, IReadOnlyList<ApiOrderLine> Lines, IReadOnlyList<ApiError>? SubmitProblems = null);

public sealed record ApiOrderListItem(
    Guid Id, string Number, OrderStatus Status, OrderSource Source, DateOnly OrderDate, Guid PartnerId, string PartnerCode, string PartnerName,
    string? CustomerReference, decimal Total, DateTimeOffset CreatedAt);

/// <summary>One page of a list: <see cref="Page"/> counts from 1.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public sealed record GetApiOrder(Guid Id);

public sealed record ListApiOrders(
    OrderStatus? Status = null, Guid? PartnerId = null, string? CustomerReference = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 1, int PageSize = ApiPaging.DefaultPageSize);

public static class ApiPaging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static (int Page, int Size) Clamp(int page, int pageSize) => (Math.Max(page, 1), Math.Clamp(pageSize, 1, MaxPageSize));
}

/// <summary>Orders the caller may see: staff (and API keys) every order, a partner user its partner's, an agent also what it sold.</summary>
internal static class OrderVisibility
{
    public static async Task<IQueryable<SalesOrder>> VisibleAsync(IQueryable<SalesOrder> orders, PartnerScope scope, CancellationToken ct)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return orders;
        var partners = visible.ToList();
        var own = await scope.OwnPartnerAsync(ct);
        return orders.Where(o => partners.Contains(o.PartnerId) || (own != null && o.AgentId == own));
    }
}

public sealed class GetApiOrderHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<ApiOrder>> HandleAsync(GetApiOrder query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<ApiOrder>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var orders = await OrderVisibility.VisibleAsync(db.SalesOrders.AsNoTracking(), scope, ct);
        return await ReadAsync(db, orders, query.Id, ct) is { } order ? Result<ApiOrder>.Ok(order) : Result<ApiOrder>.Fail("Api.OrderNotFound");
    }

    /// <summary>The order in the API's shape, read through <paramref name="db"/> (also inside the transaction that created it).</summary>
    public static async Task<ApiOrder?> ReadAsync(SidigDbContext db, IQueryable<SalesOrder> orders, Guid id, CancellationToken ct)
    {
        var order = await orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct); // the tenant filter: another tenant's id is not found
        if (order is null) return null;
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == order.PartnerId).Select(p => new { p.Code, p.LegalName }).FirstOrDefaultAsync(ct);
        return new ApiOrder(order.Id, order.Number, order.Status, order.Source, order.OrderDate, order.PartnerId, partner?.Code ?? "",
            partner?.LegalName ?? "", order.WarehouseId, order.CustomerReference, order.Notes, order.DiscountPercent, order.Total, order.InvoicedAmount,
            order.PaidAmount, order.CreatedAt,
            order.Lines.Select(l => new ApiOrderLine(l.Id, l.ProductId, l.Sku, l.ProductName, l.Unit, l.Quantity, l.UnitPrice, l.DiscountPercent,
                l.NetAmount, l.ShippedQuantity, l.DeliveredQuantity, l.InvoicedQuantity, l.ReturnedQuantity)).ToList());
    }
}

public sealed class ListApiOrdersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<ApiPage<ApiOrderListItem>>> HandleAsync(ListApiOrders query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<ApiPage<ApiOrderListItem>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var orders = await OrderVisibility.VisibleAsync(db.SalesOrders.AsNoTracking(), scope, ct);
        if (query.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (query.PartnerId is { } partnerId) orders = orders.Where(o => o.PartnerId == partnerId);
        if (!string.IsNullOrWhiteSpace(query.CustomerReference))
        {
            var reference = query.CustomerReference.Trim();
            orders = orders.Where(o => o.CustomerReference == reference);
        }
        if (query.From is { } from) orders = orders.Where(o => o.OrderDate >= from);
        if (query.To is { } to) orders = orders.Where(o => o.OrderDate <= to);

        var (page, size) = ApiPaging.Clamp(query.Page, query.PageSize);
        var total = await orders.CountAsync(ct);
        var items = await orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(o => new ApiOrderListItem(o.Id, o.Number, o.Status, o.Source, o.OrderDate, o.PartnerId,
                db.Partners.Where(p => p.Id == o.PartnerId).Select(p => p.Code).FirstOrDefault() ?? "",
                db.Partners.Where(p => p.Id == o.PartnerId).Select(p => p.LegalName).FirstOrDefault() ?? "",
                o.CustomerReference, o.Lines.Sum(l => l.NetAmount), o.CreatedAt))
            .ToListAsync(ct);
        return Result<ApiPage<ApiOrderListItem>>.Ok(new ApiPage<ApiOrderListItem>(items, page, size, total));
    }
}
