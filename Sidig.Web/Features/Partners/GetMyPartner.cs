using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Partners;

/// <summary>The signed-in partner user's own company, for the partner portal.</summary>
public sealed record GetMyPartner;

/// <param name="SubPartners">the partners below it the user may see (a distributor's, when the tenant allows it); else empty</param>
public sealed record MyPartnerView(
    Guid Id, string Code, string LegalName, PartnerType Type, string? ParentName, IReadOnlyList<PartnerOption> SubPartners);

public sealed class GetMyPartnerHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<MyPartnerView>> HandleAsync(GetMyPartner query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PartnerPortal)) return Result<MyPartnerView>.Fail("Access.Denied");
        var own = await scope.OwnPartnerAsync(ct);
        var visible = await scope.VisibleAsync(ct);
        // Not bound, or bound to a partner that is gone or inactive: nothing to show.
        if (own is not { } ownId || visible is null || !visible.Contains(ownId)) return Result<MyPartnerView>.Fail("Partner.NotBound");

        await using var db = await factory.CreateDbContextAsync(ct);
        var me = await db.Partners.AsNoTracking().Where(p => p.Id == ownId)
            .Select(p => new
            {
                p.Id, p.Code, p.LegalName, p.Type,
                ParentName = db.Partners.Where(x => x.Id == p.ParentId).Select(x => x.LegalName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (me is null) return Result<MyPartnerView>.Fail("Partner.NotBound");
        var others = visible.Where(id => id != ownId).ToList();
        var subPartners = others.Count == 0 ? [] : await db.Partners.AsNoTracking().Where(p => others.Contains(p.Id))
            .OrderBy(p => p.Code).Select(p => new PartnerOption(p.Id, p.Code, p.LegalName, p.Type)).ToListAsync(ct);
        return Result<MyPartnerView>.Ok(new MyPartnerView(me.Id, me.Code, me.LegalName, me.Type, me.ParentName, subPartners));
    }
}
