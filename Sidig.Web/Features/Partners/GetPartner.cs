using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Partners;

/// <summary>One partner with its contacts, as the partner page edits it.</summary>
public sealed record GetPartner(Guid Id);

public sealed record PartnerView(
    Guid Id, PartnerDetails Details, PartnerOption? Parent, IReadOnlyList<PartnerContactInput> Contacts,
    int SubPartners, int Warehouses, int Users);

public sealed class GetPartnerHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    /// <summary>The details a new partner form starts from: a distributor with its default tier and 30 days to pay.</summary>
    public static PartnerDetails Empty => new("", "", PartnerType.Distributor, null, Partner.DefaultTier(PartnerType.Distributor),
        null, null, null, null, null, null, null, null, null, [], 30, 0, 0, null);

    public async Task<Result<PartnerView>> HandleAsync(GetPartner query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewPartners)) return Result<PartnerView>.Fail("Access.Denied");
        // Another tenant's partner is filtered out by the tenant filter; a partner outside the user's scope the same way.
        if (!await scope.CanSeeAsync(query.Id, ct)) return Result<PartnerView>.Fail("Partner.NotFound");

        await using var db = await factory.CreateDbContextAsync(ct);
        var p = await db.Partners.AsNoTracking().Include(x => x.Contacts).FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (p is null) return Result<PartnerView>.Fail("Partner.NotFound");
        var parent = p.ParentId is { } parentId
            ? await db.Partners.AsNoTracking().Where(x => x.Id == parentId).Select(x => new PartnerOption(x.Id, x.Code, x.LegalName, x.Type)).FirstOrDefaultAsync(ct)
            : null;
        var details = new PartnerDetails(p.Code, p.LegalName, p.Type, p.ParentId, p.PriceTier, p.Npwp, p.Nitku, p.Address, p.ProvinceCode,
            p.RegencyCode, p.PostalCode, p.Phone, p.Email, p.BillingEmail, p.TerritoryCodes, p.PaymentTermDays, p.CreditLimit, p.OverdueLimit,
            p.CommissionRatePercent, p.IsActive);
        var contacts = p.Contacts.OrderBy(c => c.Name).Select(c => new PartnerContactInput(c.Id, c.Name, c.Position, c.Phone, c.Email)).ToList();
        var subPartners = await db.Partners.CountAsync(x => x.ParentId == p.Id, ct);
        var warehouses = await db.Warehouses.CountAsync(w => w.OwnerPartnerId == p.Id, ct);
        var users = await db.Users.CountAsync(u => u.PartnerId == p.Id, ct);
        return Result<PartnerView>.Ok(new PartnerView(p.Id, details, parent, contacts, subPartners, warehouses, users));
    }
}
