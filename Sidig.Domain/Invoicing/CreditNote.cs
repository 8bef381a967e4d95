using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;

namespace Sidig.Domain.Invoicing;

/// <summary>
/// A return of delivered goods and the credit note for it, against one invoice. Each line returns part of an invoice
/// line — never more than was billed and delivered and not returned before — and its amount is that share of the
/// line's net. Posting it brings the stock back into the chosen warehouse on the ledger, credits the invoice and
/// records the return on the order, all in one transaction.
/// </summary>
public sealed class CreditNote : Entity, ITenantOwned, IAuditable
{
    private readonly List<CreditNoteLine> _lines = [];

    private CreditNote() { Number = Reason = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid InvoiceId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AgentId { get; private set; }
    /// <summary>Where the returned goods go back into stock.</summary>
    public Guid WarehouseId { get; private set; }
    public DateOnly IssueDate { get; private set; }
    public string Reason { get; private set; }
    public decimal Subtotal { get; private set; }
    public decimal Dpp { get; private set; }
    public decimal PpnAmount { get; private set; }
    public decimal Total { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public IReadOnlyList<CreditNoteLine> Lines => _lines;

    /// <param name="deliveredNotReturned">per order line: delivered − already returned, which bounds a return together with the invoice line</param>
    public static CreditNote Create(string number, Invoice invoice, Guid warehouseId, DateOnly issueDate, string reason,
        IReadOnlyList<(Guid InvoiceLineId, decimal Quantity)> lines, IReadOnlyDictionary<Guid, decimal> deliveredNotReturned,
        DateTimeOffset now, string? by)
    {
        if (invoice.Status == InvoiceStatus.Cancelled) throw new DomainException("Payment.InvoiceCancelled");
        if (issueDate < invoice.IssueDate) throw new DomainException("CreditNote.DateBeforeInvoice");
        var note = new CreditNote
        {
            Number = Guard.Required(number, "Sales.NumberRequired", 40), InvoiceId = invoice.Id, PartnerId = invoice.PartnerId,
            AgentId = invoice.AgentId, WarehouseId = warehouseId, IssueDate = issueDate,
            Reason = Guard.Required(reason, "CreditNote.ReasonRequired", 500), CreatedAt = now, CreatedBy = by,
        };
        foreach (var (lineId, qty) in lines.Where(l => l.Quantity != 0))
        {
            if (SalesMath.CheckQuantity(qty) is { } error) throw new DomainException(error);
            if (note._lines.Any(l => l.InvoiceLineId == lineId)) throw new DomainException("Sales.DuplicateProduct");
            var line = invoice.Line(lineId);
            if (line.ReturnedQuantity + qty > line.Quantity) throw new DomainException("Return.QuantityAboveInvoiced");
            if (qty > deliveredNotReturned.GetValueOrDefault(line.OrderLineId)) throw new DomainException("Return.QuantityAboveDelivered");
            line.ReturnedQuantity += qty;
            note._lines.Add(new CreditNoteLine(note.Id, line, qty, SalesMath.NetShare(line.NetAmount, line.Quantity, qty)));
        }
        if (note._lines.Count == 0) throw new DomainException("Sales.NoLines");
        (note.Subtotal, note.Dpp, note.PpnAmount, note.Total) = PpnCalculator.Compute(note._lines.Select(l => (l.Amount, l.PpnKind)), invoice.Ppn);
        // The last return of an invoice takes exactly what is left, so a fully returned invoice is credited to the rupiah.
        var remaining = invoice.Total - invoice.CreditedAmount;
        if (invoice.Lines.All(l => l.ReturnedQuantity == l.Quantity) || note.Total > remaining) note.Total = remaining;
        invoice.ApplyCredit(note.Total);
        return note;
    }

    public IReadOnlyDictionary<Guid, decimal> QuantityByOrderLine() =>
        _lines.GroupBy(l => l.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
}

public sealed class CreditNoteLine : Entity, ITenantOwned
{
    private CreditNoteLine() { Sku = ProductName = Unit = ""; }

    internal CreditNoteLine(Guid creditNoteId, InvoiceLine line, decimal quantity, decimal amount)
    {
        CreditNoteId = creditNoteId;
        InvoiceLineId = line.Id;
        OrderLineId = line.OrderLineId;
        ProductId = line.ProductId;
        Sku = line.Sku;
        ProductName = line.ProductName;
        Unit = line.Unit;
        Quantity = quantity;
        Amount = amount;
        PpnKind = line.PpnKind;
    }

    public Guid TenantId { get; set; }
    public Guid CreditNoteId { get; private set; }
    public Guid InvoiceLineId { get; private set; }
    public Guid OrderLineId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; }
    public string ProductName { get; private set; }
    public string Unit { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal Amount { get; private set; }
    public PpnKind PpnKind { get; private set; }
}
