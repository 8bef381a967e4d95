using Sidig.Web.Features.Account;
using Sidig.Web.Features.Company;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Web.Features;

/// <summary>Registers each module's handlers and maps its endpoints; Program.cs stays short.</summary>
public static class FeaturesSetup
{
    public static IServiceCollection AddSidigFeatures(this IServiceCollection services)
    {
        services.AddScoped<Permissions>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddScoped<Users.UserAdminScope>();
        services.AddScoped<Partners.PartnerScope>();
        services.AddScoped<Service.TicketScope>();
        services.AddScoped<Catalog.PriceLookupService>();
        services.AddScoped<Allocations.AllocationCheck>();
        services.AddScoped<Stock.StockDocumentPoster>();
        services.AddScoped<Documents.DocumentSources>();
        services.AddScoped<Invoicing.InvoiceIssuer>();
        services.AddScoped<AccountLinkFactory>();
        services.AddScoped<IAccountLinkSender, OutboxAccountLinkSender>();
        services.AddSidigImport();
        services.AddSidigImporters();
        services.Scan();
        return services;
    }

    /// <summary>Handlers are the classes named *Handler in this assembly; each is scoped (one per request or circuit).</summary>
    private static void Scan(this IServiceCollection services)
    {
        foreach (var type in typeof(FeaturesSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                                 && t.Namespace?.StartsWith("Sidig.Web.Features", StringComparison.Ordinal) == true))
            services.AddScoped(type);
    }

    public static void MapSidigEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapCompanyEndpoints();
        app.MapImportEndpoints();
        Catalog.CatalogEndpoints.MapCatalogEndpoints(app);
        Documents.DocumentEndpoints.MapDocumentEndpoints(app);
        Units.UnitEndpoints.MapUnitEndpoints(app);
        Units.ScanPageHtml.MapScanPage(app);
        Warranty.WarrantyCardEndpoints.MapWarrantyEndpoints(app);
        Service.TicketAttachmentEndpoints.MapTicketEndpoints(app);
        Api.ApiEndpoints.MapApiEndpoints(app);
        Invoicing.InvoicingEndpoints.MapInvoicingEndpoints(app);
    }
}
