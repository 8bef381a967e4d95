using Sidig.Domain.Common;

namespace Sidig.Domain.Invoicing;

public enum PaymentMethod { BankTransfer = 0, Cash = 1, Giro = 2, VirtualAccount = 3, Other = 4 }

/// <summary>Staff-recorded payments count at once; a partner's report of a payment (with its proof) waits for finance to confirm it.</summary>
public enum PaymentStatus { Pending = 0, Confirmed = 1, Rejected = 2 }

/// <summary>A payment against one invoice. Several partial payments may settle an invoice; only confirmed ones count.</summary>
public sealed class Payment : Entity, ITenantOwned, IAuditable
{
    public const int MaxProofBytes = 5 * 1024 * 1024;

    private Payment() { }

    public Guid TenantId { get; set; }
    public Guid InvoiceId { get; private set; }
    public Guid PartnerId { get; private set; }
    public decimal Amount { get; private set; }
    public PaymentMethod Method { get; private set; }
    public string? Reference { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public PaymentStatus Status { get; private set; }
    public byte[]? Proof { get; private set; }
    public string? ProofContentType { get; private set; }
    public string? ProofFileName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? RejectReason { get; private set; }

    /// <param name="confirmed">true when finance records it (it counts at once), false for a partner's report</param>
    public static Payment Record(Invoice invoice, decimal amount, PaymentMethod method, string? reference, DateOnly paidOn, DateOnly today,
        bool confirmed, decimal pendingOthers, DateTimeOffset now, string? by)
    {
        if (invoice.CheckPayment(amount, pendingOthers) is { } error) throw new DomainException(error);
        if (!Enum.IsDefined(method)) throw new DomainException("Payment.MethodInvalid");
        if (paidOn > today) throw new DomainException("Payment.DateInFuture");
        if (paidOn < invoice.IssueDate.AddYears(-1)) throw new DomainException("Payment.DateInvalid");
        var payment = new Payment
        {
            InvoiceId = invoice.Id, PartnerId = invoice.PartnerId, Amount = amount, Method = method, Reference = Guard.Optional(reference, 100),
            PaidOn = paidOn, Status = PaymentStatus.Pending, RecordedAt = now, RecordedBy = by,
        };
        if (confirmed) payment.Confirm(invoice, now, by);
        return payment;
    }

    /// <summary>Attaches the proof (transfer slip): an image or PDF, recognised by its content, at most 5 MB.</summary>
    public void AttachProof(byte[] content, string? fileName)
    {
        if (content.Length == 0 || content.Length > MaxProofBytes) throw new DomainException("Payment.ProofTooLarge");
        ProofContentType = ImageContent.Sniff(content) ?? (IsPdf(content) ? "application/pdf" : throw new DomainException("Payment.ProofType"));
        Proof = content;
        ProofFileName = Guard.Optional(Path.GetFileName(fileName ?? "") is { Length: > 0 } f ? f : null, 200) ?? "proof";
    }

    private static bool IsPdf(byte[] b) => b.Length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';

    public void Confirm(Invoice invoice, DateTimeOffset now, string? by)
    {
        if (Status != PaymentStatus.Pending) throw new DomainException("Payment.NotPending");
        if (invoice.Id != InvoiceId) throw new DomainException("Payment.WrongInvoice");
        invoice.ApplyPayment(Amount);
        Status = PaymentStatus.Confirmed;
        DecidedAt = now;
        DecidedBy = by;
    }

    public void Reject(DateTimeOffset now, string by, string reason)
    {
        if (Status != PaymentStatus.Pending) throw new DomainException("Payment.NotPending");
        RejectReason = Guard.Required(reason, "Payment.RejectReasonRequired", 500);
        Status = PaymentStatus.Rejected;
        DecidedAt = now;
        DecidedBy = by;
    }
}
