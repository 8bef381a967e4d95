using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>
/// One page of warehouses. <see cref="SortBy"/> is a <see cref="WarehouseListItem"/> property name; <see cref="All"/>
/// returns every row matching the filters (export).
/// </summary>
public sealed record ListWarehouses(
    string? Search = null, StockOwnership? Ownership = null, Guid? PartnerId = null, string? ProvinceCode = null, bool? Active = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

public sealed record WarehouseListItem(
    Guid Id, string Code, string Name, Guid? OwnerPartnerId, string? OwnerCode, string? OwnerName, string? Address,
    string? ProvinceCode, string? ProvinceName, string? RegencyCode, string? RegencyName, bool IsActive)
{
    public bool IsPrimary => OwnerPartnerId is null;
}

public sealed record WarehousePage(IReadOnlyList<WarehouseListItem> Items, int TotalCount);

public sealed class ListWarehousesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, IndonesianAreas areas)
{
    public const int MaxPageSize = 100;

    public async Task<Result<WarehousePage>> HandleAsync(ListWarehouses query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<WarehousePage>.Fail("Access.Denied");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);

        var warehouses = db.Warehouses.AsNoTracking().Visible(partners).Owned(query.Ownership);
        if (query.PartnerId is { } partnerId) warehouses = warehouses.Where(w => w.OwnerPartnerId == partnerId);
        if (!string.IsNullOrWhiteSpace(query.ProvinceCode)) warehouses = warehouses.Where(w => w.ProvinceCode == query.ProvinceCode);
        if (query.Active is { } active) warehouses = warehouses.Where(w => w.IsActive == active);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            warehouses = warehouses.Where(w => w.Code.Contains(s) || w.Name.ToUpper().Contains(s));
        }
        var rows = from w in warehouses
                   join p in db.Partners.AsNoTracking() on w.OwnerPartnerId equals (Guid?)p.Id into owners
                   from p in owners.DefaultIfEmpty()
                   select new { W = w, OwnerCode = p == null ? null : p.Code, OwnerName = p == null ? null : p.LegalName };

        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(WarehouseListItem.Name), false) => rows.OrderBy(r => r.W.Name),
            (nameof(WarehouseListItem.Name), true) => rows.OrderByDescending(r => r.W.Name),
            (nameof(WarehouseListItem.OwnerName), false) => rows.OrderBy(r => r.OwnerName),
            (nameof(WarehouseListItem.OwnerName), true) => rows.OrderByDescending(r => r.OwnerName),
            (nameof(WarehouseListItem.ProvinceName), false) => rows.OrderBy(r => r.W.ProvinceCode),
            (nameof(WarehouseListItem.ProvinceName), true) => rows.OrderByDescending(r => r.W.ProvinceCode),
            (nameof(WarehouseListItem.IsActive), false) => rows.OrderBy(r => r.W.IsActive),
            (nameof(WarehouseListItem.IsActive), true) => rows.OrderByDescending(r => r.W.IsActive),
            (_, true) => rows.OrderByDescending(r => r.W.Code),
            _ => rows.OrderBy(r => r.W.Code),
        };
        var paged = sorted.ThenBy(r => r.W.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var list = await paged.ToListAsync(ct);
        var items = list.Select(r => new WarehouseListItem(r.W.Id, r.W.Code, r.W.Name, r.W.OwnerPartnerId, r.OwnerCode, r.OwnerName, r.W.Address,
            r.W.ProvinceCode, areas.ProvinceName(r.W.ProvinceCode), r.W.RegencyCode, areas.RegencyName(r.W.RegencyCode), r.W.IsActive)).ToList();
        return Result<WarehousePage>.Ok(new WarehousePage(items, total));
    }
}
