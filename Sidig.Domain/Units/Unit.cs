using Sidig.Domain.Common;

namespace Sidig.Domain.Units;

public enum UnitStatus
{
    /// <summary>In a warehouse: the principal's, or a partner's when <see cref="Unit.OwnerPartnerId"/> is set.</summary>
    InStock = 0,
    /// <summary>Sold to an end customer.</summary>
    Sold = 1,
    /// <summary>Taken back and replaced by another unit under a warranty claim.</summary>
    Replaced = 2,
    Scrapped = 3,
}

/// <summary>
/// One serialised unit: its serial (unique per tenant), the unguessable public code of its QR label, where it is and
/// who owns it, and the dates its warranty may start from. What happened to it is its list of <see cref="UnitEvent"/>s.
/// </summary>
public sealed class Unit : Entity, ITenantOwned
{
    private Unit() { Serial = PublicCode = ""; }

    public Guid TenantId { get; set; }
    public Guid ProductId { get; private set; }
    public Guid BatchId { get; private set; }
    public string Serial { get; private set; }
    public string PublicCode { get; private set; }
    public UnitStatus Status { get; private set; }
    public Guid? WarehouseId { get; private set; }
    /// <summary>The partner that owns the unit (its warehouse's owner); null = the principal.</summary>
    public Guid? OwnerPartnerId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public DateOnly? SoldOn { get; private set; }
    public DateOnly? RegisteredOn { get; private set; }
    /// <summary>Why the warranty no longer applies (tampering, misuse…); null = not void.</summary>
    public string? WarrantyVoidReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new unit of <paramref name="batch"/> in the batch's warehouse, and its "created" event.</summary>
    internal static (Unit Unit, UnitEvent Created) Create(UnitBatch batch, string serial, DateTimeOffset now, string? user)
    {
        var unit = new Unit
        {
            ProductId = batch.ProductId, BatchId = batch.Id, Serial = serial, PublicCode = Units.PublicCode.New(),
            Status = UnitStatus.InStock, WarehouseId = batch.WarehouseId, CreatedAt = now,
        };
        return (unit, UnitEvent.For(unit, UnitEventKind.Created, now, user, warehouseId: batch.WarehouseId,
            document: new UnitDocument(UnitBatch.DocumentType, batch.Id, batch.Lot)));
    }

    /// <summary>
    /// Why this unit cannot leave <paramref name="warehouseId"/> (an error code), or null when it is in stock there.
    /// Every movement out of a warehouse asks this first, so a unit is never in two places.
    /// </summary>
    public string? RefusalToLeave(Guid warehouseId) => Status switch
    {
        UnitStatus.Sold => "Units.AlreadySold",
        not UnitStatus.InStock => "Units.NotInStock",
        _ when WarehouseId != warehouseId => "Units.WrongWarehouse",
        _ => null,
    };

    private void MustLeave(Guid warehouseId)
    {
        if (RefusalToLeave(warehouseId) is { } code) throw new DomainException(code, $"{Serial}: {code}");
    }

    /// <summary>
    /// Shipped on a delivery note from the principal's <paramref name="fromWarehouseId"/> to <paramref name="partnerId"/>:
    /// into the partner's warehouse when it has one, otherwise with the partner outside the network's stock (null).
    /// </summary>
    public UnitEvent Ship(Guid fromWarehouseId, Guid partnerId, Guid? toWarehouseId, UnitDocument note, DateTimeOffset at, string? user)
    {
        MustLeave(fromWarehouseId);
        WarehouseId = toWarehouseId;
        OwnerPartnerId = partnerId;
        return UnitEvent.For(this, UnitEventKind.Shipped, at, user, warehouseId: toWarehouseId, partnerId: partnerId, document: note);
    }

    /// <summary>
    /// The delivery note it was shipped on arrived (proof of delivery): the warranty may start from
    /// <paramref name="deliveredOn"/>. Only a unit the partner still has; a later delivery after a return moves the date.
    /// </summary>
    public UnitEvent MarkDelivered(Guid partnerId, DateOnly deliveredOn, UnitDocument note, DateTimeOffset at, string? user)
    {
        if (OwnerPartnerId != partnerId) throw new DomainException("Units.NotThePartners", $"{Serial}: Units.NotThePartners");
        DeliveredOn = deliveredOn;
        return UnitEvent.For(this, UnitEventKind.Delivered, at, user, warehouseId: WarehouseId, partnerId: partnerId, document: note);
    }

