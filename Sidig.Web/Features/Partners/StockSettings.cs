using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Partners;

/// <summary>The tenant-wide stock rules: negative stock, and whether distributors see their sub-partners' records.</summary>
public sealed record GetStockSettings;

public sealed record StockSettings(bool AllowNegativeStock, bool PartnersSeeSubPartners);

public sealed record UpdateStockSettings(bool AllowNegativeStock, bool PartnersSeeSubPartners);

public sealed class GetStockSettingsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantContext tenantContext)
{
    public async Task<Result<StockSettings>> HandleAsync(GetStockSettings query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageStockSettings)) return Result<StockSettings>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        // The tenant catalog is platform-level: read only the current tenant's row.
        var tenantId = tenantContext.TenantId;
        var settings = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new StockSettings(t.AllowNegativeStock, t.PartnersSeeSubPartners)).FirstOrDefaultAsync(ct);
        return settings is null ? Result<StockSettings>.Fail("Tenant.NotFound") : Result<StockSettings>.Ok(settings);
    }
}

public sealed class UpdateStockSettingsHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantContext tenantContext, TenantStore tenantStore)
{
    public async Task<Result> HandleAsync(UpdateStockSettings command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageStockSettings)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        // Platform-level table: the only row this command may touch is the current tenant's.
        var tenantId = tenantContext.TenantId;
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return Result.Fail("Tenant.NotFound");
        tenant.SetStockRules(command.AllowNegativeStock, command.PartnersSeeSubPartners);
        await db.SaveChangesAsync(ct);
        tenantStore.Invalidate(tenant.Slug); // every host lookup sees the change at once
        return Result.Ok();
    }
}
