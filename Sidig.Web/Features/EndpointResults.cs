using Microsoft.AspNetCore.Diagnostics;

namespace Sidig.Web.Features;

public static class EndpointResults
{
    /// <summary>A plain 404 without the not-found page: what an &lt;img&gt; or a download link should get.</summary>
    public static IResult BareNotFound(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        return Results.NotFound();
    }
}
