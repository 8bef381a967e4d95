using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>A warranty policy as typed in its form; checked by <see cref="WarrantyPolicy.Check"/> (field names match).</summary>
public sealed record WarrantyPolicyDetails(
    string Name, int Months, WarrantyStart StartsOn, int GraceDays, string CoverageId, string CoverageEn,
    bool RequiresReceiptPhoto, int? MaxClaims, int? MaintenanceMonths = null)
{
    public static readonly WarrantyPolicyDetails Empty = new("", 12, WarrantyStart.Registration, 0, "", "", false, null);

    public IReadOnlyList<Error> Check() => WarrantyPolicy.Check(Name, Months, StartsOn, GraceDays, CoverageId, CoverageEn, MaxClaims, MaintenanceMonths);
}

/// <summary>Creates (<see cref="Id"/> null) or edits a warranty policy. Names are unique per tenant.</summary>
public sealed record SaveWarrantyPolicy(Guid? Id, WarrantyPolicyDetails Details);

public sealed class SaveWarrantyPolicyHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(SaveWarrantyPolicy command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result<Guid>.Fail("Access.Denied");
        var d = command.Details;
        var errors = d.Check();
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var name = d.Name.Trim();
        if (await db.WarrantyPolicies.AnyAsync(p => p.Name == name && p.Id != command.Id, ct))
            return Result<Guid>.Fail("Warranty.NameTaken", nameof(WarrantyPolicyDetails.Name));
        try
        {
            WarrantyPolicy policy;
            if (command.Id is { } id)
            {
                var found = await db.WarrantyPolicies.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (found is null) return Result<Guid>.Fail("Warranty.NotFound");
                policy = found;
                policy.Update(d.Name, d.Months, d.StartsOn, d.GraceDays, d.CoverageId, d.CoverageEn, d.RequiresReceiptPhoto, d.MaxClaims, d.MaintenanceMonths);
            }
            else
            {
                policy = WarrantyPolicy.Create(d.Name, d.Months, d.StartsOn, d.GraceDays, d.CoverageId, d.CoverageEn, d.RequiresReceiptPhoto, d.MaxClaims,
                    d.MaintenanceMonths);
                db.WarrantyPolicies.Add(policy);
            }
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Ok(policy.Id);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Result<Guid>.Fail("Warranty.NameTaken", nameof(WarrantyPolicyDetails.Name));
        }
    }
}
