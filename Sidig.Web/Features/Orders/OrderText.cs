namespace Sidig.Web.Features.Orders;

/// <summary>Marker for the texts of the order and quotation pages (OrderText.en-US.resx / OrderText.id-ID.resx).</summary>
public sealed class OrderText;
