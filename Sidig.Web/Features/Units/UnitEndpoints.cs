using Microsoft.AspNetCore.Diagnostics;

namespace Sidig.Web.Features.Units;

public static class UnitEndpoints
{
    public static string ScanPath(string code) => $"/u/{code}";

    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        // The scan page's product photo: public like the page; the unit's code (this host's tenant only) is the key.
        app.MapGet("/u/{code}/image", async (string code, GetPublicUnitImageHandler handler, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var image = await handler.HandleAsync(new GetPublicUnitImage(code), ct);
            if (image is null)
            {
                if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(image.Content, image.ContentType);
        }).AllowAnonymous();
    }
}
