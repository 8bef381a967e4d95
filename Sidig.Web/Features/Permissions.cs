using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Sidig.Web.Features;

/// <summary>
/// Every command handler asks this before it acts, so a command is refused on the server even when a page or
/// menu forgot to hide it. Works in circuits and in static pages (both have an authentication state).
/// </summary>
public sealed class Permissions(AuthenticationStateProvider authState, IAuthorizationService authorization)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authState.GetAuthenticationStateAsync()).User;

    public async Task<bool> HasAsync(string policy) =>
        (await authorization.AuthorizeAsync(await UserAsync(), policy)).Succeeded;
}
