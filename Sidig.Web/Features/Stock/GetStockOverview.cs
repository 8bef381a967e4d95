using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>
/// On-hand from the balances, per balance or grouped (product, warehouse, partner, province, primary/secondary), with
/// the primary and secondary totals of the filtered stock. Partner users see only their partners' warehouses.
/// <see cref="All"/> returns every row (export).
/// </summary>
public sealed record GetStockOverview(
    StockGrouping Grouping = StockGrouping.None, StockFilter? Filter = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

public sealed class GetStockOverviewHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, IndonesianAreas areas)
{
    public async Task<Result<StockOverviewPage>> HandleAsync(GetStockOverview query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<StockOverviewPage>.Fail("Access.Denied");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return Result<StockOverviewPage>.Ok(await StockOverviewQuery.RunAsync(db, query, partners, areas, ct));
    }
}

/// <summary>Balances under their minimum level, the largest shortfall first (dashboard card, overview filter). <see cref="All"/>: every row.</summary>
public sealed record ListLowStock(Guid? WarehouseId = null, int Page = 0, int PageSize = 10, bool All = false);

public sealed record LowStockPage(IReadOnlyList<StockRow> Items, int TotalCount);

public sealed class ListLowStockHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, IndonesianAreas areas)
{
    public async Task<Result<LowStockPage>> HandleAsync(ListLowStock query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<LowStockPage>.Fail("Access.Denied");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = StockOverviewQuery.Balances(db, partners).BelowMinimum();
        if (query.WarehouseId is { } warehouseId) rows = rows.Where(r => r.WarehouseId == warehouseId);
        var total = await rows.CountAsync(ct);
        var sorted = rows.OrderByDescending(r => r.MinLevel - r.OnHand).ThenBy(r => r.Sku).ThenBy(r => r.WarehouseCode).ThenBy(r => r.WarehouseId);
        var size = Math.Clamp(query.PageSize, 1, StockOverviewQuery.MaxPageSize);
        var page = await (query.All ? sorted : sorted.Skip(Math.Max(query.Page, 0) * size).Take(size)).ToListAsync(ct);
        return Result<LowStockPage>.Ok(new LowStockPage(page.Select(r => StockOverviewQuery.Detail(r, areas)).ToList(), total));
    }
}
