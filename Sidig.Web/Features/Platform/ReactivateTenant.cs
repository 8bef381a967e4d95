using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Platform;

/// <summary>Opens a suspended tenant's portal again.</summary>
public sealed record ReactivateTenant(Guid TenantId);

public sealed class ReactivateTenantHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantStore store, ILogger<ReactivateTenantHandler> logger)
{
    public async Task<Result> HandleAsync(ReactivateTenant command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.Platform)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == command.TenantId, ct);
        if (tenant is null) return Result.Fail("Tenant.NotFound");
        try { tenant.Reactivate(); }
        catch (DomainException e) { return Result.Fail(e.Code); }
        await db.SaveChangesAsync(ct);
        store.Invalidate(tenant.Slug);
        logger.LogInformation("Tenant {Slug} reactivated", tenant.Slug);
        return Result.Ok();
    }
}
