using Microsoft.AspNetCore.Components.Authorization;

namespace Sidig.Web.Features;

public static class RequestUser
{
    /// <summary>Handlers ask <see cref="Permissions"/>, which reads the authentication state; outside a circuit (an endpoint) that is the request's user.</summary>
    public static void Use(HttpContext http)
    {
        if (http.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
    }
}
