using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Invoicing;

/// <summary>One invoice with its lines, totals, the amount in words and its payments; another partner's invoice is "not found".</summary>
public sealed record GetInvoice(Guid InvoiceId);

public sealed record InvoiceLineView(string Sku, string ProductName, string Unit, decimal Quantity, decimal UnitPrice, decimal Discount, decimal Net,
    PpnKind PpnKind, string? DeliveryNoteNumber, string OrderNumber);

public sealed record PaymentView(Guid Id, DateOnly PaidOn, PaymentMethod Method, string? Reference, decimal Amount, PaymentStatus Status,
    bool HasProof, string? ProofFileName, DateTimeOffset RecordedAt, string? RecordedBy, string? DecidedBy, string? RejectReason);

public sealed record InvoiceView(
    Guid Id, string Number, InvoiceDisplayStatus Status, DateOnly IssueDate, DateOnly DueDate, int PaymentTermDays, Guid PartnerId,
    string PartnerName, string? PartnerNpwp, string? PartnerNitku, string? PartnerAddress, decimal Subtotal, decimal Dpp, decimal Ppn, decimal Total,
    decimal RatePercent, int BaseNumerator, int BaseDenominator, decimal Paid, decimal Credited, decimal Outstanding, decimal PendingPayments,
    string AmountInWords, bool StampDutyRequired, string? TaxInvoiceNumber, string? BankDetails, DateTimeOffset CreatedAt, string? CreatedBy,
    IReadOnlyList<InvoiceLineView> Lines, IReadOnlyList<PaymentView> Payments);

public sealed class GetInvoiceHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<InvoiceView>> HandleAsync(GetInvoice query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<InvoiceView>.Fail("Access.Denied");
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        var i = await db.Invoices.AsNoTracking().Visible(visible).Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == query.InvoiceId, ct);
        if (i is null) return Result<InvoiceView>.Fail("Invoice.NotFound");
        var noteIds = i.Lines.Where(l => l.DeliveryNoteId != null).Select(l => l.DeliveryNoteId!.Value).Distinct().ToList();
        var orderIds = i.Lines.Select(l => l.OrderId).Distinct().ToList();
        var notes = await db.DeliveryNotes.AsNoTracking().Where(n => noteIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Number, ct);
        var orders = await db.SalesOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == i.Id).OrderBy(p => p.PaidOn).ThenBy(p => p.RecordedAt)
            .Select(p => new PaymentView(p.Id, p.PaidOn, p.Method, p.Reference, p.Amount, p.Status, p.ProofContentType != null, p.ProofFileName,
                p.RecordedAt, p.RecordedBy, p.DecidedBy, p.RejectReason))
            .ToListAsync(ct);
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var lines = i.Lines.OrderBy(l => orders.GetValueOrDefault(l.OrderId)).ThenBy(l => l.Sku)
            .Select(l => new InvoiceLineView(l.Sku, l.ProductName, l.Unit, l.Quantity, l.UnitPrice, l.DiscountAmount, l.NetAmount, l.PpnKind,
                l.DeliveryNoteId is { } n ? notes.GetValueOrDefault(n) : null, orders.GetValueOrDefault(l.OrderId) ?? "")).ToList();
        return Result<InvoiceView>.Ok(new InvoiceView(i.Id, i.Number, i.DisplayStatus(today), i.IssueDate, i.DueDate, i.PaymentTermDays, i.PartnerId,
            i.PartnerName, i.PartnerNpwp, i.PartnerNitku, i.PartnerAddress, i.Subtotal, i.Dpp, i.PpnAmount, i.Total, i.PpnRatePercent, i.PpnBaseNumerator,
            i.PpnBaseDenominator, i.PaidAmount, i.CreditedAmount, i.Outstanding, payments.Where(p => p.Status == PaymentStatus.Pending).Sum(p => p.Amount),
            Terbilang.Rupiah(i.Total), i.StampDutyRequired, i.TaxInvoiceNumber, i.BankDetails, i.CreatedAt, i.CreatedBy, lines, payments));
    }
}
