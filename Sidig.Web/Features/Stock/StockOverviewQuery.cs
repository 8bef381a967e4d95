using Microsoft.EntityFrameworkCore;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Web.Features.Stock;

/// <summary>How the stock overview adds up on-hand: one row per balance (warehouse × product) or per group.</summary>
public enum StockGrouping { None = 0, Product = 1, Warehouse = 2, Partner = 3, Province = 4, Ownership = 5 }

/// <summary>The stock overview's filters; <see cref="BelowMinimum"/> keeps the rows whose on-hand is under their minimum level.</summary>
public sealed record StockFilter(
    string? ProductSearch = null, Guid? CategoryId = null, Guid? WarehouseId = null, Guid? PartnerId = null,
    string? ProvinceCode = null, StockOwnership? Ownership = null, bool BelowMinimum = false);

/// <summary>
/// One row of the overview. For <see cref="StockGrouping.None"/> every field of the balance is set; for a group only
/// its key's fields, with the sum of on-hand, the number of balances and how many of them are below minimum.
/// </summary>
public sealed record StockRow(
    string Key, Guid? ProductId, string? Sku, string? ProductName, string? Unit,
    Guid? WarehouseId, string? WarehouseCode, string? WarehouseName, Guid? PartnerId, string? PartnerName,
    string? ProvinceCode, string? ProvinceName, bool? IsPrimary, decimal OnHand, decimal? MinLevel, int Lines, int BelowMinimum);

public sealed record StockTotals(decimal Primary, decimal Secondary, int BelowMinimum);

public sealed record StockOverviewPage(IReadOnlyList<StockRow> Rows, int TotalCount, StockTotals Totals);

/// <summary>A balance with what the overview filters and groups by (member-initialised so EF Core can compose over it).</summary>
public sealed class BalanceRow
{
    public Guid WarehouseId { get; init; }
    public string WarehouseCode { get; init; } = "";
    public string WarehouseName { get; init; } = "";
    public Guid? OwnerPartnerId { get; init; }
    public string? PartnerCode { get; init; }
    public string? PartnerName { get; init; }
    public string? ProvinceCode { get; init; }
    public Guid ProductId { get; init; }
    public string Sku { get; init; } = "";
    public string ProductName { get; init; } = "";
    public string Unit { get; init; } = "";
    public Guid? CategoryId { get; init; }
    public decimal OnHand { get; init; }
    /// <summary>The warehouse's own minimum, else the product's default.</summary>
    public decimal MinLevel { get; init; }
}

/// <summary>A group of balances (member-initialised so EF Core can order and page it).</summary>
public sealed class StockGroupRow
{
    public Guid? Id { get; init; }
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? Unit { get; init; }
    public Guid? PartnerId { get; init; }
    public string? PartnerName { get; init; }
    public string? ProvinceCode { get; init; }
    public bool? IsPrimary { get; init; }
    public decimal OnHand { get; init; }
    public int Lines { get; init; }
    public int Below { get; init; }
}

/// <summary>
/// The stock overview's EF Core queries, shared by <see cref="GetStockOverviewHandler"/>, <see cref="ListLowStockHandler"/>
/// and the benchmark (bench/Sidig.Bench), so the measured query is the one the page runs.
/// </summary>
public static class StockOverviewQuery
{
    public const int MaxPageSize = 100;
    public const string SortLabel = "Label", SortOnHand = nameof(StockRow.OnHand), SortBelow = nameof(StockRow.BelowMinimum),
        SortWarehouse = nameof(StockRow.WarehouseCode), SortMinLevel = nameof(StockRow.MinLevel);

    /// <summary>Every balance of the warehouses visible to <paramref name="partners"/> (null = all), with its product, warehouse and owner.</summary>
    public static IQueryable<BalanceRow> Balances(SidigDbContext db, List<Guid>? partners) =>
        from b in db.StockBalances.AsNoTracking()
        join w in db.Warehouses.AsNoTracking().Visible(partners) on b.WarehouseId equals w.Id
        join p in db.Products.AsNoTracking() on b.ProductId equals p.Id
        join o in db.Partners.AsNoTracking() on w.OwnerPartnerId equals (Guid?)o.Id into owners
        from o in owners.DefaultIfEmpty()
        select new BalanceRow
        {
            WarehouseId = w.Id, WarehouseCode = w.Code, WarehouseName = w.Name, OwnerPartnerId = w.OwnerPartnerId,
            PartnerCode = o == null ? null : o.Code, PartnerName = o == null ? null : o.LegalName, ProvinceCode = w.ProvinceCode,
            ProductId = p.Id, Sku = p.Sku, ProductName = p.Name, Unit = p.Unit, CategoryId = p.CategoryId,
            OnHand = b.OnHand, MinLevel = b.MinLevel ?? p.MinStockDefault,
        };

