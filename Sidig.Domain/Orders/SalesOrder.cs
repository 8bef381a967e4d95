using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Domain.Orders;

/// <summary>The statuses a user sees, in the order an order normally goes through them.</summary>
public enum OrderStatus
{
    Draft = 0, Submitted = 1, AwaitingApproval = 2, Approved = 3, PartiallyShipped = 4, Shipped = 5, Delivered = 6,
    Invoiced = 7, PartiallyPaid = 8, Paid = 9, Cancelled = 10, Returned = 11,
}

public enum OrderSource { Staff = 0, Portal = 1, Agent = 2, Quotation = 3, Api = 4, Import = 5 }

/// <summary>Why an order needs a permitted user's approval before it can be fulfilled.</summary>
public enum ApprovalReason { CreditLimit = 0, OverdueInvoices = 1, Allocation = 2, Discount = 3 }

/// <summary>One failed check of a submission: the reason and the figures behind it (shown to the approver).</summary>
public sealed record ApprovalNeed(ApprovalReason Reason, string Detail);

/// <summary>
/// A sales order from principal staff, a distributor in the portal, an agent, an accepted quotation or the API. Lines
/// are priced when drafted (the price lookup service) and frozen on submission. Submitting runs the checks; failures
/// that need approval are recorded as <see cref="OrderApproval"/> rows and decided by a permitted user. After approval
/// the order's status follows its fulfilment (delivery notes), invoices and payments; every change is kept in
/// <see cref="History"/>. Cancellation is possible only while nothing has been shipped.
/// </summary>
public sealed class SalesOrder : Entity, ITenantOwned, IAuditable
{
    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderApproval> _approvals = [];
    private readonly List<OrderStatusChange> _history = [];

