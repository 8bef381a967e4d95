using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Api;

public sealed record ApiInvoiceLine(
    Guid Id, Guid OrderId, Guid? DeliveryNoteId, Guid ProductId, string Sku, string ProductName, string Unit, decimal Quantity, decimal UnitPrice,
    decimal NetAmount, PpnKind PpnKind, decimal ReturnedQuantity);

/// <summary>An invoice as the API shows it; <see cref="Status"/> includes Overdue (in the tenant's calendar).</summary>
public sealed record ApiInvoice(
    Guid Id, string Number, InvoiceDisplayStatus Status, DateOnly IssueDate, DateOnly DueDate, Guid PartnerId, string PartnerName, string? PartnerNpwp,
    string? PartnerNitku, decimal Subtotal, decimal Dpp, decimal PpnAmount, decimal Total, decimal PaidAmount, decimal CreditedAmount, decimal Outstanding,
    string? TaxInvoiceNumber, bool StampDutyRequired, IReadOnlyList<ApiInvoiceLine> Lines);

public sealed record ApiInvoiceListItem(
    Guid Id, string Number, InvoiceDisplayStatus Status, DateOnly IssueDate, DateOnly DueDate, Guid PartnerId, string PartnerName, decimal Total,
    decimal PaidAmount, decimal Outstanding);

public sealed record GetApiInvoice(Guid Id);

public sealed record ListApiInvoices(
    InvoiceDisplayStatus? Status = null, Guid? PartnerId = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 1, int PageSize = ApiPaging.DefaultPageSize);

internal static class InvoiceVisibility
{
    public static async Task<IQueryable<Invoice>> VisibleAsync(IQueryable<Invoice> invoices, PartnerScope scope, CancellationToken ct)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return invoices;
        var partners = visible.ToList();
        var own = await scope.OwnPartnerAsync(ct);
        return invoices.Where(i => partners.Contains(i.PartnerId) || (own != null && i.AgentId == own));
    }
}

public sealed class GetApiInvoiceHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<ApiInvoice>> HandleAsync(GetApiInvoice query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<ApiInvoice>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoices = await InvoiceVisibility.VisibleAsync(db.Invoices.AsNoTracking(), scope, ct);
        var i = await invoices.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (i is null) return Result<ApiInvoice>.Fail("Api.InvoiceNotFound");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        return Result<ApiInvoice>.Ok(new ApiInvoice(i.Id, i.Number, i.DisplayStatus(today), i.IssueDate, i.DueDate, i.PartnerId, i.PartnerName,
            i.PartnerNpwp, i.PartnerNitku, i.Subtotal, i.Dpp, i.PpnAmount, i.Total, i.PaidAmount, i.CreditedAmount, i.Outstanding,
            i.TaxInvoiceNumber, i.StampDutyRequired,
            i.Lines.Select(l => new ApiInvoiceLine(l.Id, l.OrderId, l.DeliveryNoteId, l.ProductId, l.Sku, l.ProductName, l.Unit, l.Quantity,
                l.UnitPrice, l.NetAmount, l.PpnKind, l.ReturnedQuantity)).ToList()));
    }
}

public sealed class ListApiInvoicesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<ApiPage<ApiInvoiceListItem>>> HandleAsync(ListApiInvoices query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<ApiPage<ApiInvoiceListItem>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoices = await InvoiceVisibility.VisibleAsync(db.Invoices.AsNoTracking(), scope, ct);
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        invoices = query.Status switch
        {
            InvoiceDisplayStatus.Paid => invoices.Where(i => i.Status == InvoiceStatus.Paid),
            InvoiceDisplayStatus.Cancelled => invoices.Where(i => i.Status == InvoiceStatus.Cancelled),
            InvoiceDisplayStatus.Overdue => invoices.Where(i => (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartiallyPaid) && i.DueDate < today),
            InvoiceDisplayStatus.PartiallyPaid => invoices.Where(i => i.Status == InvoiceStatus.PartiallyPaid && i.DueDate >= today),
            InvoiceDisplayStatus.Unpaid => invoices.Where(i => i.Status == InvoiceStatus.Unpaid && i.DueDate >= today),
            _ => invoices,
        };
        if (query.PartnerId is { } partnerId) invoices = invoices.Where(i => i.PartnerId == partnerId);
        if (query.From is { } from) invoices = invoices.Where(i => i.IssueDate >= from);
        if (query.To is { } to) invoices = invoices.Where(i => i.IssueDate <= to);

        var (page, size) = ApiPaging.Clamp(query.Page, query.PageSize);
        var total = await invoices.CountAsync(ct);
        var rows = await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number)
            .Skip((page - 1) * size).Take(size)
            .Select(i => new { i.Id, i.Number, i.Status, i.IssueDate, i.DueDate, i.PartnerId, i.PartnerName, i.Total, i.PaidAmount, i.CreditedAmount })
            .ToListAsync(ct);
        var items = rows.Select(i => new ApiInvoiceListItem(i.Id, i.Number,
                i.Status switch
                {
                    InvoiceStatus.Paid => InvoiceDisplayStatus.Paid,
                    InvoiceStatus.Cancelled => InvoiceDisplayStatus.Cancelled,
                    _ when today > i.DueDate => InvoiceDisplayStatus.Overdue,
                    InvoiceStatus.PartiallyPaid => InvoiceDisplayStatus.PartiallyPaid,
                    _ => InvoiceDisplayStatus.Unpaid,
                },
                i.IssueDate, i.DueDate, i.PartnerId, i.PartnerName, i.Total, i.PaidAmount, Math.Max(0, i.Total - i.PaidAmount - i.CreditedAmount)))
            .ToList();
        return Result<ApiPage<ApiInvoiceListItem>>.Ok(new ApiPage<ApiInvoiceListItem>(items, page, size, total));
    }
}
