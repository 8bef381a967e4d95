
namespace Sidig.Web.Features.Company;

public static class CompanyEndpoints
{
    public static void MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous: the sign-in page shows the logo. The handler only ever sees the host's own tenant.
        app.MapGet("/company/logo", async (GetCompanyLogoHandler handler, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var logo = await handler.HandleAsync(new GetCompanyLogo(), ct);
            if (logo is null)
            {
                // A missing logo is normal: a bare 404 for the <img>, not the not-found page.
                http.Response.Headers.CacheControl = "no-cache";
                return EndpointResults.BareNotFound(http);
            }
            http.Response.Headers.CacheControl = "public, max-age=60";
            return Results.File(logo.Content, logo.ContentType);
        }).AllowAnonymous();
    }
}