    private SalesOrder() { Number = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid? AgentId { get; private set; }
    public Guid? QuotationId { get; private set; }
    /// <summary>The principal's warehouse the order ships from.</summary>
    public Guid? WarehouseId { get; private set; }
    public DateOnly OrderDate { get; private set; }
    public OrderSource Source { get; private set; }
    /// <summary>The buyer's own reference (their PO number).</summary>
    public string? CustomerReference { get; private set; }
    public string? Notes { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public OrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public string? CancelReason { get; private set; }
    /// <summary>Total of the order's invoices and what of it is paid; kept by invoicing so the status can show payment.</summary>
    public decimal InvoicedAmount { get; private set; }
    public decimal PaidAmount { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;
    public IReadOnlyList<OrderApproval> Approvals => _approvals;
    public IReadOnlyList<OrderStatusChange> History => _history;

    public decimal Total => _lines.Sum(l => l.NetAmount);
    public decimal GrossTotal => _lines.Sum(l => SalesMath.Gross(l.Quantity, l.UnitPrice));
    public bool IsEditable => Status == OrderStatus.Draft;
    public bool CanCancel => Status is OrderStatus.Draft or OrderStatus.Submitted or OrderStatus.AwaitingApproval or OrderStatus.Approved
        && _lines.All(l => l.ShippedQuantity == 0);
    public bool IsReleased => Status is not (OrderStatus.Draft or OrderStatus.Submitted or OrderStatus.AwaitingApproval or OrderStatus.Cancelled);

    public static SalesOrder Create(string number, Guid partnerId, Guid? agentId, OrderSource source, DateOnly orderDate,
        Guid? warehouseId, string? customerReference, string? notes, DateTimeOffset now, string? by, Guid? quotationId = null)
    {
        if (!Enum.IsDefined(source)) throw new DomainException("Order.SourceInvalid");
        var order = new SalesOrder
        {
            Number = Guard.Required(number, "Sales.NumberRequired", 40), PartnerId = partnerId, AgentId = agentId, Source = source,
            OrderDate = orderDate, WarehouseId = warehouseId, CustomerReference = Guard.Optional(customerReference, 100),
            Notes = Guard.Optional(notes, 1000), QuotationId = quotationId, CreatedAt = now, CreatedBy = by, Status = OrderStatus.Draft,
        };
        order._history.Add(new OrderStatusChange(order.Id, null, OrderStatus.Draft, now, by, null));
        return order;
    }

    /// <summary>Replaces the lines and the order discount while the order is a draft.</summary>
    public void SetLines(IReadOnlyList<SalesLineInput> lines, decimal discountPercent)
    {
        if (!IsEditable) throw new DomainException("Order.NotEditable");
        SalesLines.Ensure(lines, discountPercent);
        DiscountPercent = discountPercent;
        _lines.Clear();
        foreach (var l in lines) _lines.Add(new OrderLine(Id, l, discountPercent));
    }

    public void EditHeader(Guid? warehouseId, string? customerReference, string? notes)
    {
        if (!IsEditable) throw new DomainException("Order.NotEditable");
        WarehouseId = warehouseId;
        CustomerReference = Guard.Optional(customerReference, 100);
        Notes = Guard.Optional(notes, 1000);
    }

    /// <summary>The highest discount of the order as the approval rule sees it: a line's own, or the order's.</summary>
    public decimal HighestDiscountPercent => Math.Max(DiscountPercent, _lines.Count == 0 ? 0 : _lines.Max(l => l.DiscountPercent));

    /// <summary>
    /// Submits the draft with the outcome of the checks: with no needs it is approved at once, otherwise it waits for
    /// approval with one pending row per failed check.
    /// </summary>
    public void Submit(IReadOnlyList<ApprovalNeed> needs, DateTimeOffset now, string? by)
    {
        if (Status != OrderStatus.Draft) throw new DomainException("Order.NotDraft");
        if (_lines.Count == 0) throw new DomainException("Sales.NoLines");
        if (WarehouseId is null) throw new DomainException("Order.WarehouseRequired");
        ChangeStatus(OrderStatus.Submitted, now, by, null);
        _approvals.RemoveAll(a => a.Decision == ApprovalDecision.Pending);
        if (needs.Count == 0)
        {
            ChangeStatus(OrderStatus.Approved, now, by, null);
            return;
        }
        foreach (var need in needs.DistinctBy(n => n.Reason))
            _approvals.Add(new OrderApproval(Id, need.Reason, Guard.Required(need.Detail, "Order.ApprovalDetailRequired", 500), now));
        ChangeStatus(OrderStatus.AwaitingApproval, now, by, string.Join("; ", needs.Select(n => n.Reason)));
    }

    public IEnumerable<OrderApproval> PendingApprovals => _approvals.Where(a => a.Decision == ApprovalDecision.Pending);

    /// <summary>Approves every pending check at once, with the approver's reason.</summary>
    public void Approve(DateTimeOffset now, string by, string note)
    {
        if (Status != OrderStatus.AwaitingApproval) throw new DomainException("Order.NotAwaitingApproval");
        note = Guard.Required(note, "Order.ApprovalNoteRequired", 500);
        foreach (var a in PendingApprovals.ToList()) a.Decide(ApprovalDecision.Approved, now, by, note);
        ChangeStatus(OrderStatus.Approved, now, by, note);
    }

    /// <summary>Sends the order back to draft with the reason, so its author can change it and submit again (or cancel).</summary>
    public void Reject(DateTimeOffset now, string by, string reason)
    {
        if (Status != OrderStatus.AwaitingApproval) throw new DomainException("Order.NotAwaitingApproval");
        reason = Guard.Required(reason, "Order.RejectReasonRequired", 500);
        foreach (var a in PendingApprovals.ToList()) a.Decide(ApprovalDecision.Rejected, now, by, reason);
        ChangeStatus(OrderStatus.Draft, now, by, reason);
    }

    public void Cancel(DateTimeOffset now, string? by, string reason)
    {
        if (Status == OrderStatus.Cancelled) throw new DomainException("Order.AlreadyCancelled");
        if (!CanCancel) throw new DomainException("Order.CannotCancelAfterShipping");
        CancelReason = Guard.Required(reason, "Order.CancelReasonRequired", 500);
        foreach (var a in PendingApprovals.ToList()) a.Decide(ApprovalDecision.Rejected, now, by ?? "", CancelReason);
        ChangeStatus(OrderStatus.Cancelled, now, by, CancelReason);
    }

    /// <summary>How much of each line may still go on a delivery note (ordered − already on delivery notes that are not cancelled).</summary>
    public decimal Unscheduled(OrderLine line, decimal onOpenDeliveryNotes) => line.Quantity - line.ShippedQuantity - onOpenDeliveryNotes;

    public void RecordShipped(IReadOnlyDictionary<Guid, decimal> quantityByLine, DateTimeOffset now, string? by)
    {
        if (!IsReleased) throw new DomainException("Order.NotApproved");
        foreach (var (lineId, qty) in quantityByLine)
        {
            var line = Line(lineId);
            if (qty <= 0 || line.ShippedQuantity + qty > line.Quantity) throw new DomainException("Delivery.QuantityAboveOrdered");
            line.ShippedQuantity += qty;
        }
        Refresh(now, by);
    }

    public void RecordDelivered(IReadOnlyDictionary<Guid, decimal> quantityByLine, DateTimeOffset now, string? by)
    {
        foreach (var (lineId, qty) in quantityByLine)
        {
            var line = Line(lineId);
            if (qty <= 0 || line.DeliveredQuantity + qty > line.ShippedQuantity) throw new DomainException("Delivery.QuantityAboveShipped");
            line.DeliveredQuantity += qty;
        }
        Refresh(now, by);
    }

    public void RecordInvoiced(IReadOnlyDictionary<Guid, decimal> quantityByLine, decimal invoiceTotal, DateTimeOffset now, string? by)
    {
        if (!IsReleased) throw new DomainException("Order.NotApproved");
        foreach (var (lineId, qty) in quantityByLine)
        {
            var line = Line(lineId);
            if (qty <= 0 || line.InvoicedQuantity + qty > line.Quantity) throw new DomainException("Invoice.QuantityAboveOrdered");
            line.InvoicedQuantity += qty;
        }
        InvoicedAmount += invoiceTotal;
        Refresh(now, by);
    }

    /// <summary>What of the order's invoices is settled (paid or credited), as invoicing computes it after a payment or credit.</summary>
    public void RecordSettled(decimal settledAmount, DateTimeOffset now, string? by)
    {
        PaidAmount = settledAmount;
        Refresh(now, by);
    }

    public void RecordReturned(IReadOnlyDictionary<Guid, decimal> quantityByLine, DateTimeOffset now, string? by)
    {
        foreach (var (lineId, qty) in quantityByLine)
        {
            var line = Line(lineId);
            if (qty <= 0 || line.ReturnedQuantity + qty > line.DeliveredQuantity) throw new DomainException("Return.QuantityAboveDelivered");
            line.ReturnedQuantity += qty;
        }
        Refresh(now, by);
    }

    public OrderLine Line(Guid lineId) => _lines.FirstOrDefault(l => l.Id == lineId) ?? throw new DomainException("Order.LineNotFound");

    /// <summary>The status that follows from the facts once the order is released (the furthest step reached wins).</summary>
    private void Refresh(DateTimeOffset now, string? by)
    {
        if (!IsReleased) return;
        var next = OrderStatus.Approved;
        var delivered = _lines.Sum(l => l.DeliveredQuantity);
        if (_lines.Any(l => l.ShippedQuantity > 0)) next = OrderStatus.PartiallyShipped;
        if (_lines.All(l => l.ShippedQuantity == l.Quantity)) next = OrderStatus.Shipped;
        if (_lines.All(l => l.DeliveredQuantity == l.Quantity)) next = OrderStatus.Delivered;
        if (_lines.All(l => l.InvoicedQuantity == l.Quantity)) next = OrderStatus.Invoiced;
        if (InvoicedAmount > 0 && PaidAmount > 0) next = PaidAmount >= InvoicedAmount && next == OrderStatus.Invoiced ? OrderStatus.Paid : OrderStatus.PartiallyPaid;
        if (delivered > 0 && _lines.All(l => l.ReturnedQuantity == l.DeliveredQuantity) && _lines.All(l => l.ShippedQuantity == l.DeliveredQuantity))
            next = OrderStatus.Returned;
        if (next != Status) ChangeStatus(next, now, by, null);
    }

    private void ChangeStatus(OrderStatus to, DateTimeOffset now, string? by, string? note)
    {
        _history.Add(new OrderStatusChange(Id, Status, to, now, by, note is null ? null : Guard.Optional(note, 500)));
        Status = to;
    }
}

public sealed class OrderLine : Entity, ITenantOwned
{
    private OrderLine() { Sku = ProductName = Unit = ""; }

    internal OrderLine(Guid orderId, SalesLineInput l, decimal orderDiscountPercent)
    {
        OrderId = orderId;
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
    public Guid OrderId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; }
    public string ProductName { get; private set; }
    public string Unit { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public PpnKind PpnKind { get; private set; }
    public string? PriceListName { get; private set; }
    /// <summary>After the line's and the order's discount (<see cref="SalesMath.Net"/>).</summary>
    public decimal NetAmount { get; private set; }
    public decimal ShippedQuantity { get; internal set; }
    public decimal DeliveredQuantity { get; internal set; }
    public decimal InvoicedQuantity { get; internal set; }
    public decimal ReturnedQuantity { get; internal set; }

    public SalesLineInput ToInput() => new(ProductId, Sku, ProductName, Unit, Quantity, UnitPrice, DiscountPercent, PpnKind, PriceListName);
}

public enum ApprovalDecision { Pending = 0, Approved = 1, Rejected = 2 }

/// <summary>One check an order failed on submission, and who decided it, when and why.</summary>
public sealed class OrderApproval : Entity, ITenantOwned
{
    private OrderApproval() { Detail = ""; }

    internal OrderApproval(Guid orderId, ApprovalReason reason, string detail, DateTimeOffset requestedAt)
    {
        OrderId = orderId;
        Reason = reason;
        Detail = detail;
        RequestedAt = requestedAt;
    }

    public Guid TenantId { get; set; }
    public Guid OrderId { get; private set; }
    public ApprovalReason Reason { get; private set; }
    public string Detail { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public ApprovalDecision Decision { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? Note { get; private set; }

    internal void Decide(ApprovalDecision decision, DateTimeOffset now, string by, string note)
    {
        Decision = decision;
        DecidedAt = now;
        DecidedBy = by;
        Note = note;
    }
}

/// <summary>One step of an order's life: from → to, who, when and why.</summary>
public sealed class OrderStatusChange : Entity, ITenantOwned
{
    private OrderStatusChange() { }

    internal OrderStatusChange(Guid orderId, OrderStatus? from, OrderStatus to, DateTimeOffset at, string? by, string? note)
    {
        OrderId = orderId;
        From = from;
        To = to;
        At = at;
        By = by;
        Note = note;
    }

    public Guid TenantId { get; set; }
    public Guid OrderId { get; private set; }
    public OrderStatus? From { get; private set; }
    public OrderStatus To { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? By { get; private set; }
    public string? Note { get; private set; }
}
