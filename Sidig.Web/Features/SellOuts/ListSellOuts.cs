using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.SellOuts;

/// <summary>
/// One page of sell-outs, newest first. Staff see every partner's, a partner user only its own (PartnerScope).
/// <see cref="SortBy"/> is a <see cref="SellOutListItem"/> property name; <see cref="All"/> returns every matching row (export).
/// </summary>
public sealed record ListSellOuts(
    Guid? PartnerId = null, Guid? WarehouseId = null, string? Search = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record SellOutListItem(
    Guid Id, string Number, DateOnly SoldOn, string PartnerName, string WarehouseCode, string CustomerName, string? CustomerPhone,
    string? Reference, SellOutSource Source, int Lines, decimal Quantity, decimal? Amount, string? RecordedBy);

public sealed record SellOutList(IReadOnlyList<SellOutListItem> Items, int TotalCount);

public sealed class ListSellOutsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public const int MaxPageSize = 100;

    public async Task<Result<SellOutList>> HandleAsync(ListSellOuts query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.RecordSellOut)) return Result<SellOutList>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = from s in db.SellOuts.AsNoTracking()
                   join p in db.Partners on s.PartnerId equals p.Id
                   join w in db.Warehouses on s.WarehouseId equals w.Id
                   join c in db.Customers on s.CustomerId equals c.Id
                   select new { s.Id, s.Number, s.SoldOn, s.PartnerId, s.WarehouseId, PartnerName = p.LegalName, WarehouseCode = w.Code,
                       CustomerName = c.Name, c.Phone, c.PhoneKey, s.Reference, s.Source, s.RecordedBy };
        if (visible is not null) rows = rows.Where(r => visible.Contains(r.PartnerId));
        if (query.PartnerId is { } partnerId) rows = rows.Where(r => r.PartnerId == partnerId);
        if (query.WarehouseId is { } warehouseId) rows = rows.Where(r => r.WarehouseId == warehouseId);
        if (query.From is { } from) rows = rows.Where(r => r.SoldOn >= from);
        if (query.To is { } to) rows = rows.Where(r => r.SoldOn <= to);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
            // Any way of writing the number finds the customer: compare the national part of the 62… key.
            var national = digits.StartsWith('0') ? digits[1..] : digits.StartsWith("62") ? digits[2..] : digits;
            rows = rows.Where(r => r.Number.ToUpper().Contains(s) || r.CustomerName.ToUpper().Contains(s)
                                   || (r.Reference != null && r.Reference.ToUpper().Contains(s))
                                   || (national.Length >= 4 && r.PhoneKey != null && r.PhoneKey.Contains(national)));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(SellOutListItem.CustomerName), false) => rows.OrderBy(r => r.CustomerName),
            (nameof(SellOutListItem.CustomerName), true) => rows.OrderByDescending(r => r.CustomerName),
            (nameof(SellOutListItem.PartnerName), false) => rows.OrderBy(r => r.PartnerName),
            (nameof(SellOutListItem.PartnerName), true) => rows.OrderByDescending(r => r.PartnerName),
            (nameof(SellOutListItem.Number), false) => rows.OrderBy(r => r.Number),
            (nameof(SellOutListItem.Number), true) => rows.OrderByDescending(r => r.Number),
            (_, false) => rows.OrderBy(r => r.SoldOn).ThenBy(r => r.Number),
            _ => rows.OrderByDescending(r => r.SoldOn).ThenByDescending(r => r.Number),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var page = await paged.ToListAsync(ct);
        // Line totals for the rows of this page only (decimal sums are done here: SQLite cannot sum decimals).
        var ids = page.Select(r => r.Id).ToList();
        var lines = await db.SellOutLines.AsNoTracking().Where(l => ids.Contains(l.SellOutId))
            .Select(l => new { l.SellOutId, l.Quantity, l.UnitPrice }).ToListAsync(ct);
        var bySale = lines.ToLookup(l => l.SellOutId);
        var items = page.Select(r =>
        {
            var ls = bySale[r.Id].ToList();
            decimal? amount = ls.Any(l => l.UnitPrice is not null) ? ls.Sum(l => l.Quantity * (l.UnitPrice ?? 0)) : null;
            return new SellOutListItem(r.Id, r.Number, r.SoldOn, r.PartnerName, r.WarehouseCode, r.CustomerName, r.Phone, r.Reference, r.Source,
                ls.Count, ls.Sum(l => l.Quantity), amount, r.RecordedBy);
        }).ToList();
        return Result<SellOutList>.Ok(new SellOutList(items, total));
    }
}
