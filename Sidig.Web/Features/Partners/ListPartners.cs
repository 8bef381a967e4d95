using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Web.Features.Partners;

/// <summary>
/// One page of the partner list. <see cref="SortBy"/> is a <see cref="PartnerListItem"/> property name;
/// <see cref="All"/> returns every row matching the filters (for export) instead of one page.
/// </summary>
public sealed record ListPartners(
    string? Search = null, PartnerType? Type = null, string? ProvinceCode = null, bool? Active = null, Guid? ParentId = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, bool All = false);

public sealed record PartnerListItem(
    Guid Id, string Code, string LegalName, PartnerType Type, Guid? ParentId, string? ParentCode, string? ParentName, string? Npwp,
    string? ProvinceCode, string? ProvinceName, string? Phone, string? Email, int PaymentTermDays, decimal CreditLimit, bool IsActive);

public sealed record PartnerList(IReadOnlyList<PartnerListItem> Items, int TotalCount);

public sealed class ListPartnersHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, IndonesianAreas areas)
{
    public const int MaxPageSize = 100;
    public const int MaxExportRows = 100_000;

    public async Task<Result<PartnerList>> HandleAsync(ListPartners query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewPartners)) return Result<PartnerList>.Fail("Access.Denied");
        var visible = await scope.VisibleAsync(ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<Partner> partners = db.Partners.AsNoTracking();
        if (visible is not null) partners = partners.Where(p => visible.Contains(p.Id));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToUpperInvariant();
            var digits = Npwp.Digits(text);
            partners = digits.Length >= 3
                ? partners.Where(p => p.Code.Contains(text) || p.LegalName.ToUpper().Contains(text) || p.Npwp!.Contains(digits))
                : partners.Where(p => p.Code.Contains(text) || p.LegalName.ToUpper().Contains(text));
        }
        if (query.Type is { } type) partners = partners.Where(p => p.Type == type);
        if (!string.IsNullOrWhiteSpace(query.ProvinceCode)) partners = partners.Where(p => p.ProvinceCode == query.ProvinceCode);
        if (query.Active is { } active) partners = partners.Where(p => p.IsActive == active);
        if (query.ParentId is { } parent) partners = partners.Where(p => p.ParentId == parent);

        var total = await partners.CountAsync(ct);
        var sorted = Sort(partners, query.SortBy, query.Descending);
        var paged = query.All
            ? sorted.Take(MaxExportRows)
            : sorted.Skip(Math.Max(query.Page, 0) * Math.Clamp(query.PageSize, 1, MaxPageSize)).Take(Math.Clamp(query.PageSize, 1, MaxPageSize));
        var rows = await paged
            .Select(p => new
            {
                p.Id, p.Code, p.LegalName, p.Type, p.ParentId, p.Npwp, p.ProvinceCode, p.Phone, p.Email, p.PaymentTermDays, p.CreditLimit, p.IsActive,
                Parent = db.Partners.Where(x => x.Id == p.ParentId).Select(x => new { x.Code, x.LegalName }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new PartnerListItem(r.Id, r.Code, r.LegalName, r.Type, r.ParentId, r.Parent?.Code, r.Parent?.LegalName,
                r.Npwp, r.ProvinceCode, areas.ProvinceName(r.ProvinceCode), r.Phone, r.Email, r.PaymentTermDays, r.CreditLimit, r.IsActive))
            .ToList();
        return Result<PartnerList>.Ok(new PartnerList(items, total));
    }

    private static IOrderedQueryable<Partner> Sort(IQueryable<Partner> partners, string? sortBy, bool descending)
    {
        IOrderedQueryable<Partner> sorted = (sortBy, descending) switch
        {
            (nameof(PartnerListItem.LegalName), false) => partners.OrderBy(p => p.LegalName),
            (nameof(PartnerListItem.LegalName), true) => partners.OrderByDescending(p => p.LegalName),
            (nameof(PartnerListItem.Type), false) => partners.OrderBy(p => p.Type),
            (nameof(PartnerListItem.Type), true) => partners.OrderByDescending(p => p.Type),
            (nameof(PartnerListItem.ProvinceName) or nameof(PartnerListItem.ProvinceCode), false) => partners.OrderBy(p => p.ProvinceCode),
            (nameof(PartnerListItem.ProvinceName) or nameof(PartnerListItem.ProvinceCode), true) => partners.OrderByDescending(p => p.ProvinceCode),
            (nameof(PartnerListItem.PaymentTermDays), false) => partners.OrderBy(p => p.PaymentTermDays),
            (nameof(PartnerListItem.PaymentTermDays), true) => partners.OrderByDescending(p => p.PaymentTermDays),
            (nameof(PartnerListItem.IsActive), false) => partners.OrderBy(p => p.IsActive),
            (nameof(PartnerListItem.IsActive), true) => partners.OrderByDescending(p => p.IsActive),
            (_, true) => partners.OrderByDescending(p => p.Code),
            _ => partners.OrderBy(p => p.Code),
        };
        return sorted.ThenBy(p => p.Id); // a stable order, so paging neither skips nor repeats a partner
    }
}
