using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>
/// One page of count sessions, newest first by default. <see cref="SortBy"/> is a <see cref="StockAuditListItem"/>
/// property name; <see cref="All"/> returns every matching row (for export).
/// </summary>
public sealed record ListStockAudits(
    Guid? WarehouseId = null, StockAuditStatus? Status = null, string? Search = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record StockAuditListItem(
    Guid Id, string Number, string WarehouseCode, string WarehouseName, string? PartnerName, StockAuditStatus Status, bool Blind,
    DateTimeOffset OpenedAt, string? OpenedBy, DateTimeOffset? ClosedAt, int Lines, int Counted);

public sealed record StockAuditList(IReadOnlyList<StockAuditListItem> Items, int TotalCount);

public sealed class ListStockAuditsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<StockAuditList>> HandleAsync(ListStockAudits query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.CountStock) && !await permissions.HasAsync(Policies.ApproveStockAudit))
            return Result<StockAuditList>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = db.StockAudits.AsNoTracking()
            .Join(db.Warehouses, a => a.WarehouseId, w => w.Id, (a, w) => new
            {
                a.Id, a.Number, a.WarehouseId, w.Code, w.Name, w.OwnerPartnerId, a.Status, a.Blind, a.OpenedAt, a.OpenedBy, a.ClosedAt,
            });
        if (visible is not null) rows = rows.Where(r => r.OwnerPartnerId != null && visible.Contains(r.OwnerPartnerId.Value));
        if (query.WarehouseId is { } warehouseId) rows = rows.Where(r => r.WarehouseId == warehouseId);
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Number.ToUpper().Contains(s) || r.Code.ToUpper().Contains(s) || r.Name.ToUpper().Contains(s));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(StockAuditListItem.Number), false) => rows.OrderBy(r => r.Number),
            (nameof(StockAuditListItem.Number), true) => rows.OrderByDescending(r => r.Number),
            (nameof(StockAuditListItem.WarehouseCode), false) => rows.OrderBy(r => r.Code),
            (nameof(StockAuditListItem.WarehouseCode), true) => rows.OrderByDescending(r => r.Code),
            (nameof(StockAuditListItem.Status), false) => rows.OrderBy(r => r.Status),
            (nameof(StockAuditListItem.Status), true) => rows.OrderByDescending(r => r.Status),
            (_, false) => rows.OrderBy(r => r.Number),
            _ => rows.OrderByDescending(r => r.Number), // numbers follow opening order
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = await paged.Select(r => new StockAuditListItem(r.Id, r.Number, r.Code, r.Name,
                db.Partners.Where(p => p.Id == r.OwnerPartnerId).Select(p => p.LegalName).FirstOrDefault(),
                r.Status, r.Blind, r.OpenedAt, r.OpenedBy, r.ClosedAt,
                db.StockAuditLines.Count(l => l.StockAuditId == r.Id),
                db.StockAuditLines.Count(l => l.StockAuditId == r.Id && l.Counted != null)))
            .ToListAsync(ct);
        return Result<StockAuditList>.Ok(new StockAuditList(items, total));
    }
}
