using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Partners;

/// <summary>
/// Which partner a partner user (DistributorUser, AgentUser) belongs to. A partner role stands alone (a partner
/// user is never also principal staff) and needs a partner of a fitting type: distributor users work for a
/// distributor or a dealer, agent users for an agent. Staff users are bound to no partner.
/// </summary>
public static class PartnerUserRules
{
    public const string PartnerField = "PartnerId";

    /// <summary>The partner types a user with <paramref name="role"/> may belong to (empty for staff roles).</summary>
    public static IReadOnlyList<PartnerType> TypesFor(string role) => role switch
    {
        Roles.DistributorUser => [PartnerType.Distributor, PartnerType.Dealer],
        Roles.AgentUser => [PartnerType.Agent],
        _ => [],
    };

    /// <summary>The partner types fitting a role set: null when it holds no partner role.</summary>
    public static IReadOnlyList<PartnerType>? TypesFor(IEnumerable<string> roles) =>
        roles.FirstOrDefault(Roles.IsPartnerRole) is { } role ? TypesFor(role) : null;

    /// <summary>Input shape: a partner role alone and with a partner chosen.</summary>
    public static IReadOnlyList<Error> Check(IReadOnlyCollection<string> roles, Guid? partnerId)
    {
        if (!roles.Any(Roles.IsPartnerRole)) return [];
        if (roles.Distinct().Count() > 1) return [new Error("User.PartnerRoleAlone", UserAccessRules.RolesField)];
        return partnerId is null ? [new Error("User.PartnerRequired", PartnerField)] : [];
    }

    /// <summary>
    /// The partner to store on the user: null for staff roles; for a partner role an active partner of this tenant
    /// (the tenant filter) whose type fits the role, else the problem.
    /// </summary>
    public static async Task<Result<Guid?>> ResolveAsync(SidigDbContext db, IReadOnlyCollection<string> roles, Guid? partnerId, CancellationToken ct)
    {
        var shape = Check(roles, partnerId);
        if (shape.Count > 0) return Result<Guid?>.Fail(shape);
        var types = TypesFor(roles);
        if (types is null) return Result<Guid?>.Ok(null);
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId)
            .Select(p => new { p.Type, p.IsActive }).FirstOrDefaultAsync(ct);
        if (partner is null || !partner.IsActive || !types.Contains(partner.Type))
            return Result<Guid?>.Fail("User.PartnerInvalid", PartnerField);
        return Result<Guid?>.Ok(partnerId);
    }
}
