using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// A distributor reports a payment of one of its own invoices with the transfer slip (image or PDF, recognised by its
/// content, at most 5 MB). It waits for finance (<see cref="ConfirmPayment"/>); until then it does not count, but it does
/// reserve its amount: reports may not add up to more than is outstanding.
/// </summary>
public sealed record ReportPayment(PaymentInput Payment);

public sealed class ReportPaymentHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result<Guid>> HandleAsync(ReportPayment command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReportPayments)) return Result<Guid>.Fail("Access.Denied");
        var p = command.Payment;
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (p.Check(today, proofRequired: true) is { Count: > 0 } invalid) return Result<Guid>.Fail(invalid);
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<Invoice>(db, [p.InvoiceId], ct);
        var invoice = await db.Invoices.AsNoTracking().Visible(visible).FirstOrDefaultAsync(i => i.Id == p.InvoiceId, ct);
        if (invoice is null || (visible is not null && !visible.Contains(invoice.PartnerId))) return Result<Guid>.Fail("Invoice.NotFound"); // an agent does not pay for its customer
        var pending = (await db.Payments.AsNoTracking().Where(x => x.InvoiceId == invoice.Id && x.Status == PaymentStatus.Pending)
            .Select(x => x.Amount).ToListAsync(ct)).Sum();
        Payment payment;
        try
        {
            payment = Payment.Record(invoice, p.Amount!.Value, p.Method!.Value, p.Reference, p.PaidOn!.Value, today, confirmed: false, pending,
                clock.GetUtcNow(), user.UserName);
            payment.AttachProof(p.Proof!, p.ProofFileName);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, PaymentInput.FieldOf(e.Code));
        }
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Guid>.Ok(payment.Id);
    }
}
