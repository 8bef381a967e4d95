using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Units;

/// <summary>One page of unit batches, newest first; <see cref="Search"/> matches the lot, the product or a serial of the range.</summary>
public sealed record ListUnitBatches(Guid? ProductId = null, string? Search = null, int Page = 0, int PageSize = 25,
    string? SortBy = null, bool Descending = true);

public sealed record UnitBatchListItem(Guid Id, string Lot, string Sku, string ProductName, DateOnly ProducedOn, int Quantity,
    string FirstSerial, string LastSerial, string WarehouseCode, DateTimeOffset CreatedAt, string? CreatedBy);

public sealed record UnitBatchList(IReadOnlyList<UnitBatchListItem> Items, int TotalCount);

public sealed class ListUnitBatchesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<UnitBatchList>> HandleAsync(ListUnitBatches query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewUnits)) return Result<UnitBatchList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var batches = db.UnitBatches.AsNoTracking();
        if (query.ProductId is { } productId) batches = batches.Where(b => b.ProductId == productId);
        var rows = from b in batches
                   join p in db.Products on b.ProductId equals p.Id
                   join w in db.Warehouses on b.WarehouseId equals w.Id
                   // An anonymous shape (not the record's constructor) so EF can still filter and sort on its members.
                   select new { b.Id, b.Lot, p.Sku, ProductName = p.Name, b.ProducedOn, b.Quantity, b.FirstSerial, b.LastSerial, WarehouseCode = w.Code,
                       b.CreatedAt, b.CreatedBy };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Lot.ToUpper().Contains(s) || r.Sku.ToUpper().Contains(s) || r.ProductName.ToUpper().Contains(s)
                                   || db.Units.Any(u => u.BatchId == r.Id && u.Serial.ToUpper() == s));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(UnitBatchListItem.Lot), false) => rows.OrderBy(r => r.Lot),
            (nameof(UnitBatchListItem.Lot), true) => rows.OrderByDescending(r => r.Lot),
            (nameof(UnitBatchListItem.ProductName), false) => rows.OrderBy(r => r.ProductName),
            (nameof(UnitBatchListItem.ProductName), true) => rows.OrderByDescending(r => r.ProductName),
            (nameof(UnitBatchListItem.ProducedOn), false) => rows.OrderBy(r => r.ProducedOn),
            (nameof(UnitBatchListItem.ProducedOn), true) => rows.OrderByDescending(r => r.ProducedOn),
            (_, false) => rows.OrderBy(r => r.CreatedAt),
            _ => rows.OrderByDescending(r => r.CreatedAt),
        };
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = await sorted.ThenBy(r => r.Id).Skip(Math.Max(query.Page, 0) * size).Take(size).ToListAsync(ct);
        var items = page.Select(r => new UnitBatchListItem(r.Id, r.Lot, r.Sku, r.ProductName, r.ProducedOn, r.Quantity, r.FirstSerial, r.LastSerial,
            r.WarehouseCode, r.CreatedAt, r.CreatedBy)).ToList();
        return Result<UnitBatchList>.Ok(new UnitBatchList(items, total));
    }
}
