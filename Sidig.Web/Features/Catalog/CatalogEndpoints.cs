using Sidig.Domain.Access;

namespace Sidig.Web.Features.Catalog;

public static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed-in catalog readers of this host's tenant; another tenant's product id is simply not found.
        app.MapGet("/catalog/products/{id:guid}/image", async (Guid id, GetProductImageHandler handler, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            RequestUser.Use(http);
            var image = await handler.HandleAsync(new GetProductImage(id), ct);
            if (image is null)
            {
                http.Response.Headers.CacheControl = "no-cache";
                return EndpointResults.BareNotFound(http); // for the <img>
            }
            http.Response.Headers.CacheControl = "private, max-age=60";
            return Results.File(image.Content, image.ContentType);
        }).RequireAuthorization(Policies.ViewCatalog);
    }
}
