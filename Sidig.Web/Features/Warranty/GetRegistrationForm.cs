using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Units;

namespace Sidig.Web.Features.Warranty;

/// <summary>What the public registration form shows: the unit (or that the code is unknown) and the network's shops to pick as seller.</summary>
public sealed record RegistrationForm(PublicScan Scan, IReadOnlyList<string> Sellers);

public sealed class GetRegistrationFormHandler(IDbContextFactory<SidigDbContext> factory, GetPublicUnitHandler units, TenantContext tenant)
{
    public const int MaxSellers = 500;

    public async Task<RegistrationForm> HandleAsync(string? code, CancellationToken ct = default)
    {
        var scan = await units.HandleAsync(new GetPublicUnit(code), ct);
        if (scan.Unit is null || tenant.Tenant.IsPlatform) return new RegistrationForm(scan, []);
        await using var db = await factory.CreateDbContextAsync(ct);
        var sellers = await db.Partners.AsNoTracking().Where(p => p.IsActive && p.Type != PartnerType.ServiceCentre)
            .Select(p => p.LegalName).Distinct().OrderBy(n => n).Take(MaxSellers).ToListAsync(ct);
        return new RegistrationForm(scan, sellers);
    }
}
