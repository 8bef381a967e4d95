using System.Globalization;
using Microsoft.AspNetCore.Authorization;

namespace Sidig.Web.Features.Import;

public static class ImportEndpoints
{
    /// <summary>Where the template of an importer is downloaded, e.g. /import/products/template.xlsx.</summary>
    public static string TemplateUrl(IImporter importer, ExportFormat format) =>
        $"/import/{Uri.EscapeDataString(importer.Name)}/template{TabularExport.Extension(format)}";

    /// <summary>
    /// One endpoint serves the templates of every registered importer; each template needs its importer's policy, so a
    /// module adds nothing here. Signed-in tenant users only; others get 403 (or the sign-in redirect).
    /// </summary>
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/import/{name}/template.{format}", async (string name, string format, IEnumerable<IImporter> importers,
            IAuthorizationService authorization, HttpContext http, CancellationToken ct) =>
        {
            var kind = format switch { "csv" => ExportFormat.Csv, "xlsx" => ExportFormat.Xlsx, _ => (ExportFormat?)null };
            var importer = importers.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
            if (kind is null || importer is null) return Results.NotFound();
            if (!(await authorization.AuthorizeAsync(http.User, importer.Policy)).Succeeded) return Results.Forbid();
            var content = await ImportTemplates.CreateAsync(importer.Schema, kind.Value, CultureInfo.CurrentCulture, ct);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(content, TabularExport.ContentType(kind.Value), $"{importer.Name}-template{TabularExport.Extension(kind.Value)}");
        }).RequireAuthorization(Sidig.Domain.Access.Policies.TenantUser);
    }
}
