using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Company;

public sealed record RemoveCompanyLogo;

public sealed class RemoveCompanyLogoHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(RemoveCompanyLogo command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var profile = await db.CompanyProfiles.FirstOrDefaultAsync(ct);
        if (profile?.Logo is null) return Result.Ok(); // nothing to remove: the outcome the user asked for
        profile.RemoveLogo();
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
