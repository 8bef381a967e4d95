using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;

namespace Sidig.Web.Features.Invoicing;

/// <summary>What the payment form sends: a payment against one invoice, and (for a partner's report) the proof file.</summary>
public sealed record PaymentInput(Guid InvoiceId, decimal? Amount, PaymentMethod? Method, string? Reference, DateOnly? PaidOn,
    byte[]? Proof = null, string? ProofFileName = null)
{
    public const int ReferenceMaxLength = 100;

    /// <summary>Input shape with fields ("Amount", "Method", "Reference", "PaidOn", "Proof"); the domain checks the rest.</summary>
    public IReadOnlyList<Error> Check(DateOnly today, decimal? outstanding = null, bool proofRequired = false)
    {
        var errors = new List<Error>();
        if (Amount is null) errors.Add(new("Validation.Required", nameof(Amount)));
        else if (Amount <= 0 || decimal.Round(Amount.Value, 0) != Amount) errors.Add(new("Payment.AmountInvalid", nameof(Amount)));
        else if (outstanding is { } open && Amount > open) errors.Add(new("Payment.Overpayment", nameof(Amount)));
        if (Method is null) errors.Add(new("Validation.Required", nameof(Method)));
        else if (!Enum.IsDefined(Method.Value)) errors.Add(new("Payment.MethodInvalid", nameof(Method)));
        if (Reference?.Trim().Length > ReferenceMaxLength) errors.Add(new("Validation.TooLong", nameof(Reference)));
        if (PaidOn is null) errors.Add(new("Validation.Required", nameof(PaidOn)));
        else if (PaidOn > today) errors.Add(new("Payment.DateInFuture", nameof(PaidOn)));
        if (proofRequired && Proof is not { Length: > 0 }) errors.Add(new("Payment.ProofRequired", nameof(Proof)));
        else if (Proof is { Length: > Payment.MaxProofBytes }) errors.Add(new("Payment.ProofTooLarge", nameof(Proof)));
        return errors;
    }

    /// <summary>The field a domain refusal belongs to, so the form can show it there.</summary>
    public static string? FieldOf(string code) => code switch
    {
        "Payment.Overpayment" or "Payment.AmountInvalid" => nameof(Amount),
        "Payment.DateInFuture" or "Payment.DateInvalid" => nameof(PaidOn),
        "Payment.MethodInvalid" => nameof(Method),
        "Payment.ProofTooLarge" or "Payment.ProofType" => nameof(Proof),
        _ => null,
    };
}
