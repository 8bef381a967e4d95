using Sidig.Domain.Access;
using Sidig.Infrastructure.Documents.Business;

namespace Sidig.Web.Features.Units;

public static class UnitEndpoints
{
    public static string ScanPath(string code) => BatchLabelSource.ScanPath(code);

    public static string LabelsUrl(Guid batchId, string layout) => $"/units/batches/{batchId}/labels.pdf?layout={layout}";

    public static string LabelPrintUrl(Guid jobId) => $"/units/labels/{jobId}.pdf";

    public static void MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        // The scan page's product photo: public like the page; the unit's code (this host's tenant only) is the key.
        app.MapGet("/u/{code}/image", async (string code, GetPublicUnitImageHandler handler, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var image = await handler.HandleAsync(new GetPublicUnitImage(code), ct);
            if (image is null) return EndpointResults.BareNotFound(http);
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(image.Content, image.ContentType);
        }).AllowAnonymous();

        // A batch's label sheet (staff who make batches), drawn page by page.
        app.MapGet("/units/batches/{id:guid}/labels.pdf", async (Guid id, string? layout, GetBatchLabelsHandler handler, HttpContext http,
            CancellationToken ct) =>
        {
            RequestUser.Use(http);
            var result = await handler.HandleAsync(new GetBatchLabels(id, layout, $"{http.Request.Scheme}://{http.Request.Host}"), ct);
            if (!result.Succeeded)
            {
                if (result.Errors[0].Code is "Units.LabelLayoutUnknown") return Results.Problem(statusCode: 400, title: result.Errors[0].Code);
                return EndpointResults.BareNotFound(http);
            }
            var labels = result.Value!;
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // SkiaSharp writes synchronously, which the response body refuses: draw into a temporary file that deletes itself
            // when the response has sent it (memory stays flat however many labels).
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            try
            {
                await Task.Run(() => LabelSheetPdf.Render(labels.Labels, labels.Layout, file, labels.Title, cancellationToken: ct), ct);
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
            file.Position = 0;
            return Results.File(file, "application/pdf", labels.FileName);
        }).RequireAuthorization(Policies.TenantUser);

        // A label print rendered in the background (RenderLabelPrintJob): this tenant's, for staff who make batches.
        app.MapGet("/units/labels/{id:guid}.pdf", async (Guid id, GetLabelPrintFileHandler handler, HttpContext http, CancellationToken ct) =>
        {
            RequestUser.Use(http);
            var result = await handler.HandleAsync(new GetLabelPrintFile(id), ct);
            if (!result.Succeeded) return EndpointResults.BareNotFound(http);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(result.Value!.Content, "application/pdf", result.Value.FileName);
        }).RequireAuthorization(Policies.TenantUser);
    }
}
