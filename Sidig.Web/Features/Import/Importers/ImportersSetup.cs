namespace Sidig.Web.Features.Import.Importers;

public static class ImportersSetup
{
    /// <summary>The importers of the catalog, partner and stock modules, in the order the import page shows them.</summary>
    public static IServiceCollection AddSidigImporters(this IServiceCollection services) => services
        .AddImporter<ProductImporter>()
        .AddImporter<PartnerImporter>()
        .AddImporter<WarehouseImporter>()
        .AddImporter<OpeningStockImporter>()
        .AddImporter<SellOutImporter>();
}
