namespace Sidig.Web.Features.Delivery;

/// <summary>Marker for the texts of the delivery-note pages (DeliveryText.en-US.resx / DeliveryText.id-ID.resx).</summary>
public sealed class DeliveryText;
