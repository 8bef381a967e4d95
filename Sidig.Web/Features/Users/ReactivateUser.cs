using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Web.Features.Account;

namespace Sidig.Web.Features.Users;

/// <summary>Lets a deactivated user sign in again with their existing password. Invited users get a new invitation instead.</summary>
public sealed record ReactivateUser(Guid UserId);

public sealed class ReactivateUserHandler(Permissions permissions, UserAdminScope scope)
{
    public async Task<Result> HandleAsync(ReactivateUser command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers)) return Result.Fail("Access.Denied");
        return await scope.RunAsync(async work =>
        {
            var user = await work.Users.FindByIdAsync(command.UserId.ToString());
            if (user is null) return Result.Fail("User.NotFound");
            if (user.InvitedAt is not null) return Result.Fail("User.ReinviteInstead");
            if (user.IsActive) return Result.Ok();
            user.IsActive = true;
            var saved = await work.Users.UpdateAsync(user);
            return saved.Succeeded ? Result.Ok() : Result.Fail(IdentityErrors.ToErrors(saved, work.Users.Options.Password));
        });
    }
}
