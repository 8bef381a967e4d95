using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Receivables;

/// <summary>
/// What is owed, split by how many days past its due date it is: not yet due (current), 1–30, 31–60, 61–90 and more
/// than 90 days overdue. A plain record so statement and aging prints map it as it is.
/// </summary>
public sealed record AgingBuckets(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90)
{
    public static readonly AgingBuckets Zero = new(0, 0, 0, 0, 0);

    public decimal Total => Current + Days1To30 + Days31To60 + Days61To90 + Over90;
    public decimal Overdue => Days1To30 + Days31To60 + Days61To90 + Over90;

    /// <summary>Adds an invoice's open amount by its days overdue (≤ 0 = not yet due). A credit balance (a refund owed) counts as current.</summary>
    public AgingBuckets Add(int daysOverdue, decimal amount) =>
        amount < 0 || daysOverdue <= 0 ? this with { Current = Current + amount }
        : daysOverdue <= 30 ? this with { Days1To30 = Days1To30 + amount }
        : daysOverdue <= 60 ? this with { Days31To60 = Days31To60 + amount }
        : daysOverdue <= 90 ? this with { Days61To90 = Days61To90 + amount }
        : this with { Over90 = Over90 + amount };

    public AgingBuckets Plus(AgingBuckets o) =>
        new(Current + o.Current, Days1To30 + o.Days1To30, Days31To60 + o.Days31To60, Days61To90 + o.Days61To90, Over90 + o.Over90);
}

/// <summary>The facts receivables are computed from: issued invoices, confirmed payments and credit notes (few columns each).</summary>
internal sealed record ReceivableFacts(
    IReadOnlyList<ReceivableFacts.InvoiceFact> Invoices, IReadOnlyList<ReceivableFacts.PaymentFact> Payments, IReadOnlyList<ReceivableFacts.CreditFact> Credits)
{
    internal sealed record InvoiceFact(Guid Id, string Number, Guid PartnerId, DateOnly IssueDate, DateOnly DueDate, decimal Total);
    internal sealed record PaymentFact(Guid Id, Guid InvoiceId, Guid PartnerId, DateOnly PaidOn, decimal Amount, PaymentMethod Method, string? Reference);
    internal sealed record CreditFact(Guid Id, string Number, Guid InvoiceId, Guid PartnerId, DateOnly IssueDate, decimal Total);

    /// <summary>
    /// Everything up to <paramref name="asOf"/> of the given partners (null = all). Cancelled invoices owe nothing; only
    /// confirmed payments count (a partner's report waits for finance). Amounts are summed here, not in SQL (SQLite
    /// cannot sum decimals).
    /// </summary>
    public static async Task<ReceivableFacts> LoadAsync(SidigDbContext db, IReadOnlyCollection<Guid>? partnerIds, DateOnly asOf, CancellationToken ct)
    {
        var invoices = db.Invoices.AsNoTracking().Where(i => i.Status != InvoiceStatus.Cancelled && i.IssueDate <= asOf);
        var payments = db.Payments.AsNoTracking().Where(p => p.Status == PaymentStatus.Confirmed && p.PaidOn <= asOf);
        var credits = db.CreditNotes.AsNoTracking().Where(c => c.IssueDate <= asOf);
        if (partnerIds is not null)
        {
            invoices = invoices.Where(i => partnerIds.Contains(i.PartnerId));
            payments = payments.Where(p => partnerIds.Contains(p.PartnerId));
            credits = credits.Where(c => partnerIds.Contains(c.PartnerId));
        }
        var i = await invoices.Select(x => new InvoiceFact(x.Id, x.Number, x.PartnerId, x.IssueDate, x.DueDate, x.Total)).ToListAsync(ct);
        var p = await payments.Where(x => db.Invoices.Any(v => v.Id == x.InvoiceId && v.Status != InvoiceStatus.Cancelled))
            .Select(x => new PaymentFact(x.Id, x.InvoiceId, x.PartnerId, x.PaidOn, x.Amount, x.Method, x.Reference)).ToListAsync(ct);
        var c = await credits.Select(x => new CreditFact(x.Id, x.Number, x.InvoiceId, x.PartnerId, x.IssueDate, x.Total)).ToListAsync(ct);
        return new ReceivableFacts(i, p, c);
    }

    /// <summary>Each invoice's open amount on <paramref name="asOf"/> (total − payments − credits dated up to then), aged by its due date.</summary>
    public IEnumerable<(InvoiceFact Invoice, decimal Open, int DaysOverdue)> OpenInvoices(DateOnly asOf)
    {
        var paid = Payments.Where(p => p.PaidOn <= asOf).GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var credited = Credits.Where(c => c.IssueDate <= asOf).GroupBy(c => c.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(c => c.Total));
        foreach (var invoice in Invoices.Where(i => i.IssueDate <= asOf))
        {
            var open = invoice.Total - paid.GetValueOrDefault(invoice.Id) - credited.GetValueOrDefault(invoice.Id);
            if (open != 0) yield return (invoice, open, asOf.DayNumber - invoice.DueDate.DayNumber);
        }
    }

    public AgingBuckets Aging(DateOnly asOf) =>
        OpenInvoices(asOf).Aggregate(AgingBuckets.Zero, (b, x) => b.Add(x.DaysOverdue, x.Open));
}
