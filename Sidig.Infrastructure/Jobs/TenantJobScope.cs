using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Jobs;

/// <summary>
/// Runs one piece of background work for one tenant, in its own DI scope with that tenant set. A job without a
/// tenant, or for an unknown or suspended tenant, fails instead of running unfiltered.
/// </summary>
public sealed class TenantJobScope(IServiceScopeFactory scopes, TenantStore tenants)
{
    public async Task RunAsync(Guid tenantId, Func<IServiceProvider, Task> work, CancellationToken ct = default)
    {
        if (tenantId == Guid.Empty) throw new InvalidOperationException("A tenant job was started without a tenant.");
        var tenant = await tenants.FindByIdAsync(tenantId, ct)
            ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        if (!tenant.IsActive) return; // suspended tenants get no background work until reactivated
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        await work(scope.ServiceProvider);
    }
}
