using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Users;

/// <summary>Calls the user handlers the way a circuit of a signed-in user does, and reads users straight from the database.</summary>
public static class UserTestSupport
{
    public static string Origin(string tenant) => $"http://{tenant}.localhost/";

    public static Task<T> As<T>(this SidigAppFactory app, string email, Func<IServiceProvider, Task<T>> work, string? tenant = null) =>
        app.InTenant(tenant ?? TenantOf(email), async sp =>
        {
            await sp.SignInScopeAsync(email);
            return await work(sp);
        });

    /// <summary>Signs a user of the scope's tenant into the scope, as their circuit would be: authentication state and audit actor.</summary>
    public static async Task<ClaimsPrincipal> SignInScopeAsync(this IServiceProvider sp, string email)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email} in this tenant");
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        sp.UseScopeUser(principal);
        sp.GetRequiredService<CurrentUser>().Set(user.Id, user.UserName);
        return principal;
    }

    /// <summary>Gives the scope a principal made earlier (e.g. an old session whose roles changed since).</summary>
    public static void UseScopeUser(this IServiceProvider sp, ClaimsPrincipal principal) =>
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

    public static Task<Result<Invitation>> InviteAs(this SidigAppFactory app, string admin, string email, params string[] roles) =>
        app.As(admin, sp => sp.GetRequiredService<InviteUserHandler>().HandleAsync(
            new InviteUser(email, "Orang Baru", roles.Length == 0 ? [Roles.Sales] : roles, "id-ID"), Origin(TenantOf(admin))));

    /// <summary>Invites and fails the test when the invitation was refused.</summary>
    public static async Task<Invitation> InvitedAs(this SidigAppFactory app, string admin, string email, params string[] roles)
    {
        var result = await app.InviteAs(admin, email, roles);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    public static Task<AppUser?> FindUser(this SidigAppFactory app, string tenant, string email) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var normalized = email.ToUpperInvariant();
            return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
        });

    public static async Task<Guid> UserId(this SidigAppFactory app, string email) =>
        (await app.FindUser(TenantOf(email), email))?.Id ?? throw new InvalidOperationException($"No user {email}");

    public static Task<int> CountUsers(this SidigAppFactory app, string tenant) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            return await db.Users.CountAsync();
        });

    /// <summary>"admin@demo.test" → "demo"; other addresses are used in the demo tenant.</summary>
    private static string TenantOf(string email) => email.EndsWith("@other.test", StringComparison.Ordinal) ? "other" : "demo";
}
