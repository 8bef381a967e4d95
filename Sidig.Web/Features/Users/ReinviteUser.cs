using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Web.Features.Account;

namespace Sidig.Web.Features.Users;

/// <summary>A new invitation for a user who has not accepted yet (pending or expired). The old link stops working.</summary>
public sealed record ReinviteUser(Guid UserId);

public sealed class ReinviteUserHandler(
    Permissions permissions, UserAdminScope scope, AccountLinkFactory links, IAccountLinkSender sender, TimeProvider clock)
{
    public async Task<Result<Invitation>> HandleAsync(ReinviteUser command, string origin, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers)) return Result<Invitation>.Fail("Access.Denied");
        if (!links.IsOwnOrigin(origin)) return Result<Invitation>.Fail("Account.LinkHostInvalid");

        var invitation = await scope.RunAsync(async work =>
        {
            var user = await work.Users.FindByIdAsync(command.UserId.ToString());
            if (user is null) return Result<Invitation>.Fail("User.NotFound");
            if (user.InvitedAt is null) return Result<Invitation>.Fail("User.NotInvited");
            user.IsActive = true;
            user.InvitedAt = clock.GetUtcNow();
            await using var tx = await work.Db.Database.BeginTransactionAsync(ct);
            var saved = await work.Users.UpdateSecurityStampAsync(user); // saves, and invalidates every earlier link
            if (!saved.Succeeded) return Result<Invitation>.Fail(IdentityErrors.ToErrors(saved, work.Users.Options.Password));
            var token = await work.Users.GeneratePasswordResetTokenAsync(user);
            var link = links.Create(origin, AccountLinkFactory.AcceptInvitePath, user.Id, token)!;
            // A new token, so a new key: the re-invitation is a new message, queued with the change that made it.
            await sender.SendAsync(new AccountLink(AccountLinkKind.Invitation, user.Id, user.Email ?? "", link, user.Language), work.Db, ct);
            await tx.CommitAsync(ct);
            return Result<Invitation>.Ok(new Invitation(user.Id, user.Email ?? "", link));
        });
        return invitation;
    }
}
