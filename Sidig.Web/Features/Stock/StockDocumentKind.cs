namespace Sidig.Web.Features.Stock;

/// <summary>The stock documents a user can post from the stock pages.</summary>
public enum StockDocumentKind { Transfer = 0, Receipt = 1, Adjustment = 2 }
