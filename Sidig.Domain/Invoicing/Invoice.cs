using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Tenancy;

namespace Sidig.Domain.Invoicing;

public enum InvoiceStatus { Unpaid = 0, PartiallyPaid = 1, Paid = 2, Cancelled = 3 }

/// <summary>What a user sees of an invoice: its payment state, or overdue when unpaid past its due date.</summary>
public enum InvoiceDisplayStatus { Unpaid = 0, PartiallyPaid = 1, Paid = 2, Overdue = 3, Cancelled = 4 }

/// <summary>The buyer as printed on the invoice, copied when it is issued (a later change of the partner does not alter it).</summary>
public sealed record InvoiceParty(string Name, string? Npwp, string? Nitku, string? Address);

/// <summary>One line to bill: an order line (and the delivery note it was shipped on) with the quantity billed.</summary>
public sealed record InvoiceLineInput(Guid OrderId, Guid OrderLineId, Guid? DeliveryNoteId, Guid ProductId, string Sku, string ProductName,
    string Unit, decimal Quantity, decimal UnitPrice, decimal NetAmount, PpnKind PpnKind);

/// <summary>
/// A sales invoice (faktur penjualan). Its number is taken from the tenant's gapless sequence in the transaction that
/// issues it. Amounts are fixed at issue: line nets from the order, DPP and PPN by <see cref="PpnCalculator"/> with the
/// tenant's PPN settings of that day. Payments (confirmed) and credit notes reduce what is outstanding; paying more than
/// is outstanding is refused (ADR 0006: Sidig keeps no unapplied credit; a partner who overpays is refunded outside it).
/// </summary>
public sealed class Invoice : Entity, ITenantOwned, IAuditable
{
    private readonly List<InvoiceLine> _lines = [];

