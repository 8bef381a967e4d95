using Microsoft.AspNetCore.Identity;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;

namespace Sidig.Web.Features.Account;

/// <summary>
/// Whether an invitation or reset link (user id + token from the query string) can still set a password; gives
/// the user's e-mail to show on the page. Anonymous: the token is the permission.
/// </summary>
public sealed record CheckPasswordLink(string? UserId, string? Token);

public sealed class CheckPasswordLinkHandler(UserManager<AppUser> users)
{
    public async Task<Result<string>> HandleAsync(CheckPasswordLink query)
    {
        var (user, token) = await PasswordLinks.FindAsync(users, query.UserId, query.Token);
        return user is null || !await PasswordLinks.IsValidAsync(users, user, token!)
            ? Result<string>.Fail(PasswordLinks.Invalid)
            : Result<string>.Ok(user.Email ?? "");
    }
}

internal static class PasswordLinks
{
    public const string Invalid = "Account.LinkInvalid";

    /// <summary>The active user of this tenant the link names, and its decoded token; (null, null) for anything else.</summary>
    /// <param name="token">The query string's <c>t</c>, already URL-decoded.</param>
    public static async Task<(AppUser? User, string? Token)> FindAsync(UserManager<AppUser> users, string? userId, string? token)
    {
        if (string.IsNullOrEmpty(token) || !Guid.TryParse(userId, out var id)) return (null, null);
        var user = await users.FindByIdAsync(id.ToString()); // the tenant filter: a link of another tenant finds nobody
        return user is { IsActive: true } ? (user, token) : (null, null);
    }

    /// <summary>The token is bound to the user's security stamp, so a used, re-issued or withdrawn link fails here.</summary>
    public static Task<bool> IsValidAsync(UserManager<AppUser> users, AppUser user, string token) =>
        users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
}
