namespace Sidig.Web.Features.Catalog;

/// <summary>Marker for the texts of the catalog pages (CatalogText.en-US.resx / CatalogText.id-ID.resx).</summary>
public sealed class CatalogText;
