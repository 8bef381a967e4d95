using Sidig.Domain.Common;

namespace Sidig.Domain.Units;

/// <summary>
/// A production lot of one serialised product: its units are created together, numbered from the batch's serial
/// pattern, and received into a principal warehouse by one stock receipt of the batch's quantity.
/// </summary>
public sealed class UnitBatch : Entity, ITenantOwned, IAuditable
{
    public const int MaxQuantity = 10_000;
    public const int LotMaxLength = 40;
    public const string DocumentType = "UnitBatch";

    private UnitBatch() { Lot = SerialPattern = FirstSerial = LastSerial = ""; }

    public Guid TenantId { get; set; }
    public Guid ProductId { get; private set; }
    /// <summary>The production lot as the factory prints it; unique per product.</summary>
    public string Lot { get; private set; }
    public DateOnly ProducedOn { get; private set; }
    public int Quantity { get; private set; }
    public string SerialPattern { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string FirstSerial { get; private set; }
    public string LastSerial { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }

    public static IReadOnlyList<Error> Check(string? lot, DateOnly producedOn, int quantity, string? pattern, DateOnly today)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(lot)) errors.Add(new("Units.LotRequired", "Lot"));
        else if (lot.Trim().Length > LotMaxLength) errors.Add(new("Validation.TooLong", "Lot"));
        else if (!lot.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '/')) errors.Add(new("Units.LotCharacters", "Lot"));
        if (producedOn > today) errors.Add(new("Units.ProducedInFuture", "ProducedOn"));
        if (quantity is < 1 or > MaxQuantity) errors.Add(new("Units.QuantityRange", "Quantity", 1, MaxQuantity));
        if (Units.SerialPattern.Check(pattern) is { } p) errors.Add(new(p, "SerialPattern"));
        return errors;
    }

    /// <summary>
    /// The batch and its units, serials <paramref name="firstCounter"/> … + quantity − 1 of the product's counter,
    /// each unit in <paramref name="warehouseId"/> with its "created" event.
    /// </summary>
    public static (UnitBatch Batch, List<Unit> Units, List<UnitEvent> Events) Create(Guid productId, string sku, string lot, DateOnly producedOn, int quantity,
        string pattern, Guid warehouseId, long firstCounter, DateOnly today, DateTimeOffset now, string? user)
    {
        var errors = Check(lot, producedOn, quantity, pattern, today);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        var batch = new UnitBatch
        {
            ProductId = productId, Lot = lot.Trim(), ProducedOn = producedOn, Quantity = quantity, SerialPattern = pattern.Trim(),
            WarehouseId = warehouseId, CreatedAt = now, CreatedBy = user,
        };
        var units = new List<Unit>(quantity);
        var events = new List<UnitEvent>(quantity);
        for (var i = 0; i < quantity; i++)
        {
            var serial = Units.SerialPattern.Format(batch.SerialPattern, sku, batch.Lot, producedOn, firstCounter + i);
            if (serial.Length > Units.SerialPattern.MaxSerialLength) throw new DomainException("Units.SerialTooLong");
            var (unit, created) = Unit.Create(batch, serial, now, user);
            units.Add(unit);
            events.Add(created);
        }
        batch.FirstSerial = units[0].Serial;
        batch.LastSerial = units[^1].Serial;
        return (batch, units, events);
    }
}
