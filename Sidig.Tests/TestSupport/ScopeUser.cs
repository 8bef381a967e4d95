using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Tests.TestSupport;

/// <summary>Lets an app scope act as one signed-in user, as that user's circuit would: handlers see them through Permissions.</summary>
public static class ScopeUser
{
    /// <summary>Signs the user (looked up in the scope's tenant) into the scope: authentication state and audit actor.</summary>
    public static async Task<AppUser> ActAsAsync(this IServiceProvider sp, string email)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email} in this tenant");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        var state = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        sp.GetRequiredService<CurrentUser>().Set(user.Id, user.UserName);
        return user;
    }

    /// <summary>Runs code in a scope of the tenant (null = platform) signed in as <paramref name="email"/>.</summary>
    public static Task<T> AsUser<T>(this SidigAppFactory app, string? tenant, string email, Func<IServiceProvider, Task<T>> work) =>
        app.InTenant(tenant, async sp =>
        {
            await sp.ActAsAsync(email);
            return await work(sp);
        });

    /// <summary>Resolves a handler in a scope acting as the user and runs it.</summary>
    public static Task<TResult> Handle<THandler, TResult>(this SidigAppFactory app, string? tenant, string email,
        Func<THandler, Task<TResult>> call) where THandler : notnull =>
        app.AsUser(tenant, email, sp => call(sp.GetRequiredService<THandler>()));
}
