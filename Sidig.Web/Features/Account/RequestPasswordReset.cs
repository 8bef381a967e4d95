using Microsoft.AspNetCore.Identity;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Account;

/// <summary>
/// "Forgot password": e-mails a reset link (through the outbox) to an active user of this tenant with that e-mail. Always succeeds, so the
/// answer never tells whether an account exists.
/// </summary>
public sealed record RequestPasswordReset(string Email);

public sealed class RequestPasswordResetHandler(
    UserManager<AppUser> users, SidigDbContext db, AccountLinkFactory links, IAccountLinkSender sender, ILogger<RequestPasswordResetHandler> logger)
{
    /// <param name="origin">The address the request came to; the link points there when it is this tenant's host.</param>
    public async Task<Result> HandleAsync(RequestPasswordReset command, string origin, CancellationToken ct = default)
    {
        var email = EmailAddress.Normalize(command.Email);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is not { IsActive: true }) return Result.Ok();

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.Create(origin, AccountLinkFactory.ResetPasswordPath, user.Id, token);
        if (link is null)
        {
            logger.LogWarning("Password reset requested through a foreign origin {Origin}; no link was made", origin);
            return Result.Ok();
        }
        await sender.SendAsync(new AccountLink(AccountLinkKind.PasswordReset, user.Id, user.Email ?? email!, link, user.Language), db, ct);
        return Result.Ok();
    }
}
