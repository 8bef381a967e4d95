using Microsoft.EntityFrameworkCore;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Service;

/// <summary>A ticket's attachment for the people who may see the ticket (the same scope as the desk; anyone else: 404).</summary>
public sealed class GetTicketAttachmentHandler(IDbContextFactory<SidigDbContext> factory, TicketScope scope)
{
    public async Task<(byte[] Content, string ContentType, string? FileName)?> HandleAsync(Guid ticketId, Guid attachmentId, CancellationToken ct = default)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (from t in visible(db.Tickets.AsNoTracking()).Where(t => t.Id == ticketId)
                           join a in db.TicketAttachments on t.Id equals a.TicketId
                           where a.Id == attachmentId
                           select new { a.Content, a.ContentType, a.FileName }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Content, found.ContentType, found.FileName);
    }
}

public static class TicketAttachmentEndpoints
{
    public static string Url(Guid ticketId, Guid attachmentId) => $"/service/tickets/{ticketId}/attachments/{attachmentId}";

    public static void MapTicketEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/service/tickets/{ticketId:guid}/attachments/{id:guid}", async (Guid ticketId, Guid id, GetTicketAttachmentHandler handler, HttpContext http,
            CancellationToken ct) =>
        {
            RequestUser.Use(http);
            if (await handler.HandleAsync(ticketId, id, ct) is not { } file) return EndpointResults.BareNotFound(http);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // Images show inline; a PDF downloads under its name (never rendered as the app's own page).
            return file.ContentType == "application/pdf"
                ? Results.File(file.Content, file.ContentType, file.FileName ?? "lampiran.pdf")
                : Results.File(file.Content, file.ContentType);
        }).RequireAuthorization(Domain.Access.Policies.WorkTickets);
}
