using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Platform;

/// <summary>Closes a tenant's portal: its host answers with the "suspended" page from the next request on.</summary>
public sealed record SuspendTenant(Guid TenantId);

public sealed class SuspendTenantHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantStore store, TimeProvider clock,
    ILogger<SuspendTenantHandler> logger)
{
    public async Task<Result> HandleAsync(SuspendTenant command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.Platform)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == command.TenantId, ct);
        if (tenant is null) return Result.Fail("Tenant.NotFound");
        try { tenant.Suspend(clock.GetUtcNow()); }
        catch (DomainException e) { return Result.Fail(e.Code); }
        await db.SaveChangesAsync(ct);
        store.Invalidate(tenant.Slug); // the host shows the suspended page at once, not after the cache expires
        logger.LogInformation("Tenant {Slug} suspended", tenant.Slug);
        return Result.Ok();
    }
}
