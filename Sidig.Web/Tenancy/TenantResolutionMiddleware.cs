using System.Net;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Tenancy;

/// <summary>
/// First step of every request: the host names the platform or one tenant. Unknown hosts get a 404 and suspended
/// tenants a "suspended" page — both plain pages that name no tenant and touch no tenant data.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, TenantContext tenantContext, TenantStore store, IOptions<TenancyOptions> options)
    {
        if (http.Request.Path.StartsWithSegments("/health")) { await next(http); return; }

        var (kind, slug) = HostParser.Parse(http.Request.Host.Value, options.Value.BaseDomain);
        TenantInfo? tenant = kind switch
        {
            HostKind.Platform => TenantInfo.Platform,
            HostKind.Tenant => await store.FindAsync(slug!, http.RequestAborted),
            _ => null,
        };
        if (tenant is null)
        {
            await WritePage(http, HttpStatusCode.NotFound, HostPages.UnknownTenant);
            return;
        }
        if (!tenant.IsActive)
        {
            await WritePage(http, HttpStatusCode.Forbidden, HostPages.Suspended);
            return;
        }
        tenantContext.Set(tenant);
        await next(http);
    }

    private static async Task WritePage(HttpContext http, HttpStatusCode status, string html)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(html);
    }
}

/// <summary>Pages for hosts that have no tenant to serve; bilingual because no tenant language is known.</summary>
internal static class HostPages
{
    private static string Page(string title, string id, string en) => $$"""
        <!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>{{title}}</title><style>body{font-family:Roboto,Arial,sans-serif;background:#f5f5f5;color:#333;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0}
        main{background:#fff;padding:2rem;border-radius:8px;max-width:32rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}h1{font-size:1.4rem}</style></head>
        <body><main data-testid="host-page"><h1>{{title}}</h1><p lang="id">{{id}}</p><p lang="en">{{en}}</p></main></body></html>
        """;

    public static readonly string UnknownTenant = Page("Alamat tidak ditemukan · Address not found",
        "Tidak ada portal Sidig di alamat ini. Periksa kembali alamat yang diberikan oleh prinsipal Anda.",
        "There is no Sidig portal at this address. Check the address your principal gave you.");

    public static readonly string Suspended = Page("Portal ditangguhkan · Portal suspended",
        "Portal ini sedang ditangguhkan. Hubungi administrator perusahaan Anda.",
        "This portal is suspended. Please contact your company's administrator.");
}
