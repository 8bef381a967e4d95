namespace Sidig.Web.Features.Platform;

/// <summary>
/// A tenant's address: <c>&lt;scheme&gt;://&lt;slug&gt;.&lt;BaseDomain&gt;[:port]</c>. Scheme and port come from the platform host the
/// operator is using (NavigationManager.BaseUri), so the links work in development (http, :5244) and behind TLS alike.
/// </summary>
public static class TenantUrl
{
    public static string For(string slug, string baseDomain, string currentBaseUri)
    {
        var current = new Uri(currentBaseUri);
        var port = current.IsDefaultPort ? "" : ":" + current.Port;
        return $"{current.Scheme}://{slug}.{baseDomain}{port}";
    }
}
