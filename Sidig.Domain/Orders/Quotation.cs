using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Domain.Orders;

public enum QuotationStatus { Draft = 0, Sent = 1, Accepted = 2, Rejected = 3, Expired = 4 }

/// <summary>
/// A priced offer to a partner (or, made by an agent, to one of the agent's customers). Accepting it makes a sales
/// order with the same lines and prices; a quotation is accepted at most once.
/// </summary>
public sealed class Quotation : Entity, ITenantOwned, IAuditable
{
    private readonly List<QuotationLine> _lines = [];

    private Quotation() { Number = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid PartnerId { get; private set; }
    /// <summary>The agent who made the offer (earns commission on the order's paid invoices).</summary>
    public Guid? AgentId { get; private set; }
    public DateOnly QuotedOn { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public QuotationStatus Status { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public string? Notes { get; private set; }
    public Guid? OrderId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public IReadOnlyList<QuotationLine> Lines => _lines;
    public decimal Total => _lines.Sum(l => l.NetAmount);

    public static Quotation Create(string number, Guid partnerId, Guid? agentId, DateOnly quotedOn, DateOnly validUntil,
        IReadOnlyList<SalesLineInput> lines, decimal discountPercent, string? notes, DateTimeOffset now, string? by)
    {
        var q = new Quotation
        {
            Number = Guard.Required(number, "Sales.NumberRequired", 40), PartnerId = partnerId, AgentId = agentId,
            QuotedOn = quotedOn, CreatedAt = now, CreatedBy = by,
        };
        q.Edit(validUntil, lines, discountPercent, notes);
        return q;
    }

    public void Edit(DateOnly validUntil, IReadOnlyList<SalesLineInput> lines, decimal discountPercent, string? notes)
    {
        if (Status is not (QuotationStatus.Draft or QuotationStatus.Sent)) throw new DomainException("Quotation.NotEditable");
        if (validUntil < QuotedOn) throw new DomainException("Quotation.ValidUntilBeforeDate");
        SalesLines.Ensure(lines, discountPercent);
        ValidUntil = validUntil;
        DiscountPercent = discountPercent;
        Notes = Guard.Optional(notes, 1000);
        _lines.Clear();
        foreach (var l in lines) _lines.Add(new QuotationLine(Id, l, discountPercent));
    }

    public void MarkSent()
    {
        if (Status != QuotationStatus.Draft) throw new DomainException("Quotation.NotDraft");
        Status = QuotationStatus.Sent;
    }

    /// <summary>Accepted on <paramref name="today"/>: only while valid, and only once.</summary>
    public void Accept(Guid orderId, DateOnly today)
    {
        if (Status is QuotationStatus.Accepted) throw new DomainException("Quotation.AlreadyAccepted");
        if (Status is not (QuotationStatus.Draft or QuotationStatus.Sent)) throw new DomainException("Quotation.NotOpen");
        if (today > ValidUntil) throw new DomainException("Quotation.Expired");
        Status = QuotationStatus.Accepted;
        OrderId = orderId;
    }

    public void Reject()
    {
        if (Status is not (QuotationStatus.Draft or QuotationStatus.Sent)) throw new DomainException("Quotation.NotOpen");
        Status = QuotationStatus.Rejected;
    }

    /// <summary>What a user sees: an open quotation past its date shows as expired.</summary>
    public QuotationStatus DisplayStatus(DateOnly today) =>
        Status is QuotationStatus.Draft or QuotationStatus.Sent && today > ValidUntil ? QuotationStatus.Expired : Status;

    public IReadOnlyList<SalesLineInput> LineInputs() => _lines.Select(l => l.ToInput()).ToList();
}

public sealed class QuotationLine : Entity, ITenantOwned
{
    private QuotationLine() { Sku = ProductName = Unit = ""; }

    internal QuotationLine(Guid quotationId, SalesLineInput l, decimal orderDiscountPercent)
    {
        QuotationId = quotationId;
        ProductId = l.ProductId;
        Sku = l.Sku;
        ProductName = l.ProductName;
        Unit = l.Unit;
        Quantity = l.Quantity;
        UnitPrice = l.UnitPrice;
        DiscountPercent = l.DiscountPercent;
        PpnKind = l.PpnKind;
        PriceListName = l.PriceListName;
        NetAmount = SalesMath.Net(l.Quantity, l.UnitPrice, l.DiscountPercent, orderDiscountPercent);
    }

    public Guid TenantId { get; set; }
    public Guid QuotationId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; }
    public string ProductName { get; private set; }
    public string Unit { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public PpnKind PpnKind { get; private set; }
    public string? PriceListName { get; private set; }
    public decimal NetAmount { get; private set; }

    internal SalesLineInput ToInput() => new(ProductId, Sku, ProductName, Unit, Quantity, UnitPrice, DiscountPercent, PpnKind, PriceListName);
}
