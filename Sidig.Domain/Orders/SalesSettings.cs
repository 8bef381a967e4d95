using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;

namespace Sidig.Domain.Orders;

/// <summary>Whether invoices are made from delivery notes (what was shipped) or from the whole order (billed up front).</summary>
public enum InvoiceBasis { DeliveryNotes = 0, Order = 1 }

/// <summary>A tenant's order-to-cash rules. One per tenant; a tenant without a row uses <see cref="CreateDefault"/>.</summary>
public sealed class SalesSettings : Entity, ITenantOwned, IAuditable
{
    public const decimal StampDutyThreshold = 5_000_000m;
    public const decimal StampDutyAmount = 10_000m;
    public const int MaxReminderDays = 90;

    private SalesSettings() { InvoiceNumberPattern = NumberPattern.DefaultInvoice; ReminderDaysAfter = ""; }

    public Guid TenantId { get; set; }
    /// <summary>A line or order discount above this percentage sends the order to approval.</summary>
    public decimal DiscountApprovalPercent { get; private set; }
    public string InvoiceNumberPattern { get; private set; }
    public InvoiceBasis InvoiceBasis { get; private set; }
    /// <summary>Days before the due date a reminder goes out (0 = none).</summary>
    public int ReminderDaysBefore { get; private set; }
    public bool RemindOnDueDate { get; private set; }
    /// <summary>Comma-separated days after the due date, e.g. "1,7,14".</summary>
    public string ReminderDaysAfter { get; private set; }
    public bool RemindersEnabled { get; private set; }

    public IReadOnlyList<int> ReminderDaysAfterList =>
        ReminderDaysAfter.Length == 0 ? [] : ReminderDaysAfter.Split(',').Select(int.Parse).ToList();

    public static SalesSettings CreateDefault() => new()
    {
        DiscountApprovalPercent = 10m, InvoiceNumberPattern = NumberPattern.DefaultInvoice, InvoiceBasis = InvoiceBasis.DeliveryNotes,
        ReminderDaysBefore = 3, RemindOnDueDate = true, ReminderDaysAfter = "1,7,14", RemindersEnabled = true,
    };

    public static IReadOnlyList<Error> Check(decimal discountApprovalPercent, string? invoicePattern, int daysBefore, string? daysAfter)
    {
        var errors = new List<Error>();
        if (SalesMath.CheckDiscount(discountApprovalPercent) is { } d) errors.Add(new(d, nameof(DiscountApprovalPercent)));
        if (NumberPattern.Check(invoicePattern) is { } p) errors.Add(new(p, nameof(InvoiceNumberPattern)));
        if (daysBefore is < 0 or > MaxReminderDays) errors.Add(new("Reminders.DaysInvalid", nameof(ReminderDaysBefore)));
        if (ParseDays(daysAfter) is null) errors.Add(new("Reminders.DaysInvalid", nameof(ReminderDaysAfter)));
        return errors;
    }

    public void Update(decimal discountApprovalPercent, string invoicePattern, InvoiceBasis basis, bool remindersEnabled,
        int daysBefore, bool onDueDate, string? daysAfter)
    {
        if (Check(discountApprovalPercent, invoicePattern, daysBefore, daysAfter) is [var first, ..]) throw new DomainException(first.Code);
        if (!Enum.IsDefined(basis)) throw new DomainException("Sales.InvoiceBasisInvalid");
        DiscountApprovalPercent = discountApprovalPercent;
        InvoiceNumberPattern = invoicePattern.Trim();
        InvoiceBasis = basis;
        RemindersEnabled = remindersEnabled;
        ReminderDaysBefore = daysBefore;
        RemindOnDueDate = onDueDate;
        ReminderDaysAfter = string.Join(',', ParseDays(daysAfter)!);
    }

    /// <summary>"1, 7,14" → [1, 7, 14] (sorted, distinct); null when a part is not a day count in 1..90.</summary>
    public static IReadOnlyList<int>? ParseDays(string? text)
    {
        var result = new SortedSet<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, out var day) || day is < 1 or > MaxReminderDays) return null;
            result.Add(day);
        }
        return result.Count > 5 ? null : result.ToList();
    }
}
