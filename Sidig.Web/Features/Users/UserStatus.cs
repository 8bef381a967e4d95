using System.Linq.Expressions;
using Sidig.Infrastructure.Identity;

namespace Sidig.Web.Features.Users;

/// <summary>What the users list shows about an account.</summary>
public enum UserStatus
{
    /// <summary>Can sign in.</summary>
    Active,
    /// <summary>Deactivated by an admin: cannot sign in.</summary>
    Inactive,
    /// <summary>Invited, the link is still valid, no password yet.</summary>
    Invited,
    /// <summary>Invited but the link expired (or the invitation was withdrawn): needs a new invitation.</summary>
    InvitationExpired,
}

public static class UserStatuses
{
    /// <summary>
    /// Accepting an invitation clears <see cref="AppUser.InvitedAt"/>, so a set InvitedAt means a pending
    /// invitation; it is expired once older than the token lifespan (<paramref name="invitedAfter"/> is now minus
    /// that lifespan) or when the user was deactivated (by an admin or by the expiry job).
    /// </summary>
    public static Expression<Func<AppUser, bool>> Is(UserStatus status, DateTimeOffset invitedAfter) => status switch
    {
        UserStatus.Active => u => u.InvitedAt == null && u.IsActive,
        UserStatus.Inactive => u => u.InvitedAt == null && !u.IsActive,
        UserStatus.Invited => u => u.InvitedAt != null && u.IsActive && u.InvitedAt >= invitedAfter,
        _ => u => u.InvitedAt != null && (!u.IsActive || u.InvitedAt < invitedAfter),
    };

    public static UserStatus Of(bool isActive, DateTimeOffset? invitedAt, DateTimeOffset invitedAfter) =>
        invitedAt is null ? isActive ? UserStatus.Active : UserStatus.Inactive
        : isActive && invitedAt >= invitedAfter ? UserStatus.Invited : UserStatus.InvitationExpired;
}