    public static IQueryable<BalanceRow> Filter(this IQueryable<BalanceRow> rows, StockFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.ProductSearch))
        {
            var s = f.ProductSearch.Trim().ToUpper();
            rows = rows.Where(r => r.Sku.Contains(s) || r.ProductName.ToUpper().Contains(s));
        }
        if (f.CategoryId is { } category) rows = rows.Where(r => r.CategoryId == category);
        if (f.WarehouseId is { } warehouse) rows = rows.Where(r => r.WarehouseId == warehouse);
        if (f.PartnerId is { } partner) rows = rows.Where(r => r.OwnerPartnerId == partner);
        if (!string.IsNullOrWhiteSpace(f.ProvinceCode)) rows = rows.Where(r => r.ProvinceCode == f.ProvinceCode);
        if (f.Ownership == StockOwnership.Primary) rows = rows.Where(r => r.OwnerPartnerId == null);
        if (f.Ownership == StockOwnership.Secondary) rows = rows.Where(r => r.OwnerPartnerId != null);
        if (f.BelowMinimum) rows = rows.BelowMinimum();
        return rows;
    }

    /// <summary>Low stock: on-hand under the minimum level (the warehouse's own, else the product's default).</summary>
    public static IQueryable<BalanceRow> BelowMinimum(this IQueryable<BalanceRow> rows) => rows.Where(r => r.OnHand < r.MinLevel);

    public static async Task<StockOverviewPage> RunAsync(SidigDbContext db, GetStockOverview query, List<Guid>? partners, IndonesianAreas areas,
        CancellationToken ct = default)
    {
        var rows = Balances(db, partners).Filter(query.Filter ?? new StockFilter());
        if (query.Grouping is StockGrouping.Warehouse or StockGrouping.Partner or StockGrouping.Province or StockGrouping.Ownership)
            return await FewGroupsAsync(rows, query, areas, ct);
        var totalsByKind = await rows.GroupBy(r => r.OwnerPartnerId == null)
            .Select(g => new { Primary = g.Key, OnHand = g.Sum(r => r.OnHand), Below = g.Count(r => r.OnHand < r.MinLevel) })
            .ToListAsync(ct);
        var totals = new StockTotals(totalsByKind.Where(t => t.Primary).Sum(t => t.OnHand), totalsByKind.Where(t => !t.Primary).Sum(t => t.OnHand),
            totalsByKind.Sum(t => t.Below));
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var skip = Math.Max(query.Page, 0) * size;

        if (query.Grouping == StockGrouping.None)
        {
            var count = await rows.CountAsync(ct);
            var sorted = SortDetail(rows, query.SortBy, query.Descending);
            var page = await (query.All ? sorted : sorted.Skip(skip).Take(size)).ToListAsync(ct);
            return new StockOverviewPage(page.Select(r => Detail(r, areas)).ToList(), count, totals);
        }

        var groups = Group(rows, query.Grouping);
        var groupCount = await groups.CountAsync(ct);
        // Province and ownership groups are unique by their code; the others by their id.
        var sortedGroups = SortGroups(groups, query.SortBy, query.Descending, byId: query.Grouping is not (StockGrouping.Province or StockGrouping.Ownership));
        var groupPage = await (query.All ? sortedGroups : sortedGroups.Skip(skip).Take(size)).ToListAsync(ct);
        return new StockOverviewPage(groupPage.Select(g => FromGroup(g, query.Grouping, areas)).ToList(), groupCount, totals);
    }

    /// <summary>
    /// Groupings with few groups (warehouses, partners, provinces, primary/secondary): one pass over the balances returns
    /// every group split by primary/secondary; the totals, the count and the page come from that list (a third of the
    /// database work of counting, totalling and paging separately — see docs/benchmarks.md).
    /// </summary>
    private static async Task<StockOverviewPage> FewGroupsAsync(IQueryable<BalanceRow> rows, GetStockOverview query, IndonesianAreas areas, CancellationToken ct)
    {
        var grouping = query.Grouping;
        var groups = grouping == StockGrouping.Province
            ? await rows.GroupBy(r => new { r.ProvinceCode, Primary = r.OwnerPartnerId == null }).Select(g => new StockGroupRow
            {
                Code = g.Key.ProvinceCode, ProvinceCode = g.Key.ProvinceCode, IsPrimary = g.Key.Primary,
                OnHand = g.Sum(r => r.OnHand), Lines = g.Count(), Below = g.Count(r => r.OnHand < r.MinLevel),
            }).ToListAsync(ct)
            : await Group(rows, grouping).ToListAsync(ct);
        var totals = new StockTotals(groups.Where(g => g.IsPrimary == true).Sum(g => g.OnHand), groups.Where(g => g.IsPrimary != true).Sum(g => g.OnHand),
            groups.Sum(g => g.Below));
        if (grouping == StockGrouping.Province)
            groups = groups.GroupBy(g => g.ProvinceCode).Select(p => new StockGroupRow
            {
                Code = p.Key, ProvinceCode = p.Key, OnHand = p.Sum(g => g.OnHand), Lines = p.Sum(g => g.Lines), Below = p.Sum(g => g.Below),
            }).ToList();
        IEnumerable<StockGroupRow> sorted = (query.SortBy, query.Descending) switch
        {
            (SortOnHand, false) => groups.OrderBy(g => g.OnHand),
            (SortOnHand, true) => groups.OrderByDescending(g => g.OnHand),
            (SortBelow, false) => groups.OrderBy(g => g.Below),
            (SortBelow, true) => groups.OrderByDescending(g => g.Below),
            (_, true) => groups.OrderByDescending(g => g.Code, StringComparer.Ordinal),
            _ => groups.OrderBy(g => g.Code, StringComparer.Ordinal),
        };
        sorted = ((IOrderedEnumerable<StockGroupRow>)sorted).ThenBy(g => g.Code, StringComparer.Ordinal).ThenBy(g => g.Id);
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            sorted = sorted.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        return new StockOverviewPage(sorted.Select(g => FromGroup(g, grouping, areas)).ToList(), groups.Count, totals);
    }

    public static StockRow Detail(BalanceRow r, IndonesianAreas areas) =>
        new($"{r.WarehouseId:N}:{r.ProductId:N}", r.ProductId, r.Sku, r.ProductName, r.Unit, r.WarehouseId, r.WarehouseCode, r.WarehouseName,
            r.OwnerPartnerId, r.PartnerName, r.ProvinceCode, areas.ProvinceName(r.ProvinceCode), r.OwnerPartnerId is null, r.OnHand, r.MinLevel,
            1, r.OnHand < r.MinLevel ? 1 : 0);

    private static IQueryable<StockGroupRow> Group(IQueryable<BalanceRow> rows, StockGrouping grouping) => grouping switch
    {
        StockGrouping.Product => rows.GroupBy(r => new { r.ProductId, r.Sku, r.ProductName, r.Unit }).Select(g => new StockGroupRow
        {
            Id = g.Key.ProductId, Code = g.Key.Sku, Name = g.Key.ProductName, Unit = g.Key.Unit,
            OnHand = g.Sum(r => r.OnHand), Lines = g.Count(), Below = g.Count(r => r.OnHand < r.MinLevel),
        }),
        StockGrouping.Warehouse => rows.GroupBy(r => new { r.WarehouseId, r.WarehouseCode, r.WarehouseName, r.OwnerPartnerId, r.PartnerName, r.ProvinceCode })
            .Select(g => new StockGroupRow
            {
                Id = g.Key.WarehouseId, Code = g.Key.WarehouseCode, Name = g.Key.WarehouseName, PartnerId = g.Key.OwnerPartnerId,
                PartnerName = g.Key.PartnerName, ProvinceCode = g.Key.ProvinceCode, IsPrimary = g.Key.OwnerPartnerId == null,
                OnHand = g.Sum(r => r.OnHand), Lines = g.Count(), Below = g.Count(r => r.OnHand < r.MinLevel),
            }),
        StockGrouping.Partner => rows.GroupBy(r => new { r.OwnerPartnerId, r.PartnerCode, r.PartnerName }).Select(g => new StockGroupRow
        {
            Id = g.Key.OwnerPartnerId, Code = g.Key.PartnerCode, Name = g.Key.PartnerName, PartnerId = g.Key.OwnerPartnerId,
            PartnerName = g.Key.PartnerName, IsPrimary = g.Key.OwnerPartnerId == null,
            OnHand = g.Sum(r => r.OnHand), Lines = g.Count(), Below = g.Count(r => r.OnHand < r.MinLevel),
        }),
        StockGrouping.Province => rows.GroupBy(r => r.ProvinceCode).Select(g => new StockGroupRow
        {
            Code = g.Key, ProvinceCode = g.Key,
            OnHand = g.Sum(r => r.OnHand), Lines = g.Count(), Below = g.Count(r => r.OnHand < r.MinLevel),
        }),
        _ => rows.GroupBy(r => r.OwnerPartnerId == null).Select(g => new StockGroupRow
        {
            IsPrimary = g.Key, Code = g.Key ? "1" : "2",
            OnHand = g.Sum(r => r.OnHand), Lines = g.Count(), Below = g.Count(r => r.OnHand < r.MinLevel),
        }),
    };

    private static StockRow FromGroup(StockGroupRow g, StockGrouping grouping, IndonesianAreas areas) => grouping switch
    {
        StockGrouping.Product => new StockRow(g.Id!.Value.ToString("N"), g.Id, g.Code, g.Name, g.Unit, null, null, null, null, null, null, null, null,
            g.OnHand, null, g.Lines, g.Below),
        StockGrouping.Warehouse => new StockRow(g.Id!.Value.ToString("N"), null, null, null, null, g.Id, g.Code, g.Name, g.PartnerId, g.PartnerName,
            g.ProvinceCode, areas.ProvinceName(g.ProvinceCode), g.IsPrimary, g.OnHand, null, g.Lines, g.Below),
        StockGrouping.Partner => new StockRow(g.Id?.ToString("N") ?? "principal", null, null, null, null, null, null, null, g.PartnerId, g.PartnerName,
            null, null, g.IsPrimary, g.OnHand, null, g.Lines, g.Below),
        StockGrouping.Province => new StockRow(g.ProvinceCode ?? "none", null, null, null, null, null, null, null, null, null,
            g.ProvinceCode, areas.ProvinceName(g.ProvinceCode), null, g.OnHand, null, g.Lines, g.Below),
        _ => new StockRow(g.IsPrimary == true ? "primary" : "secondary", null, null, null, null, null, null, null, null, null, null, null,
            g.IsPrimary, g.OnHand, null, g.Lines, g.Below),
    };

    private static IQueryable<BalanceRow> SortDetail(IQueryable<BalanceRow> rows, string? sortBy, bool desc)
    {
        IOrderedQueryable<BalanceRow> sorted = (sortBy, desc) switch
        {
            (SortOnHand, false) => rows.OrderBy(r => r.OnHand),
            (SortOnHand, true) => rows.OrderByDescending(r => r.OnHand),
            (SortMinLevel, false) => rows.OrderBy(r => r.MinLevel),
            (SortMinLevel, true) => rows.OrderByDescending(r => r.MinLevel),
            (SortWarehouse, false) => rows.OrderBy(r => r.WarehouseCode).ThenBy(r => r.Sku),
            (SortWarehouse, true) => rows.OrderByDescending(r => r.WarehouseCode).ThenBy(r => r.Sku),
            (_, true) => rows.OrderByDescending(r => r.Sku).ThenBy(r => r.WarehouseCode),
            _ => rows.OrderBy(r => r.Sku).ThenBy(r => r.WarehouseCode),
        };
        return sorted.ThenBy(r => r.WarehouseId).ThenBy(r => r.ProductId); // stable paging
    }

    private static IQueryable<StockGroupRow> SortGroups(IQueryable<StockGroupRow> groups, string? sortBy, bool desc, bool byId)
    {
        IOrderedQueryable<StockGroupRow> sorted = (sortBy, desc) switch
        {
            (SortOnHand, false) => groups.OrderBy(g => g.OnHand),
            (SortOnHand, true) => groups.OrderByDescending(g => g.OnHand),
            (SortBelow, false) => groups.OrderBy(g => g.Below),
            (SortBelow, true) => groups.OrderByDescending(g => g.Below),
            (_, true) => groups.OrderByDescending(g => g.Code),
            _ => groups.OrderBy(g => g.Code),
        };
        return byId ? sorted.ThenBy(g => g.Id) : sorted.ThenBy(g => g.Code);
    }
}
