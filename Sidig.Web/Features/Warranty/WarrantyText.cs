namespace Sidig.Web.Features.Warranty;

/// <summary>Texts of the warranty review pages.</summary>
public sealed class WarrantyText;
