using Sidig.Domain.Common;
using Sidig.Web.Features.Users;

namespace Sidig.Web.Features.Account;

/// <summary>
/// Sets the password from an invitation or reset link. Accepting also confirms the e-mail (the link reached it),
/// ends the pending invitation and lifts a lockout. The link works once: the new security stamp invalidates it.
/// </summary>
public sealed record SetPasswordWithLink(string? UserId, string? Token, string Password, string ConfirmPassword);

public sealed class SetPasswordWithLinkHandler(UserAdminScope scope)
{
    public const string PasswordField = nameof(SetPasswordWithLink.Password);

    public Task<Result> HandleAsync(SetPasswordWithLink command, CancellationToken ct = default) => scope.RunAsync(async work =>
    {
        var (user, token) = await PasswordLinks.FindAsync(work.Users, command.UserId, command.Token);
        if (user is null || !await PasswordLinks.IsValidAsync(work.Users, user, token!)) return Result.Fail(PasswordLinks.Invalid);
        if (command.Password != command.ConfirmPassword)
            return Result.Fail("Account.PasswordsDiffer", nameof(SetPasswordWithLink.ConfirmPassword));

        await using var tx = await work.Db.Database.BeginTransactionAsync(ct);
        var result = await work.Users.ResetPasswordAsync(user, token!, command.Password); // validates the password rules
        if (!result.Succeeded)
        {
            var errors = IdentityErrors.ToErrors(result, work.Users.Options.Password, PasswordField);
            return errors.Any(e => e.Code == "Identity.InvalidToken") ? Result.Fail(PasswordLinks.Invalid) : Result.Fail(errors);
        }
        user.EmailConfirmed = true;
        user.InvitedAt = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        result = await work.Users.UpdateAsync(user);
        if (!result.Succeeded) return Result.Fail(IdentityErrors.ToErrors(result, work.Users.Options.Password));
        await tx.CommitAsync(ct);
        return Result.Ok();
    });
}
