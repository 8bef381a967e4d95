using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Company;

/// <summary>The tenant's time zone and default language, kept on the tenant's own row of the tenant catalog.</summary>
public sealed record UpdateTenantRegional(string TimeZoneId, string Language);

public sealed class UpdateTenantRegionalHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantContext tenantContext, TenantStore tenantStore)
{
    public async Task<Result> HandleAsync(UpdateTenantRegional command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        // Platform-level table: the only row this command may touch is the current tenant's.
        var tenantId = tenantContext.TenantId;
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return Result.Fail("Tenant.NotFound");
        try
        {
            tenant.SetRegional(command.TimeZoneId, command.Language);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code, e.Code == "Tenant.TimeZoneInvalid" ? nameof(command.TimeZoneId) : nameof(command.Language));
        }
        await db.SaveChangesAsync(ct);
        tenantStore.Invalidate(tenant.Slug); // every host lookup sees the change at once
        return Result.Ok();
    }
}
