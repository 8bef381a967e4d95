using Microsoft.EntityFrameworkCore;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Company;

/// <summary>
/// The current tenant's logo for the app bar and the sign-in page. Public like the sign-in page itself, so no
/// permission check; the tenant query filter limits it to the host's own tenant (none on the platform host).
/// </summary>
public sealed record GetCompanyLogo;

public sealed record CompanyLogo(byte[] Content, string ContentType);

public sealed class GetCompanyLogoHandler(IDbContextFactory<SidigDbContext> factory)
{
    public async Task<CompanyLogo?> HandleAsync(GetCompanyLogo query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.CompanyProfiles.AsNoTracking()
            .Where(c => c.Logo != null && c.LogoContentType != null)
            .Select(c => new CompanyLogo(c.Logo!, c.LogoContentType!))
            .FirstOrDefaultAsync(ct);
    }
}
