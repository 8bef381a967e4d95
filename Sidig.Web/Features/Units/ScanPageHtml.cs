using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Resources;

namespace Sidig.Web.Features.Units;

/// <summary>
/// The public scan page behind every QR label, written as plain HTML (docs/decisions/scan-page-rendering.md): it is the
/// one page opened by the public at scale, and Blazor's static rendering was most of its cost. Every value that comes from
/// data or the request goes through <see cref="HtmlEncoder"/>; only the fixed markup below is written as is.
/// </summary>
public static class ScanPageHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string GenuineIcon = "M12 1L3 5v6c0 5.55 3.84 10.74 9 12 5.16-1.26 9-6.45 9-12V5l-9-4zm-2 16l-4-4 1.41-1.41L10 14.17l6.59-6.59L18 9l-8 8z";
    private const string UnknownIcon = "M12 1L3 5v6c0 5.55 3.84 10.74 9 12 5.16-1.26 9-6.45 9-12V5l-9-4zm3.5 14.09l-1.41 1.41L12 14.42 9.91 16.5 8.5 15.09 "
                                       + "10.59 13 8.5 10.91 9.91 9.5 12 11.59l2.09-2.09 1.41 1.41L13.42 13l2.08 2.09z";

    public static void MapScanPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/u/{code}", async (string code, GetPublicUnitHandler handler, TenantContext tenant, IStringLocalizer<UnitsText> l,
            IStringLocalizer<SharedResource> shared, HttpContext http, CancellationToken ct) =>
        {
            // The connection's address, as the public forms' limits read it (rewritten by the forwarded-headers middleware behind a proxy).
            var scan = await handler.HandleAsync(new GetPublicUnit(code, http.Connection.RemoteIpAddress), ct);
            http.Response.Headers.Append("X-Robots-Tag", "noindex"); // codes are private keys, not pages to index
            var brand = tenant.Tenant.IsPlatform ? shared["Shell.PlatformName"].Value : tenant.Tenant.DisplayName;
            return Results.Text(Render(scan, l, brand, !tenant.Tenant.IsPlatform, http.Request.Path + http.Request.QueryString), ContentType);
        }).AllowAnonymous();

    /// <param name="back">where the language links return to (this page's path and query)</param>
    public static string Render(PublicScan scan, IStringLocalizer<UnitsText> l, string brand, bool logo, string back)
    {
        var h = new Writer(new StringWriter(new System.Text.StringBuilder(4096), CultureInfo.InvariantCulture));
        h.Raw("<!DOCTYPE html>\n<html lang=\"").Text(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            .Raw("\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\" />\n<title>")
            .Text(l["Scan.Title"]).Raw("</title>\n<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />\n")
            .Raw("<link rel=\"stylesheet\" href=\"/scan.css\" />\n</head>\n<body>\n<header class=\"sp-bar\">\n")
            .Raw("<a href=\"/\" class=\"sp-brand\" data-testid=\"tenant-brand\">");
        if (logo) h.Raw("<img src=\"/company/logo\" alt=\"\" onerror=\"this.style.display='none'\" />");
        h.Raw("<span>").Text(brand).Raw("</span></a>\n");
        foreach (var (culture, label) in new[] { ("id-ID", "ID"), ("en-US", "EN") })
            h.Raw("<a class=\"sp-lang\" href=\"").Text($"/culture?c={culture}&back={Uri.EscapeDataString(back)}")
                .Raw("\" data-testid=\"lang-").Raw(culture).Raw("\">").Raw(label).Raw("</a>\n");
        h.Raw("</header>\n<main class=\"sp-main\">\n");
        if (scan.Unit is { } u) Genuine(h, u, scan.Contact, l);
        else Unknown(h, scan.Contact, l);
        h.Raw("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void Genuine(Writer h, PublicUnit u, PublicContact contact, IStringLocalizer<UnitsText> l)
    {
        var path = UnitEndpoints.ScanPath(u.Code);
        h.Raw("<section class=\"sp-card\" data-testid=\"scan-genuine\">\n<h1 class=\"sp-verdict sp-genuine\">").Icon(GenuineIcon)
            .Text(l["Scan.Genuine"]).Raw("</h1>\n<p class=\"sp-gap\">").Text(l["Scan.GenuineText", contact.CompanyName]).Raw("</p>\n");
        if (u.HasImage)
            h.Raw("<img src=\"").Text($"{path}/image").Raw("\" alt=\"").Text(u.ProductName).Raw("\" class=\"sp-image\" data-testid=\"scan-image\" />\n");
        h.Raw("<h2 class=\"sp-product\" data-testid=\"scan-product\">").Text(u.ProductName).Raw("</h2>\n<p>").Text(u.Sku).Raw("</p>\n")
            .Raw("<p class=\"sp-gap\">").Text(l["Serial"]).Raw(": <b data-testid=\"scan-serial\">").Text(u.Serial).Raw("</b></p>\n")
            .Raw("<h3 class=\"sp-label\">").Text(l["Warranty"]).Raw("</h3>\n")
            .Raw("<span class=\"sp-chip\" data-testid=\"scan-warranty\" data-state=\"").Text(u.Warranty.State.ToString()).Raw("\">")
            .Text(UnitsText.Warranty(l, u.Warranty)).Raw("</span>\n");
        if (u.RegistrationPending)
            h.Raw("<p class=\"sp-gap\" data-testid=\"scan-registration-pending\">").Text(l["Scan.RegistrationPending"]).Raw("</p>\n");
        h.Raw("<nav class=\"sp-actions\">\n");
        if (u.Warranty.State is WarrantyState.NotRegistered or WarrantyState.Active && !u.IsRegistered && !u.RegistrationPending)
            h.Raw("<a class=\"sp-button sp-primary\" href=\"").Text($"{path}/register").Raw("\" data-testid=\"scan-register\">")
                .Text(l["Scan.Register"]).Raw("</a>\n");
        h.Raw("<a class=\"sp-button\" href=\"").Text($"{path}/service").Raw("\" data-testid=\"scan-service\">").Text(l["Scan.Service"])
            .Raw("</a>\n</nav>\n");
        var coverage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? u.CoverageEn : u.CoverageId;
        if (coverage is not null)
            h.Raw("<h3 class=\"sp-label\">").Text(l["Scan.Coverage"]).Raw("</h3>\n<p class=\"sp-coverage\" data-testid=\"scan-coverage\">")
                .Text(coverage).Raw("</p>\n");
        h.Raw("</section>\n");
    }

    private static void Unknown(Writer h, PublicContact contact, IStringLocalizer<UnitsText> l)
    {
        h.Raw("<section class=\"sp-card\" data-testid=\"scan-unknown\">\n<h1 class=\"sp-verdict sp-unknown\">").Icon(UnknownIcon)
            .Text(l["Scan.Unknown"]).Raw("</h1>\n<p class=\"sp-gap\">").Text(l["Scan.UnknownText", contact.CompanyName]).Raw("</p>\n");
        if (contact.Phone is null && contact.Email is null)
        {
            h.Raw("<p>").Text(l["Scan.ReportNoContact"]).Raw("</p>\n");
        }
        else
        {
            h.Raw("<p>").Text(l["Scan.Report"]).Raw("</p>\n");
            if (contact.Phone is { } phone)
                h.Raw("<p><a href=\"").Text($"tel:{phone}").Raw("\" data-testid=\"scan-report-phone\">").Text(phone).Raw("</a></p>\n");
            if (contact.Email is { } email)
                h.Raw("<p><a href=\"").Text($"mailto:{email}").Raw("\" data-testid=\"scan-report-email\">").Text(email).Raw("</a></p>\n");
        }
        h.Raw("</section>\n");
    }

    /// <summary>Fixed markup as is, everything else encoded (text and attribute values alike: quotes are encoded too).</summary>
    private readonly struct Writer(StringWriter w)
    {
        public Writer Raw(string markup)
        {
            w.Write(markup);
            return this;
        }

        public Writer Text(string? value)
        {
            if (value is not null) HtmlEncoder.Default.Encode(w, value);
            return this;
        }

        public Writer Icon(string path) => Raw("<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"").Raw(path).Raw("\"/></svg>");

        public override string ToString() => w.ToString();
    }
}
