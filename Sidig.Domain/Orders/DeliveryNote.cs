using System.Text.RegularExpressions;
using Sidig.Domain.Common;

namespace Sidig.Domain.Orders;

public enum DeliveryNoteStatus { Draft = 0, Shipped = 1, Delivered = 2, Cancelled = 3 }

/// <summary>Shipping details of a surat jalan: who carries it and how to follow it.</summary>
public sealed record ShippingDetails(string? ShippingCompany, string? VehicleNumber, string? Driver, string? TrackingNumber);

/// <summary>
/// A delivery note (surat jalan) for part or all of an order, shipped from one of the principal's warehouses. Posting it
/// moves the stock on the ledger (out of the principal's warehouse, into the receiving distributor's warehouse when it
/// has one) in the same transaction; delivery is recorded with the date and who received it (proof of delivery).
/// </summary>
public sealed partial class DeliveryNote : Entity, ITenantOwned, IAuditable
{
    private readonly List<DeliveryNoteLine> _lines = [];

    private DeliveryNote() { Number = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid FromWarehouseId { get; private set; }
    /// <summary>The receiver's warehouse the stock moves into (a distributor's), or null when it leaves the network's stock.</summary>
    public Guid? ToWarehouseId { get; private set; }
    public DateOnly ShipDate { get; private set; }
    public string? ShippingCompany { get; private set; }
    public string? VehicleNumber { get; private set; }
    public string? Driver { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? Notes { get; private set; }
    public DeliveryNoteStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTimeOffset? ShippedAt { get; private set; }
    public string? ShippedBy { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public string? ReceivedBy { get; private set; }
    public string? DeliveryRecordedBy { get; private set; }
    /// <summary>The invoice this note was billed on (invoicing from delivery notes).</summary>
    public Guid? InvoiceId { get; private set; }
    public IReadOnlyList<DeliveryNoteLine> Lines => _lines;

    [GeneratedRegex(@"^[A-Z]{1,2} ?\d{1,4} ?[A-Z]{0,3}$")]
    private static partial Regex Plate();

    public static IReadOnlyList<Error> CheckShipping(ShippingDetails s)
    {
        var errors = new List<Error>();
        var plate = NormalizePlate(s.VehicleNumber);
        if (plate is not null && !Plate().IsMatch(plate)) errors.Add(new("Delivery.VehicleNumberInvalid", nameof(s.VehicleNumber)));
        if (string.IsNullOrWhiteSpace(s.ShippingCompany) && (plate is null || string.IsNullOrWhiteSpace(s.Driver)))
            errors.Add(new("Delivery.CarrierRequired", nameof(s.ShippingCompany)));
        foreach (var (value, field) in new[] { (s.ShippingCompany, nameof(s.ShippingCompany)), (s.Driver, nameof(s.Driver)), (s.TrackingNumber, nameof(s.TrackingNumber)) })
            if (value?.Trim().Length > 100) errors.Add(new("Validation.TooLong", field));
        return errors;
    }

    /// <summary>"b 1234  xyz" → "B 1234 XYZ" (Indonesian plates: area letters, number, suffix).</summary>
    public static string? NormalizePlate(string? plate) =>
        string.IsNullOrWhiteSpace(plate) ? null : string.Join(' ', plate.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <param name="lines">order line → quantity; each must be within what the order still has to schedule (the caller checks that against open notes)</param>
    public static DeliveryNote Create(string number, SalesOrder order, Guid fromWarehouseId, Guid? toWarehouseId, DateOnly shipDate,
        ShippingDetails shipping, string? notes, IReadOnlyList<(Guid OrderLineId, decimal Quantity)> lines, DateTimeOffset now, string? by)
    {
        if (!order.IsReleased) throw new DomainException("Order.NotApproved");
        if (order.Status is OrderStatus.Returned) throw new DomainException("Order.NotApproved");
        if (CheckShipping(shipping) is [var first, ..]) throw new DomainException(first.Code);
        var note = new DeliveryNote
        {
            Number = Guard.Required(number, "Sales.NumberRequired", 40), OrderId = order.Id, PartnerId = order.PartnerId,
            FromWarehouseId = fromWarehouseId, ToWarehouseId = toWarehouseId, ShipDate = shipDate,
            ShippingCompany = Guard.Optional(shipping.ShippingCompany, 100), VehicleNumber = NormalizePlate(shipping.VehicleNumber),
            Driver = Guard.Optional(shipping.Driver, 100), TrackingNumber = Guard.Optional(shipping.TrackingNumber, 100),
            Notes = Guard.Optional(notes, 500), CreatedAt = now, CreatedBy = by,
        };
        foreach (var (lineId, qty) in lines.Where(l => l.Quantity != 0))
        {
            if (SalesMath.CheckQuantity(qty) is { } error) throw new DomainException(error);
            var line = order.Line(lineId);
            if (note._lines.Any(l => l.OrderLineId == lineId)) throw new DomainException("Sales.DuplicateProduct");
            note._lines.Add(new DeliveryNoteLine(note.Id, line, qty));
        }
        if (note._lines.Count == 0) throw new DomainException("Sales.NoLines");
        return note;
    }

    /// <summary>
    /// The serials of a serialised line's units, picked on the draft (checked by the caller against the warehouse);
    /// shipping moves exactly these units.
    /// </summary>
    public void SetSerials(Guid orderLineId, IReadOnlyList<string> serials)
    {
        if (Status != DeliveryNoteStatus.Draft) throw new DomainException("Delivery.NotDraft");
        var line = _lines.FirstOrDefault(l => l.OrderLineId == orderLineId) ?? throw new DomainException("Order.LineNotFound");
        if (serials.Count != line.Quantity) throw new DomainException("Units.SerialCount");
        line.Serials = serials.Count == 0 ? null : string.Join('\n', serials);
    }

    public IReadOnlyDictionary<Guid, decimal> QuantityByOrderLine() => _lines.ToDictionary(l => l.OrderLineId, l => l.Quantity);

    /// <summary>Marks the note shipped; the caller posts the stock movements and the order's shipped quantities in the same transaction.</summary>
    public void Ship(DateTimeOffset now, string? by)
    {
        if (Status != DeliveryNoteStatus.Draft) throw new DomainException("Delivery.NotDraft");
        Status = DeliveryNoteStatus.Shipped;
        ShippedAt = now;
        ShippedBy = by;
    }

    /// <summary>Proof of delivery: the date it arrived (not before shipping, not in the future) and who signed for it.</summary>
    public void MarkDelivered(DateOnly deliveredOn, DateOnly today, string receivedBy, string? recordedBy)
    {
        if (Status == DeliveryNoteStatus.Delivered) throw new DomainException("Delivery.AlreadyDelivered");
        if (Status != DeliveryNoteStatus.Shipped) throw new DomainException("Delivery.NotShipped");
        if (deliveredOn < ShipDate) throw new DomainException("Delivery.DeliveredBeforeShipped");
        if (deliveredOn > today) throw new DomainException("Delivery.DateInFuture");
        ReceivedBy = Guard.Required(receivedBy, "Delivery.ReceivedByRequired", 100);
        DeliveredOn = deliveredOn;
        DeliveryRecordedBy = recordedBy;
        Status = DeliveryNoteStatus.Delivered;
    }

    public void Cancel()
    {
        if (Status != DeliveryNoteStatus.Draft) throw new DomainException("Delivery.CannotCancelShipped");
        Status = DeliveryNoteStatus.Cancelled;
    }

    public void AttachInvoice(Guid invoiceId)
    {
        if (InvoiceId is not null) throw new DomainException("Invoice.DeliveryNoteAlreadyInvoiced");
        if (Status is not (DeliveryNoteStatus.Shipped or DeliveryNoteStatus.Delivered)) throw new DomainException("Delivery.NotShipped");
        InvoiceId = invoiceId;
    }
}

public sealed class DeliveryNoteLine : Entity, ITenantOwned
{
    private DeliveryNoteLine() { Sku = ProductName = Unit = ""; }

    internal DeliveryNoteLine(Guid deliveryNoteId, OrderLine line, decimal quantity)
    {
        DeliveryNoteId = deliveryNoteId;
        OrderLineId = line.Id;
        ProductId = line.ProductId;
        Sku = line.Sku;
        ProductName = line.ProductName;
        Unit = line.Unit;
        Quantity = quantity;
    }

    public Guid TenantId { get; set; }
    public Guid DeliveryNoteId { get; private set; }
    public Guid OrderLineId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Sku { get; private set; }
    public string ProductName { get; private set; }
    public string Unit { get; private set; }
    public decimal Quantity { get; private set; }
    /// <summary>The serials of the units on this line, one per line of text; null for a product without serials.</summary>
    public string? Serials { get; internal set; }
    public IReadOnlyList<string> SerialList => Units.SerialEntry.Split(Serials);
}
