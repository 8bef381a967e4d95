using Microsoft.AspNetCore.Components.Authorization;
using Sidig.Domain.Access;

namespace Sidig.Web.Features.Invoicing;

public static class InvoicingEndpoints
{
    public static void MapInvoicingEndpoints(this IEndpointRouteBuilder app)
    {
        // Staff who see invoices and the partner the payment belongs to; anyone else (another partner, another tenant) gets a 404.
        app.MapGet("/payments/{id:guid}/proof", async (Guid id, GetPaymentProofHandler handler, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
            var proof = await handler.HandleAsync(new GetPaymentProof(id), ct);
            if (proof is null) return EndpointResults.BareNotFound(http);
            return Results.File(proof.Content, proof.ContentType, proof.FileName);
        }).RequireAuthorization(Policies.ViewInvoices);
    }
}