    private Invoice() { Number = PartnerName = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateOnly IssueDate { get; private set; }
    public DateOnly DueDate { get; private set; }
    public int PaymentTermDays { get; private set; }
    public InvoiceStatus Status { get; private set; }
    public string PartnerName { get; private set; }
    public string? PartnerNpwp { get; private set; }
    public string? PartnerNitku { get; private set; }
    public string? PartnerAddress { get; private set; }
    public decimal Subtotal { get; private set; }
    public decimal Dpp { get; private set; }
    public decimal PpnAmount { get; private set; }
    public decimal Total { get; private set; }
    public decimal PpnRatePercent { get; private set; }
    public int PpnBaseNumerator { get; private set; }
    public int PpnBaseDenominator { get; private set; }
    public decimal PaidAmount { get; private set; }
    public decimal CreditedAmount { get; private set; }
    /// <summary>The 17-digit tax invoice number (Nomor Seri Faktur Pajak) the tax office assigns, once known.</summary>
    public string? TaxInvoiceNumber { get; private set; }
    /// <summary>Above Rp 5.000.000 a printed invoice needs a Rp 10.000 meterai.</summary>
    public bool StampDutyRequired { get; private set; }
    /// <summary>The bank accounts as printed, copied at issue.</summary>
    public string? BankDetails { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public decimal Outstanding => Math.Max(0, Total - PaidAmount - CreditedAmount);
    public PpnSettings Ppn => new(PpnRatePercent, PpnBaseNumerator, PpnBaseDenominator);

    public static Invoice Issue(string number, Guid partnerId, Guid? agentId, InvoiceParty party, DateOnly issueDate, int paymentTermDays,
        PpnSettings ppn, IReadOnlyList<InvoiceLineInput> lines, string? bankDetails, DateTimeOffset now, string? by)
    {
        if (lines.Count == 0) throw new DomainException("Sales.NoLines");
        if (paymentTermDays is < 0 or > 365) throw new DomainException("Partner.PaymentTermsInvalid");
        var invoice = new Invoice
        {
            Number = Guard.Required(number, "Sales.NumberRequired", 40), PartnerId = partnerId, AgentId = agentId, IssueDate = issueDate,
            PaymentTermDays = paymentTermDays, DueDate = issueDate.AddDays(paymentTermDays), PartnerName = Guard.Required(party.Name, "Invoice.PartyRequired", 200),
            PartnerNpwp = party.Npwp, PartnerNitku = party.Nitku, PartnerAddress = Guard.Optional(party.Address, 500),
            PpnRatePercent = ppn.RatePercent, PpnBaseNumerator = ppn.BaseNumerator, PpnBaseDenominator = ppn.BaseDenominator,
            BankDetails = Guard.Optional(bankDetails, 1000), CreatedAt = now, CreatedBy = by,
        };
        foreach (var l in lines)
        {
            if (SalesMath.CheckQuantity(l.Quantity) is { } q) throw new DomainException(q);
            if (l.NetAmount < 0) throw new DomainException("Sales.PriceInvalid");
            invoice._lines.Add(new InvoiceLine(invoice.Id, l));
        }
        var totals = PpnCalculator.Compute(invoice._lines.Select(l => (l.NetAmount, l.PpnKind)), ppn);
        (invoice.Subtotal, invoice.Dpp, invoice.PpnAmount, invoice.Total) = totals;
        invoice.StampDutyRequired = invoice.Total > SalesSettings.StampDutyThreshold;
        return invoice;
    }

    public InvoiceDisplayStatus DisplayStatus(DateOnly today) => Status switch
    {
        InvoiceStatus.Paid => InvoiceDisplayStatus.Paid,
        InvoiceStatus.Cancelled => InvoiceDisplayStatus.Cancelled,
        _ when today > DueDate => InvoiceDisplayStatus.Overdue,
        InvoiceStatus.PartiallyPaid => InvoiceDisplayStatus.PartiallyPaid,
        _ => InvoiceDisplayStatus.Unpaid,
    };

    public bool IsOverdue(DateOnly today) => Status is InvoiceStatus.Unpaid or InvoiceStatus.PartiallyPaid && today > DueDate;

    /// <summary>Digits only, 17 of them (the dots and dash of the printed form are dropped); blank clears it.</summary>
    public void SetTaxInvoiceNumber(string? number)
    {
        var digits = new string((number ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 && string.IsNullOrWhiteSpace(number)) { TaxInvoiceNumber = null; return; }
        if (digits.Length != 17 || (number ?? "").Any(c => !char.IsAsciiDigit(c) && c is not ('.' or '-' or ' ')))
            throw new DomainException("Invoice.TaxInvoiceNumberInvalid");
        TaxInvoiceNumber = digits;
    }

    /// <summary>Whether a payment of <paramref name="amount"/> fits what is still open (after other pending payments).</summary>
    public string? CheckPayment(decimal amount, decimal pendingOthers)
    {
        if (Status == InvoiceStatus.Cancelled) return "Payment.InvoiceCancelled";
        if (Status == InvoiceStatus.Paid) return "Payment.InvoiceAlreadyPaid";
        if (amount <= 0 || decimal.Round(amount, 0) != amount) return "Payment.AmountInvalid";
        return amount > Outstanding - pendingOthers ? "Payment.Overpayment" : null;
    }

    public void ApplyPayment(decimal amount)
    {
        if (CheckPayment(amount, 0) is { } error) throw new DomainException(error);
        PaidAmount += amount;
        RefreshStatus();
    }

    /// <summary>A credit note reduces what is owed; on a paid invoice it leaves a refund for the partner (shown on the statement).</summary>
    public void ApplyCredit(decimal amount)
    {
        if (Status == InvoiceStatus.Cancelled) throw new DomainException("Payment.InvoiceCancelled");
        if (amount <= 0 || CreditedAmount + amount > Total) throw new DomainException("CreditNote.AmountAboveInvoice");
        CreditedAmount += amount;
        RefreshStatus();
    }

    private void RefreshStatus() =>
        Status = PaidAmount + CreditedAmount >= Total ? InvoiceStatus.Paid : PaidAmount + CreditedAmount > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Unpaid;

    public InvoiceLine Line(Guid lineId) => _lines.FirstOrDefault(l => l.Id == lineId) ?? throw new DomainException("Invoice.LineNotFound");
}

public sealed class InvoiceLine : Entity, ITenantOwned
{
    private InvoiceLine() { Sku = ProductName = Unit = ""; }

    internal InvoiceLine(Guid invoiceId, InvoiceLineInput l)
    {
        InvoiceId = invoiceId;
        OrderId = l.OrderId;
        OrderLineId = l.OrderLineId;
        DeliveryNoteId = l.DeliveryNoteId;
        ProductId = l.ProductId;
        Sku = l.Sku;
        ProductName = l.ProductName;
        Unit = l.Unit;
        Quantity = l.Quantity;
        UnitPrice = l.UnitPrice;
        NetAmount = l.NetAmount;
        PpnKind = l.PpnKind;
    }

    public Guid TenantId { get; set; }
    public Guid InvoiceId { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid OrderLineId { get; private set; }
    public Guid? DeliveryNoteId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; }
    public string ProductName { get; private set; }
    public string Unit { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>After line and order discounts.</summary>
    public decimal NetAmount { get; private set; }
    public PpnKind PpnKind { get; private set; }
    public decimal ReturnedQuantity { get; internal set; }

    public decimal DiscountAmount => SalesMath.Gross(Quantity, UnitPrice) - NetAmount;
}