    /// <summary>Moved to another warehouse; its owner becomes that warehouse's owner (null = the principal).</summary>
    public UnitEvent Transfer(Guid fromWarehouseId, Guid toWarehouseId, Guid? toOwnerPartnerId, UnitDocument document, DateTimeOffset at, string? user)
    {
        MustLeave(fromWarehouseId);
        if (toWarehouseId == fromWarehouseId) throw new DomainException("Stock.SameWarehouse");
        WarehouseId = toWarehouseId;
        OwnerPartnerId = toOwnerPartnerId;
        return UnitEvent.For(this, UnitEventKind.Transferred, at, user, warehouseId: toWarehouseId, partnerId: toOwnerPartnerId, document: document);
    }

    /// <summary>
    /// Sold by the partner that has it in <paramref name="fromWarehouseId"/> to an end customer: it leaves the warehouse;
    /// <see cref="OwnerPartnerId"/> stays the selling partner, the warranty may start from <paramref name="soldOn"/>.
    /// </summary>
    public UnitEvent SellOut(Guid fromWarehouseId, Guid customerId, DateOnly soldOn, UnitDocument sale, DateTimeOffset at, string? user)
    {
        MustLeave(fromWarehouseId);
        Status = UnitStatus.Sold;
        WarehouseId = null;
        CustomerId = customerId;
        SoldOn = soldOn;
        return UnitEvent.For(this, UnitEventKind.SoldOut, at, user, warehouseId: fromWarehouseId, partnerId: OwnerPartnerId, customerId: customerId, document: sale);
    }

    /// <summary>
    /// Why <paramref name="partnerId"/> cannot return this unit (an error code), or null: the partner must have it —
    /// delivered to it (in its warehouse or with it) or sold by it to a customer who brought it back.
    /// </summary>
    public string? RefusalToReturn(Guid partnerId) => Status switch
    {
        UnitStatus.Replaced or UnitStatus.Scrapped => "Units.NotReturnable",
        _ when OwnerPartnerId != partnerId => "Units.NotThePartners",
        _ => null,
    };

    /// <summary>
    /// Returned by the partner (a credit note) into <paramref name="intoWarehouseId"/>: in stock there again, owned by the
    /// warehouse's owner; the sale and delivery dates of the earlier life are cleared (the history keeps them).
    /// </summary>
    public UnitEvent Return(Guid partnerId, Guid intoWarehouseId, Guid? intoOwnerPartnerId, UnitDocument creditNote, DateTimeOffset at, string? user, string? reason = null)
    {
        if (RefusalToReturn(partnerId) is { } code) throw new DomainException(code, $"{Serial}: {code}");
        Status = UnitStatus.InStock;
        WarehouseId = intoWarehouseId;
        OwnerPartnerId = intoOwnerPartnerId;
        CustomerId = null;
        SoldOn = null;
        DeliveredOn = null;
        return UnitEvent.For(this, UnitEventKind.Returned, at, user, warehouseId: intoWarehouseId, partnerId: partnerId, document: creditNote, note: reason);
    }

    /// <summary>Written off from <paramref name="warehouseId"/> (a negative adjustment or a count correction): damaged, lost, destroyed.</summary>
    public UnitEvent Scrap(Guid warehouseId, UnitDocument document, string? reason, DateTimeOffset at, string? user)
    {
        MustLeave(warehouseId);
        Status = UnitStatus.Scrapped;
        WarehouseId = null;
        return UnitEvent.For(this, UnitEventKind.Scrapped, at, user, warehouseId: warehouseId, partnerId: OwnerPartnerId, document: document, note: reason);
    }

    /// <summary>
    /// Under an approved warranty claim: <paramref name="replacement"/> leaves <paramref name="fromWarehouseId"/> for this unit's
    /// customer and takes over its warranty dates (the rest of the original period, not a new one); this unit is marked
    /// replaced. Both histories point at each other.
    /// </summary>
    public (UnitEvent Replaced, UnitEvent ReplacementFor) ReplaceWith(Unit replacement, Guid fromWarehouseId, UnitDocument ticket, DateTimeOffset at, string? user)
    {
        if (Status is UnitStatus.Replaced or UnitStatus.Scrapped) throw new DomainException("Units.NotReplaceable", $"{Serial}: Units.NotReplaceable");
        if (replacement.Id == Id) throw new DomainException("Units.SameUnit");
        if (replacement.ProductId != ProductId) throw new DomainException("Units.OtherProduct", $"{replacement.Serial}: Units.OtherProduct");
        replacement.MustLeave(fromWarehouseId);
        replacement.Status = UnitStatus.Sold;
        replacement.WarehouseId = null;
        replacement.OwnerPartnerId = OwnerPartnerId;
        replacement.CustomerId = CustomerId;
        (replacement.RegisteredOn, replacement.SoldOn, replacement.DeliveredOn) = (RegisteredOn, SoldOn, DeliveredOn);
        Status = UnitStatus.Replaced;
        WarehouseId = null;
        return (UnitEvent.For(this, UnitEventKind.Replaced, at, user, customerId: CustomerId, document: ticket, otherUnitId: replacement.Id),
            UnitEvent.For(replacement, UnitEventKind.ReplacementFor, at, user, warehouseId: fromWarehouseId, customerId: CustomerId, document: ticket, otherUnitId: Id));
    }

