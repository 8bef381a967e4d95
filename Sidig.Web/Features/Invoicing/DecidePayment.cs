using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Invoicing;

/// <summary>Finance accepts a partner's reported payment: it now counts on the invoice and on the orders it bills.</summary>
public sealed record ConfirmPayment(Guid PaymentId);

/// <summary>Finance turns a partner's reported payment down, with the reason the partner sees.</summary>
public sealed record RejectPayment(Guid PaymentId, string? Reason);

public sealed class ConfirmPaymentHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(ConfirmPayment command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoiceId = await db.Payments.AsNoTracking().Where(p => p.Id == command.PaymentId).Select(p => (Guid?)p.InvoiceId).FirstOrDefaultAsync(ct);
        if (invoiceId is null) return Result.Fail("Payment.NotFound");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<Invoice>(db, [invoiceId.Value], ct);
        var invoice = await db.Invoices.Include(i => i.Lines).FirstAsync(i => i.Id == invoiceId, ct);
        var payment = await db.Payments.FirstAsync(p => p.Id == command.PaymentId, ct);
        var now = clock.GetUtcNow();
        try
        {
            payment.Confirm(invoice, now, user.UserName);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await OrderSettlement.RefreshAsync(db, invoice.Lines.Select(l => l.OrderId).Distinct().ToList(), now, user.UserName, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}

public sealed class RejectPaymentHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(RejectPayment command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result.Fail("Access.Denied");
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result.Fail("Payment.RejectReasonRequired", nameof(command.Reason));
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoiceId = await db.Payments.AsNoTracking().Where(p => p.Id == command.PaymentId).Select(p => (Guid?)p.InvoiceId).FirstOrDefaultAsync(ct);
        if (invoiceId is null) return Result.Fail("Payment.NotFound");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<Invoice>(db, [invoiceId.Value], ct); // a confirmation of the same payment in flight finishes first
        var payment = await db.Payments.FirstAsync(p => p.Id == command.PaymentId, ct);
        try
        {
            payment.Reject(clock.GetUtcNow(), user.UserName ?? "", command.Reason);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code, e.Code == "Validation.TooLong" ? nameof(command.Reason) : null);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
