using Microsoft.AspNetCore.Authorization;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Tenancy;

/// <summary>Platform policies hold only on the platform host, tenant policies only on the user's own tenant host.</summary>
public sealed class HostRequirement(bool platform) : IAuthorizationRequirement
{
    public bool Platform { get; } = platform;
}

public sealed class HostRequirementHandler(TenantContext tenantContext) : AuthorizationHandler<HostRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HostRequirement requirement)
    {
        if (tenantContext.IsSet && tenantContext.Tenant.IsPlatform == requirement.Platform
            && UserClaims.BelongsTo(context.User, tenantContext.TenantId))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
