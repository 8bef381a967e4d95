using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Web.Features.Account;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Users;

/// <summary>
/// Stops a user from signing in (or withdraws a pending invitation). The security stamp changes, so open
/// sessions and earlier invitation or reset links stop working.
/// </summary>
public sealed record DeactivateUser(Guid UserId);

public sealed class DeactivateUserHandler(Permissions permissions, UserAdminScope scope)
{
    public async Task<Result> HandleAsync(DeactivateUser command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers)) return Result.Fail("Access.Denied");
        var me = UserClaims.UserId(await permissions.UserAsync());

        return await scope.RunAsync(async work =>
        {
            try
            {
                await using var tx = await AdminSituations.BeginCheckedAsync(work, ct);
                var user = await work.Users.FindByIdAsync(command.UserId.ToString());
                if (user is null) return Result.Fail("User.NotFound");
                if (!user.IsActive) return Result.Ok();
                UserAccessRules.EnsureDeactivationAllowed(await AdminSituations.ForAsync(work, user, me));
                user.IsActive = false;
                var saved = await work.Users.UpdateSecurityStampAsync(user);
                if (!saved.Succeeded) return Result.Fail(IdentityErrors.ToErrors(saved, work.Users.Options.Password));
                await tx.CommitAsync(ct);
                return Result.Ok();
            }
            catch (DomainException e)
            {
                return Result.Fail(e.Code);
            }
            catch (Exception e) when (AdminSituations.IsSerializationFailure(e))
            {
                return Result.Fail("Identity.ConcurrencyFailure");
            }
        });
    }
}
