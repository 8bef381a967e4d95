using System.Security.Claims;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Tenancy;

/// <summary>
/// A signed-in user counts only on the host of their own tenant: a cookie carried to another host (copied, or
/// sent by a misconfigured proxy) is treated as anonymous. Also records who acts, for the audit trail.
/// </summary>
public sealed class TenantUserMiddleware(RequestDelegate next, ILogger<TenantUserMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, TenantContext tenantContext, CurrentUser currentUser)
    {
        if (tenantContext.IsSet && http.User.Identity?.IsAuthenticated == true)
        {
            if (!UserClaims.BelongsTo(http.User, tenantContext.TenantId))
            {
                logger.LogWarning("Rejected a sign-in cookie of another tenant on host {Host}", http.Request.Host.Value);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else currentUser.Set(UserClaims.UserId(http.User), http.User.Identity.Name);
        }
        await next(http);
    }
}

public static class UserClaims
{
    public static bool BelongsTo(ClaimsPrincipal user, Guid tenantId) =>
        user.FindFirstValue(SidigClaims.TenantId) is { } claim && Guid.TryParse(claim, out var id) && id == tenantId;

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "";
}
