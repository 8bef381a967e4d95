using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Allocations;
using Sidig.Web.Features.Catalog;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>The partners the user may order or quote for (staff: any active partner; distributor: itself; agent: its customers), by code or name.</summary>
public sealed record LookupOrderPartners(string? Search, int Take = 20);

public sealed record OrderPartnerOption(Guid Id, string Code, string Name, PartnerType Type, Guid? ParentId)
{
    public string Label => $"{Code} · {Name}";
}

public sealed class LookupOrderPartnersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<IReadOnlyList<OrderPartnerOption>>> HandleAsync(LookupOrderPartners query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders) && !await permissions.HasAsync(Policies.ViewOrders))
            return Result<IReadOnlyList<OrderPartnerOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var allowed = await viewer.OrderablePartnersAsync(db, ct);
        var partners = db.Partners.AsNoTracking().Where(p => p.IsActive);
        if (allowed is not null) partners = partners.Where(p => allowed.Contains(p.Id));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            partners = partners.Where(p => p.Code.ToUpper().Contains(s) || p.LegalName.ToUpper().Contains(s));
        }
        var rows = await partners.OrderBy(p => p.Code).Take(Math.Clamp(query.Take, 1, 100))
            .Select(p => new OrderPartnerOption(p.Id, p.Code, p.LegalName, p.Type, p.ParentId)).ToListAsync(ct);
        return Result<IReadOnlyList<OrderPartnerOption>>.Ok(rows);
    }
}

/// <summary>The principal's active warehouses an order can ship from, and the agents a staff user may credit an order to.</summary>
public sealed record GetOrderFormOptions;

public sealed record OrderFormOptions(IReadOnlyList<WarehouseOption> Warehouses, IReadOnlyList<OrderPartnerOption> Agents, bool IsStaff,
    bool IsAgent, Guid? OwnPartnerId, decimal DiscountApprovalPercent);

public sealed class GetOrderFormOptionsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<OrderFormOptions>> HandleAsync(GetOrderFormOptions query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders) && !await permissions.HasAsync(Policies.ViewOrders))
            return Result<OrderFormOptions>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => w.IsActive && w.OwnerPartnerId == null).OrderBy(w => w.Code)
            .Select(w => new WarehouseOption(w.Id, w.Code, w.Name, null, null)).ToListAsync(ct);
        IReadOnlyList<OrderPartnerOption> agents = viewer.IsStaff
            ? await db.Partners.AsNoTracking().Where(p => p.IsActive && p.Type == PartnerType.Agent).OrderBy(p => p.Code)
                .Select(p => new OrderPartnerOption(p.Id, p.Code, p.LegalName, p.Type, p.ParentId)).Take(500).ToListAsync(ct)
            : [];
        var settings = await db.SalesSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? SalesSettings.CreateDefault();
        return Result<OrderFormOptions>.Ok(new OrderFormOptions(warehouses, agents, viewer.IsStaff, viewer.IsAgent, viewer.OwnPartnerId,
            settings.DiscountApprovalPercent));
    }
}

/// <summary>Products for an order line: active, by SKU or name, with today's price for the partner, its allocation left and the stock available.</summary>
public sealed record LookupOrderProducts(Guid PartnerId, Guid? WarehouseId, string? Search, int Take = 20);

public sealed record OrderProductOption(Guid Id, string Sku, string Name, string Unit, decimal? UnitPrice, decimal? AllocationRemaining, decimal? OnHand)
{
    public string Label => $"{Sku} · {Name}";
}

public sealed class LookupOrderProductsHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, AllocationCheck allocations, TimeProvider clock,
    TenantContext tenant)
{
    public async Task<Result<IReadOnlyList<OrderProductOption>>> HandleAsync(LookupOrderProducts query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<IReadOnlyList<OrderProductOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        if (!await viewer.CanOrderForAsync(db, query.PartnerId, ct)) return Result<IReadOnlyList<OrderProductOption>>.Fail("Partner.NotFound");
        var products = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            products = products.Where(p => p.Sku.ToUpper().Contains(s) || p.Name.ToUpper().Contains(s));
        }
        var rows = await products.OrderBy(p => p.Sku).Take(Math.Clamp(query.Take, 1, 100)).Select(p => new { p.Id, p.Sku, p.Name, p.Unit }).ToListAsync(ct);
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var prices = await PriceLookupService.FindManyAsync(db, query.PartnerId, today, rows.Select(r => new PriceRequest(r.Id, 1)).ToList(), ct);
        var ids = rows.Select(r => r.Id).ToList();
        var onHand = query.WarehouseId is { } w && await OrderPricing.IsPrincipalWarehouseAsync(db, w, ct)
            ? await db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == w && ids.Contains(b.ProductId)).ToDictionaryAsync(b => b.ProductId, b => b.OnHand, ct)
            : null;
        var result = new List<OrderProductOption>();
        foreach (var r in rows)
        {
            var quota = await allocations.RemainingAsync(db, query.PartnerId, r.Id, today, ct);
            result.Add(new OrderProductOption(r.Id, r.Sku, r.Name, r.Unit, prices.GetValueOrDefault(r.Id)?.UnitPrice, quota?.Remaining,
                onHand is null ? null : onHand.GetValueOrDefault(r.Id)));
        }
        return Result<IReadOnlyList<OrderProductOption>>.Ok(result);
    }
}

