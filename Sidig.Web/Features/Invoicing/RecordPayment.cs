using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// Finance records a payment received: it counts at once (confirmed), the invoice's paid amount and status follow, and so
/// does each billed order's settled amount. More than is outstanding is refused (ADR 0006: no unapplied credit).
/// </summary>
public sealed record RecordPayment(PaymentInput Payment);

public sealed class RecordPaymentHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result<Guid>> HandleAsync(RecordPayment command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<Guid>.Fail("Access.Denied");
        var p = command.Payment;
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (p.Check(today) is { Count: > 0 } invalid) return Result<Guid>.Fail(invalid);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<Invoice>(db, [p.InvoiceId], ct); // two payments of one invoice queue up: the second sees the first
        var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == p.InvoiceId, ct);
        if (invoice is null) return Result<Guid>.Fail("Invoice.NotFound");
        var now = clock.GetUtcNow();
        Payment payment;
        try
        {
            payment = Payment.Record(invoice, p.Amount!.Value, p.Method!.Value, p.Reference, p.PaidOn!.Value, today, confirmed: true, 0, now, user.UserName);
            if (p.Proof is { Length: > 0 } proof) payment.AttachProof(proof, p.ProofFileName);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, PaymentInput.FieldOf(e.Code));
        }
        db.Payments.Add(payment);
        await OrderSettlement.RefreshAsync(db, invoice.Lines.Select(l => l.OrderId).Distinct().ToList(), now, user.UserName, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Guid>.Ok(payment.Id);
    }
}
