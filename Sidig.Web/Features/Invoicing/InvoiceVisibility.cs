using Sidig.Domain.Invoicing;

namespace Sidig.Web.Features.Invoicing;

/// <summary>Which invoices a user may read: staff all; a partner user those billed to its partners, an agent those it sold.</summary>
public static class InvoiceVisibility
{
    public static IQueryable<Invoice> Visible(this IQueryable<Invoice> invoices, IReadOnlyCollection<Guid>? visible) =>
        visible is null ? invoices : invoices.Where(i => visible.Contains(i.PartnerId) || (i.AgentId != null && visible.Contains(i.AgentId.Value)));

    /// <summary>The display status as a query can filter it (<see cref="Invoice.DisplayStatus"/>, with the tenant's today).</summary>
    public static IQueryable<Invoice> WithDisplayStatus(this IQueryable<Invoice> invoices, InvoiceDisplayStatus status, DateOnly today) => status switch
    {
        InvoiceDisplayStatus.Paid => invoices.Where(i => i.Status == InvoiceStatus.Paid),
        InvoiceDisplayStatus.Cancelled => invoices.Where(i => i.Status == InvoiceStatus.Cancelled),
        InvoiceDisplayStatus.Overdue => invoices.Where(i => (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartiallyPaid) && i.DueDate < today),
        InvoiceDisplayStatus.PartiallyPaid => invoices.Where(i => i.Status == InvoiceStatus.PartiallyPaid && i.DueDate >= today),
        _ => invoices.Where(i => i.Status == InvoiceStatus.Unpaid && i.DueDate >= today),
    };
}
