using Sidig.Domain.Common;

namespace Sidig.Domain.Stock;

public enum MovementType
{
    Receipt = 0,
    ShipmentOut = 1,
    TransferOut = 2,
    TransferIn = 3,
    SellOut = 4,
    Return = 5,
    Adjustment = 6,
    AuditCorrection = 7,
    /// <summary>Opening balance of a warehouse brought in by import.</summary>
    Opening = 8,
    /// <summary>Out to an end customer under a service ticket: a replacement unit, or parts used on a repair.</summary>
    ServiceOut = 9,
}

/// <summary>
/// One line of the append-only stock ledger: a signed quantity of a product in a warehouse, with the document that
/// caused it, who and when. Never updated or deleted; a mistake is corrected by another movement. The on-hand of a
/// warehouse × product is the sum of its movements.
/// </summary>
public sealed class StockMovement : Entity, ITenantOwned
{
    public const int ReasonMaxLength = 500;

    private StockMovement() { DocumentNumber = ""; }

    public Guid TenantId { get; set; }
    public Guid WarehouseId { get; private set; }
    public Guid ProductId { get; private set; }
    public MovementType Type { get; private set; }
    /// <summary>Positive into the warehouse, negative out of it.</summary>
    public decimal Quantity { get; private set; }
    /// <summary>Kind of document that caused the movement (e.g. "Transfer", "StockAudit", "SellOut", "DeliveryNote").</summary>
    public string DocumentType { get; private set; } = "";
    public string DocumentNumber { get; private set; }
    public Guid? DocumentId { get; private set; }
    /// <summary>Both halves of a transfer share it.</summary>
    public Guid? CorrelationId { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }

    public static StockMovement Create(Guid warehouseId, Guid productId, MovementType type, decimal quantity,
        StockDocument document, DateTimeOffset at, Guid? userId, string? userName, string? reason = null, Guid? correlationId = null)
    {
        if (!Enum.IsDefined(type)) throw new DomainException("Stock.MovementTypeInvalid");
        if (quantity == 0) throw new DomainException("Stock.QuantityZero");
        if (decimal.Round(quantity, 3) != quantity) throw new DomainException("Stock.QuantityPrecision");
        var expectedSign = type switch
        {
            MovementType.Receipt or MovementType.TransferIn or MovementType.Return or MovementType.Opening => 1,
            MovementType.ShipmentOut or MovementType.TransferOut or MovementType.SellOut or MovementType.ServiceOut => -1,
            _ => 0, // adjustments and audit corrections go either way
        };
        if (expectedSign != 0 && Math.Sign(quantity) != expectedSign) throw new DomainException("Stock.QuantitySign");
        if (type is MovementType.Adjustment && string.IsNullOrWhiteSpace(reason)) throw new DomainException("Stock.ReasonRequired");
        return new StockMovement
        {
            WarehouseId = warehouseId,
            ProductId = productId,
            Type = type,
            Quantity = quantity,
            DocumentType = Guard.Required(document.Type, "Stock.DocumentRequired", 40),
            DocumentNumber = Guard.Required(document.Number, "Stock.DocumentRequired", 60),
            DocumentId = document.Id,
            CorrelationId = correlationId,
            Reason = Guard.Optional(reason, ReasonMaxLength),
            At = at,
            UserId = userId,
            UserName = userName,
        };
    }
}

/// <summary>The document behind a movement: its kind, its number as people see it, and its record when there is one.</summary>
public sealed record StockDocument(string Type, string Number, Guid? Id = null);

/// <summary>
/// On-hand of one product in one warehouse, kept beside the ledger for fast reads and for the negative-stock check
/// under concurrency. It always equals the sum of the ledger (a test and a check command prove it).
/// </summary>
public sealed class StockBalance : ITenantOwned
{
    private StockBalance() { }

    public StockBalance(Guid warehouseId, Guid productId)
    {
        WarehouseId = warehouseId;
        ProductId = productId;
    }

    public Guid TenantId { get; set; }
    public Guid WarehouseId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal OnHand { get; private set; }
    /// <summary>Low-stock threshold for this warehouse; null = the product's default.</summary>
    public decimal? MinLevel { get; private set; }

    public void SetMinLevel(decimal? level)
    {
        if (level is < 0) throw new DomainException("Stock.MinLevelInvalid");
        MinLevel = level;
    }
}
