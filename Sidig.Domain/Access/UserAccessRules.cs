using Sidig.Domain.Common;

namespace Sidig.Domain.Access;

/// <summary>What the rules need to know about the user an admin is changing.</summary>
/// <param name="IsActingUser">The admin is changing their own account.</param>
/// <param name="IsAdmin">The user holds <see cref="Roles.PrincipalAdmin"/> now.</param>
/// <param name="IsActive">The user can sign in now (active and not a pending invitation).</param>
/// <param name="OtherActiveAdmins">Active principal admins of the tenant other than this user.</param>
public sealed record AdminSituation(bool IsActingUser, bool IsAdmin, bool IsActive, int OtherActiveAdmins)
{
    /// <summary>Taking admin rights from this user would leave the tenant without an active admin.</summary>
    public bool IsLastActiveAdmin => IsAdmin && IsActive && OtherActiveAdmins == 0;
}

/// <summary>
/// Rules for giving and taking access inside a tenant: every user has at least one tenant role, nobody locks
/// themself out, and a tenant always keeps at least one active principal admin.
/// </summary>
public static class UserAccessRules
{
    public const string RolesField = "Roles";

    /// <summary>Input shape of a role set: at least one role, and only roles a principal admin may give.</summary>
    public static IReadOnlyList<Error> CheckRoles(IEnumerable<string>? roles)
    {
        var list = roles?.ToList() ?? [];
        if (list.Count == 0) return [new Error("User.RoleRequired", RolesField)];
        if (list.Any(r => !Roles.Tenant.Contains(r))) return [new Error("User.RoleInvalid", RolesField)];
        return [];
    }

    public static void EnsureRolesChangeAllowed(AdminSituation user, IReadOnlyCollection<string> newRoles)
    {
        if (CheckRoles(newRoles) is [var first, ..]) throw new DomainException(first.Code);
        if (!user.IsAdmin || newRoles.Contains(Roles.PrincipalAdmin)) return;
        if (user.IsActingUser) throw new DomainException("User.CannotDemoteSelf");
        if (user.IsLastActiveAdmin) throw new DomainException("User.LastAdmin");
    }

    public static void EnsureDeactivationAllowed(AdminSituation user)
    {
        if (user.IsActingUser) throw new DomainException("User.CannotDeactivateSelf");
        if (user.IsLastActiveAdmin) throw new DomainException("User.LastAdmin");
    }
}
