using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Web.Features.Account;
using Sidig.Web.Features.Partners;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Users;

/// <summary>
/// Replaces a user's roles. At least one role; the tenant keeps an active admin; admins cannot demote themselves.
/// A partner role needs <see cref="PartnerId"/> (a partner of a fitting type); other roles clear the user's partner.
/// </summary>
public sealed record ChangeUserRoles(Guid UserId, IReadOnlyList<string> Roles, Guid? PartnerId = null);

public sealed class ChangeUserRolesHandler(Permissions permissions, UserAdminScope scope)
{
    public async Task<Result> HandleAsync(ChangeUserRoles command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers)) return Result.Fail("Access.Denied");
        var errors = UserAccessRules.CheckRoles(command.Roles);
        if (errors.Count == 0) errors = PartnerUserRules.Check(command.Roles, command.PartnerId);
        if (errors.Count > 0) return Result.Fail(errors);
        var me = UserClaims.UserId(await permissions.UserAsync());
        var wanted = command.Roles.Distinct().ToList();

        return await scope.RunAsync(async work =>
        {
            try
            {
                await using var tx = await AdminSituations.BeginCheckedAsync(work, ct);
                var user = await work.Users.FindByIdAsync(command.UserId.ToString());
                if (user is null) return Result.Fail("User.NotFound");
                UserAccessRules.EnsureRolesChangeAllowed(await AdminSituations.ForAsync(work, user, me), wanted);
                var partner = await PartnerUserRules.ResolveAsync(work.Db, wanted, command.PartnerId, ct);
                if (!partner.Succeeded) return Result.Fail(partner.Errors);
                var partnerChanged = user.PartnerId != partner.Value;
                user.PartnerId = partner.Value;

                var current = await work.Users.GetRolesAsync(user);
                var removed = current.Except(wanted).ToList();
                var result = await work.Users.RemoveFromRolesAsync(user, removed);
                if (result.Succeeded) result = await work.Users.AddToRolesAsync(user, wanted.Except(current));
                // Fewer rights (or another partner) take effect at once: open sessions of the user end and they sign in again.
                if (result.Succeeded && (removed.Count > 0 || partnerChanged)) result = await work.Users.UpdateSecurityStampAsync(user);
                if (!result.Succeeded) return Result.Fail(IdentityErrors.ToErrors(result, work.Users.Options.Password));
                await tx.CommitAsync(ct);
                return Result.Ok();
            }
            catch (DomainException e)
            {
                return Result.Fail(e.Code, UserAccessRules.RolesField);
            }
            catch (Exception e) when (AdminSituations.IsSerializationFailure(e))
            {
                return Result.Fail("Identity.ConcurrencyFailure");
            }
        });
    }
}