    /// <summary>A repair on a ticket (what was done is the note; parts are on the ticket and in the ledger).</summary>
    public UnitEvent Repaired(UnitDocument ticket, string? note, DateTimeOffset at, string? user) =>
        Status is UnitStatus.Replaced or UnitStatus.Scrapped
            ? throw new DomainException("Units.NotRepairable", $"{Serial}: Units.NotRepairable")
            : UnitEvent.For(this, UnitEventKind.Repaired, at, user, customerId: CustomerId, document: ticket, note: note);

    public WarrantyView Warranty(Catalog.WarrantyPolicy? policy, DateOnly today) =>
        WarrantyView.Of(policy, RegisteredOn, SoldOn, DeliveredOn, WarrantyVoidReason, today);

    /// <summary>
    /// The unit's warranty is registered (an approved <see cref="Sidig.Domain.Warranty.WarrantyRegistration"/>). The first registration
    /// date stays: a later approved registration (a second owner) changes the customer, not the warranty start.
    /// </summary>
    public UnitEvent Register(DateOnly on, DateTimeOffset now, Guid registrationId, string? user, Guid? customerId = null)
    {
        RegisteredOn ??= on;
        if (customerId is not null) CustomerId = customerId;
        return UnitEvent.For(this, UnitEventKind.Registered, now, user, customerId: customerId,
            document: new UnitDocument(Sidig.Domain.Warranty.WarrantyRegistration.DocumentType, registrationId, on.ToString("yyyy-MM-dd")));
    }

    /// <summary>Sets the customer of a unit registered before its customer record was known.</summary>
    public void SetCustomer(Guid customerId) => CustomerId = customerId;
}

public enum UnitEventKind
{
    Created = 0, Received = 1, Shipped = 2, Transferred = 3, SoldOut = 4, Returned = 5, Registered = 6,
    ClaimOpened = 7, Repaired = 8, Replaced = 9, ReplacementFor = 10, WarrantyVoided = 11, Scrapped = 12,
    /// <summary>The delivery note it was shipped on was delivered (proof of delivery).</summary>
    Delivered = 13,
}

/// <summary>The document behind a unit event, e.g. ("DeliveryNote", id, "SJ/2026/000012").</summary>
public sealed record UnitDocument(string Type, Guid? Id, string Number);

/// <summary>One step of a unit's history; append-only.</summary>
public sealed class UnitEvent : Entity, ITenantOwned
{
    private UnitEvent() { }

    public Guid TenantId { get; set; }
    public Guid UnitId { get; private set; }
    public UnitEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? DocumentType { get; private set; }
    public Guid? DocumentId { get; private set; }
    public string? DocumentNumber { get; private set; }
    public Guid? WarehouseId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public Guid? CustomerId { get; private set; }
    /// <summary>The other unit of a replacement.</summary>
    public Guid? OtherUnitId { get; private set; }
    public string? Note { get; private set; }
    public string? UserName { get; private set; }

    public static UnitEvent For(Unit unit, UnitEventKind kind, DateTimeOffset at, string? user, Guid? warehouseId = null, Guid? partnerId = null,
        Guid? customerId = null, UnitDocument? document = null, Guid? otherUnitId = null, string? note = null) => new()
    {
        UnitId = unit.Id, Kind = kind, At = at, UserName = user, WarehouseId = warehouseId, PartnerId = partnerId, CustomerId = customerId,
        DocumentType = document?.Type, DocumentId = document?.Id, DocumentNumber = document?.Number, OtherUnitId = otherUnitId,
        Note = note is null ? null : Guard.Optional(note, 1000),
    };
}
