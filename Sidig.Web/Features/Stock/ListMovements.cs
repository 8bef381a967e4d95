using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Stock;

/// <summary>
/// The stock ledger, newest first. <see cref="From"/>/<see cref="To"/> are calendar days in the tenant's time zone
/// (both included). <see cref="All"/> returns every matching movement (export).
/// </summary>
public sealed record ListMovements(
    DateOnly? From = null, DateOnly? To = null, Guid? WarehouseId = null, Guid? ProductId = null, string? ProductSearch = null,
    MovementType? Type = null, string? DocumentNumber = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record MovementListItem(
    Guid Id, DateTimeOffset At, MovementType Type, Guid WarehouseId, string WarehouseCode, string WarehouseName,
    Guid ProductId, string Sku, string ProductName, string Unit, decimal Quantity,
    string DocumentType, string DocumentNumber, Guid? CorrelationId, string? Reason, string? UserName);

public sealed record MovementPage(IReadOnlyList<MovementListItem> Items, int TotalCount);

public sealed class ListMovementsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<Result<MovementPage>> HandleAsync(ListMovements query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<MovementPage>.Fail("Access.Denied");
        if (query.From is { } f && query.To is { } t && t < f) return Result<MovementPage>.Fail("Stock.RangeInvalid");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);

        var movements = db.StockMovements.AsNoTracking();
        var zone = tenant.Tenant.TimeZoneId;
        if (query.From is { } from)
        {
            var start = DisplayTime.StartOfDayUtc(from, zone);
            movements = movements.Where(m => m.At >= start);
        }
        if (query.To is { } to)
        {
            var end = DisplayTime.StartOfDayUtc(to.AddDays(1), zone);
            movements = movements.Where(m => m.At < end);
        }
        if (query.WarehouseId is { } w) movements = movements.Where(m => m.WarehouseId == w);
        if (query.ProductId is { } p) movements = movements.Where(m => m.ProductId == p);
        if (query.Type is { } type) movements = movements.Where(m => m.Type == type);
        if (!string.IsNullOrWhiteSpace(query.DocumentNumber))
        {
            var number = query.DocumentNumber.Trim().ToUpper();
            movements = movements.Where(m => m.DocumentNumber.ToUpper().Contains(number));
        }
        var rows = from m in movements
                   join wh in db.Warehouses.AsNoTracking().Visible(partners) on m.WarehouseId equals wh.Id
                   join pr in db.Products.AsNoTracking() on m.ProductId equals pr.Id
                   select new { M = m, wh.Code, wh.Name, pr.Sku, ProductName = pr.Name, pr.Unit };
        if (!string.IsNullOrWhiteSpace(query.ProductSearch))
        {
            var s = query.ProductSearch.Trim().ToUpper();
            rows = rows.Where(r => r.Sku.Contains(s) || r.ProductName.ToUpper().Contains(s));
        }

        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(MovementListItem.Quantity), false) => rows.OrderBy(r => r.M.Quantity).ThenByDescending(r => r.M.At),
            (nameof(MovementListItem.Quantity), true) => rows.OrderByDescending(r => r.M.Quantity).ThenByDescending(r => r.M.At),
            (nameof(MovementListItem.DocumentNumber), false) => rows.OrderBy(r => r.M.DocumentNumber).ThenByDescending(r => r.M.At),
            (nameof(MovementListItem.DocumentNumber), true) => rows.OrderByDescending(r => r.M.DocumentNumber).ThenByDescending(r => r.M.At),
            (_, false) => rows.OrderBy(r => r.M.At),
            _ => rows.OrderByDescending(r => r.M.At),
        };
        var ordered = sorted.ThenBy(r => r.M.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            ordered = ordered.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var list = await ordered.ToListAsync(ct);
        return Result<MovementPage>.Ok(new MovementPage(list.Select(r => new MovementListItem(r.M.Id, r.M.At, r.M.Type, r.M.WarehouseId, r.Code, r.Name,
            r.M.ProductId, r.Sku, r.ProductName, r.Unit, r.M.Quantity, r.M.DocumentType, r.M.DocumentNumber, r.M.CorrelationId, r.M.Reason,
            r.M.UserName)).ToList(), total));
    }
}
