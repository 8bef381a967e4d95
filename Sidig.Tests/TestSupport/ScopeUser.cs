using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Identity;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Gives an app scope (see <see cref="SidigAppFactory.InTenant{T}"/>) the authentication state a circuit of a seeded
/// user would have, so handlers can be called directly and still check permissions for real.
/// </summary>
public static class ScopeUser
{
    public static async Task<ClaimsPrincipal> SignInScopeAsync(this IServiceProvider sp, string email)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email} in this tenant");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var state = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return principal;
    }
}
