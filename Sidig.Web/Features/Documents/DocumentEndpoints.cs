using System.Globalization;
using Sidig.Domain.Access;

namespace Sidig.Web.Features.Documents;

/// <summary>
/// PDF downloads of business documents and zips of a date range. The handlers decide who may see what (staff and the
/// partner a document belongs to); a document someone may not see is a plain 404, like one that does not exist.
/// </summary>
public static class DocumentEndpoints
{
    public static readonly IReadOnlyDictionary<string, DocumentKind> Kinds = new Dictionary<string, DocumentKind>
    {
        ["invoices"] = DocumentKind.Invoice, ["delivery-notes"] = DocumentKind.DeliveryNote, ["credit-notes"] = DocumentKind.CreditNote,
    };

    public static string PdfUrl(DocumentKind kind, Guid id) => $"/documents/{Slug(kind)}/{id}.pdf";

    public static string ZipUrl(DocumentKind kind, DateOnly from, DateOnly to) =>
        $"/documents/{Slug(kind)}.zip?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    public static string StatementUrl(Guid partnerId, DateOnly from, DateOnly to) =>
        $"/documents/statements/{partnerId}.pdf?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    private static string Slug(DocumentKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{kind}/{id:guid}.pdf", async (string kind, Guid id, GetDocumentPdfHandler handler, HttpContext http, CancellationToken ct) =>
        {
            RequestUser.Use(http);
            if (!Kinds.TryGetValue(kind, out var k)) return EndpointResults.BareNotFound(http);
            var file = await handler.HandleAsync(new GetDocumentPdf(k, id, Origin(http)), ct);
            return file is null ? EndpointResults.BareNotFound(http) : Pdf(http, file.Content, "application/pdf", file.FileName);
        }).RequireAuthorization(Policies.TenantUser);

        app.MapGet("/documents/{kind}.zip", async (string kind, string? from, string? to, GetDocumentZipHandler handler, HttpContext http, CancellationToken ct) =>
        {
            RequestUser.Use(http);
            if (!Kinds.TryGetValue(kind, out var k)) return EndpointResults.BareNotFound(http);
            if (!TryDate(from, out var f) || !TryDate(to, out var t)) return Results.Problem(statusCode: 400, title: "from and to must be dates (yyyy-MM-dd)");
            var result = await handler.HandleAsync(new GetDocumentZip(k, f, t, Origin(http)), ct);
            if (!result.Succeeded)
                return result.Errors[0].Code == "Access.Denied" ? EndpointResults.BareNotFound(http) : Results.Problem(statusCode: 400, title: result.Errors[0].Code);
            return Pdf(http, result.Value!.Content, "application/zip", result.Value.FileName);
        }).RequireAuthorization(Policies.TenantUser);

        app.MapGet("/documents/statements/{partnerId:guid}.pdf", async (Guid partnerId, string? from, string? to, GetStatementPdfHandler handler,
            HttpContext http, CancellationToken ct) =>
        {
            RequestUser.Use(http);
            if (!TryDate(from, out var f) || !TryDate(to, out var t)) return Results.Problem(statusCode: 400, title: "from and to must be dates (yyyy-MM-dd)");
            var result = await handler.HandleAsync(new GetStatementPdf(partnerId, f, t), ct);
            if (!result.Succeeded)
                return result.Errors[0].Code is "Access.Denied" or "Partner.NotFound" ? EndpointResults.BareNotFound(http) : Results.Problem(statusCode: 400, title: result.Errors[0].Code);
            return Pdf(http, result.Value!.Content, "application/pdf", result.Value.FileName);
        }).RequireAuthorization(Policies.TenantUser);
    }

    private static bool TryDate(string? s, out DateOnly date) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The request's own origin: the tenant middleware has already accepted the host as this tenant's.</summary>
    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static IResult Pdf(HttpContext http, byte[] content, string type, string name)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content, type, name);
    }

}
