using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Company;

/// <summary>The company profile page's data: the profile (or defaults before the first save), bank accounts, regional settings.</summary>
public sealed record GetCompanyProfile;

public sealed record CompanyProfileView(
    bool Exists, CompanyDetails Details, bool HasLogo, IReadOnlyList<BankAccountItem> BankAccounts, TenantRegional Regional);

public sealed record BankAccountItem(Guid Id, string BankName, string AccountNumber, string AccountHolder);

public sealed record TenantRegional(string TimeZoneId, string Language);

public sealed class GetCompanyProfileHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantContext tenantContext)
{
    public static CompanyDetails Empty => new("", null, null, null, null, null, null, null, null,
        PpnSettings.Default.RatePercent, PpnSettings.Default.BaseNumerator, PpnSettings.Default.BaseDenominator);

    public async Task<Result<CompanyProfileView>> HandleAsync(GetCompanyProfile query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result<CompanyProfileView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);

        var profile = await db.CompanyProfiles.AsNoTracking()
            .Select(c => new
            {
                Details = new CompanyDetails(c.LegalName, c.Npwp, c.Nitku, c.Address, c.ProvinceCode, c.RegencyCode,
                    c.PostalCode, c.Phone, c.Email, c.Ppn.RatePercent, c.Ppn.BaseNumerator, c.Ppn.BaseDenominator),
                HasLogo = c.Logo != null,
            })
            .FirstOrDefaultAsync(ct);
        var accounts = await db.BankAccounts.AsNoTracking()
            .OrderBy(a => a.BankName).ThenBy(a => a.AccountNumber)
            .Select(a => new BankAccountItem(a.Id, a.BankName, a.AccountNumber, a.AccountHolder))
            .ToListAsync(ct);
        // The tenant catalog is platform-level: read only the current tenant's row.
        var tenantId = tenantContext.TenantId;
        var regional = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new TenantRegional(t.TimeZoneId, t.Language))
            .FirstOrDefaultAsync(ct);
        if (regional is null) return Result<CompanyProfileView>.Fail("Tenant.NotFound");

        return Result<CompanyProfileView>.Ok(new CompanyProfileView(
            profile is not null, profile?.Details ?? Empty, profile?.HasLogo ?? false, accounts, regional));
    }
}
