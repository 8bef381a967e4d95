using Microsoft.AspNetCore.Identity;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Users;

/// <summary>
/// Identity's <see cref="UserManager{TUser}"/> saves through the scoped <see cref="SidigDbContext"/>. In a Blazor
/// circuit that scope lives as long as the browser tab, so its tracked users would go stale (and fail their
/// concurrency check after the user signs in elsewhere). User commands therefore run in a short-lived scope of
/// their own, with the caller's tenant and acting user: one unit of work per command, like the
/// <c>IDbContextFactory</c> handlers.
/// </summary>
public sealed class UserAdminScope(IServiceScopeFactory scopes, TenantContext tenantContext, CurrentUser currentUser)
{
    public async Task<T> RunAsync<T>(Func<UserAdminWork, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(tenantContext.Tenant);
        sp.GetRequiredService<CurrentUser>().Set(currentUser.UserId, currentUser.UserName);
        return await work(new UserAdminWork(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<SidigDbContext>()));
    }
}

/// <summary>The user manager and the context it saves through (same scope, so one transaction covers both).</summary>
public sealed record UserAdminWork(UserManager<AppUser> Users, SidigDbContext Db);