/// <summary>Prices a form's lines live (today's price with volume breaks, line and order discount) without saving anything.</summary>
public sealed record PriceOrderLines(Guid PartnerId, Guid? WarehouseId, decimal DiscountPercent, IReadOnlyList<PlaceOrderLine> Lines);

public sealed record PricedLine(Guid ProductId, string Sku, string Name, string Unit, decimal? UnitPrice, string? PriceListName, decimal NetAmount,
    decimal? AllocationRemaining, decimal? Available, string? ErrorCode);

public sealed record PricedLines(IReadOnlyList<PricedLine> Lines, decimal Gross, decimal Total);

public sealed class PriceOrderLinesHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, AllocationCheck allocations, TimeProvider clock,
    TenantContext tenant)
{
    public async Task<Result<PricedLines>> HandleAsync(PriceOrderLines query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<PricedLines>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        if (!await viewer.CanOrderForAsync(db, query.PartnerId, ct)) return Result<PricedLines>.Fail("Partner.NotFound");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var lines = query.Lines.Where(l => l.ProductId != Guid.Empty).ToList();
        var ids = lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Sku, p.Name, p.Unit, p.IsActive })
            .ToDictionaryAsync(p => p.Id, ct);
        var prices = await PriceLookupService.FindManyAsync(db, query.PartnerId, today, lines.Where(l => l.Quantity > 0)
            .Select(l => new PriceRequest(l.ProductId, l.Quantity)).ToList(), ct);
        Dictionary<Guid, decimal>? available = null;
        if (query.WarehouseId is { } w && await OrderPricing.IsPrincipalWarehouseAsync(db, w, ct))
        {
            var onHand = await db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == w && ids.Contains(b.ProductId))
                .ToDictionaryAsync(b => b.ProductId, b => b.OnHand, ct);
            var open = (await (from o in db.SalesOrders.AsNoTracking()
                               where o.WarehouseId == w && OrderSubmission.Released.Contains(o.Status)
                               from l in db.OrderLines.Where(x => x.OrderId == o.Id && ids.Contains(x.ProductId))
                               select new { l.ProductId, l.Quantity, l.ShippedQuantity }).ToListAsync(ct))
                .GroupBy(x => x.ProductId).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity - x.ShippedQuantity));
            available = ids.ToDictionary(id => id, id => onHand.GetValueOrDefault(id) - open.GetValueOrDefault(id));
        }
        var priced = new List<PricedLine>();
        var discount = SalesMath.CheckDiscount(query.DiscountPercent) is null ? query.DiscountPercent : 0;
        foreach (var l in lines)
        {
            if (!products.TryGetValue(l.ProductId, out var p) || !p.IsActive)
            {
                priced.Add(new PricedLine(l.ProductId, "", "", "", null, null, 0, null, null, "Order.ProductNotFound"));
                continue;
            }
            var quota = await allocations.RemainingAsync(db, query.PartnerId, p.Id, today, ct);
            var quote = prices.GetValueOrDefault(p.Id);
            var lineDiscount = SalesMath.CheckDiscount(l.DiscountPercent) is null ? l.DiscountPercent : 0;
            var net = quote is null || l.Quantity <= 0 ? 0 : SalesMath.Net(l.Quantity, quote.UnitPrice, lineDiscount, discount);
            priced.Add(new PricedLine(p.Id, p.Sku, p.Name, p.Unit, quote?.UnitPrice, quote?.PriceListName, net, quota?.Remaining,
                available?.GetValueOrDefault(p.Id), quote is null ? "Order.NoPrice" : null));
        }
        var gross = lines.Sum(l => prices.GetValueOrDefault(l.ProductId) is { } q && l.Quantity > 0 ? SalesMath.Gross(l.Quantity, q.UnitPrice) : 0);
        return Result<PricedLines>.Ok(new PricedLines(priced, gross, priced.Sum(x => x.NetAmount)));
    }
}
