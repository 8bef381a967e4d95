namespace Sidig.Web.Features.Stock;

public enum StockMoveMode { Transfer = 0, Receipt = 1 }

/// <summary>What the transfer / goods receipt form sends; <see cref="From"/> is unused for a receipt.</summary>
public sealed record StockMoveInput(Guid From, Guid To, IReadOnlyList<StockQuantity> Lines, string? Note)
{
    public TransferStock ToTransfer() => new(From, To, Lines, Note);
    public ReceiveStock ToReceipt() => new(To, Lines, Note);
}
