using System.Net;

namespace Sidig.Tests.TestSupport;

/// <summary>A cookie jar like a browser's, so tests can inspect cookies (domain, flags) and carry them by hand.</summary>
public sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var header = cookies.GetCookieHeader(request.RequestUri!);
        if (!string.IsNullOrEmpty(header)) request.Headers.TryAddWithoutValidation("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var v in values) cookies.SetCookies(request.RequestUri!, v);
        return response;
    }
}
