using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Account;

/// <summary>
/// The sign-in cookie is re-checked against the security stamp every 30 s, but a Blazor circuit keeps the user it
/// started with. This provider re-checks the circuit's user every minute, so deactivating a user or taking a role
/// away (both renew the stamp) also ends their open circuits.
/// </summary>
public sealed class RevalidatingIdentityAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, TenantContext tenantContext)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        tenantContext.IsSet ? SessionCheck.IsCurrentAsync(scopes, tenantContext.Tenant, state.User) : Task.FromResult(false);
}

public static class SessionCheck
{
    /// <summary>True while the signed-in user still exists in the tenant, is active and has the stamp they signed in with.</summary>
    public static async Task<bool> IsCurrentAsync(IServiceScopeFactory scopes, TenantInfo tenant, ClaimsPrincipal principal)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is not { IsActive: true }) return false;
        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
