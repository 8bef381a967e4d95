using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>
/// A price list's header as typed in its form. A partner's own list (<see cref="PartnerId"/> set) takes the partner's
/// tier; otherwise it is the general list of <see cref="Tier"/>. <see cref="ValidTo"/> is the last valid day (null = open).
/// </summary>
public sealed record PriceListDetails(string Name, PriceTier Tier, Guid? PartnerId, DateOnly ValidFrom, DateOnly? ValidTo, bool IsActive = true)
{
    public const int NameMaxLength = 100;

    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new("PriceList.NameRequired", nameof(Name)));
        else if (Name.Trim().Length > NameMaxLength) errors.Add(new("Validation.TooLong", nameof(Name)));
        if (!Enum.IsDefined(Tier)) errors.Add(new("PriceList.TierInvalid", nameof(Tier)));
        if (ValidTo is { } to && to < ValidFrom) errors.Add(new("PriceList.DatesInvalid", nameof(ValidTo)));
        return errors;
    }
}

/// <summary>Creates (<see cref="Id"/> null) or edits a price list's header. Names are unique per tenant.</summary>
public sealed record SavePriceList(Guid? Id, PriceListDetails Details);

public sealed class SavePriceListHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(SavePriceList command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result<Guid>.Fail("Access.Denied");
        var d = command.Details;
        var errors = d.Check();
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var tier = d.Tier;
        if (d.PartnerId is { } partnerId)
        {
            var partnerTier = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => (PriceTier?)p.PriceTier).FirstOrDefaultAsync(ct);
            if (partnerTier is null) return Result<Guid>.Fail("PriceList.PartnerNotFound", nameof(PriceListDetails.PartnerId));
            tier = partnerTier.Value;
        }
        var name = d.Name.Trim();
        if (await db.PriceLists.AnyAsync(l => l.Name == name && l.Id != command.Id, ct))
            return Result<Guid>.Fail("PriceList.NameTaken", nameof(PriceListDetails.Name));
        try
        {
            PriceList list;
            if (command.Id is { } id)
            {
                var found = await db.PriceLists.FirstOrDefaultAsync(l => l.Id == id, ct);
                if (found is null) return Result<Guid>.Fail("PriceList.NotFound");
                list = found;
                list.Update(name, tier, d.PartnerId, d.ValidFrom, d.ValidTo, d.IsActive);
            }
            else
            {
                list = PriceList.Create(name, tier, d.PartnerId, d.ValidFrom, d.ValidTo);
                if (!d.IsActive) list.Update(name, tier, d.PartnerId, d.ValidFrom, d.ValidTo, false);
                db.PriceLists.Add(list);
            }
            await db.SaveChangesAsync(ct);
            return Result<Guid>.Ok(list.Id);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Result<Guid>.Fail("PriceList.NameTaken", nameof(PriceListDetails.Name));
        }
    }
}
