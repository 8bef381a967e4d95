using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Web.Features.Company;

/// <summary>Legal identity, address and contact, and PPN settings. The first save creates the tenant's profile.</summary>
public sealed record UpdateCompanyProfile(CompanyDetails Details);

public sealed class UpdateCompanyProfileHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, IndonesianAreas areas)
{
    public async Task<Result> HandleAsync(UpdateCompanyProfile command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCompany)) return Result.Fail("Access.Denied");
        // The same checks the form runs, with the field of each problem; the domain refuses the same input again.
        var errors = CompanyProfile.Check(command.Details, areas);
        if (errors.Count > 0) return Result.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var profile = await db.CompanyProfiles.FirstOrDefaultAsync(ct);
        try
        {
            if (profile is null)
            {
                profile = CompanyProfile.Create(command.Details.LegalName);
                db.CompanyProfiles.Add(profile);
            }
            profile.Update(command.Details, areas);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
