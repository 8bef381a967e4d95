using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Identity;

namespace Sidig.Web.Features.Users;

public static class AdminSituations
{
    /// <summary>The facts <see cref="UserAccessRules"/> needs about <paramref name="user"/>, read inside the caller's transaction.</summary>
    public static async Task<AdminSituation> ForAsync(UserAdminWork work, AppUser user, Guid? actingUserId)
    {
        var admins = await work.Users.GetUsersInRoleAsync(Roles.PrincipalAdmin); // this tenant's admins only
        return new AdminSituation(
            IsActingUser: user.Id == actingUserId,
            IsAdmin: admins.Any(a => a.Id == user.Id),
            IsActive: CanSignIn(user),
            OtherActiveAdmins: admins.Count(a => a.Id != user.Id && CanSignIn(a)));
    }

    private static bool CanSignIn(AppUser user) => user.IsActive && user.InvitedAt is null;

    /// <summary>
    /// Serializable, so two admins taking admin rights from each other at the same moment cannot both pass the
    /// last-admin check: one of them fails with <see cref="IsSerializationFailure"/>.
    /// </summary>
    public static Task<IDbContextTransaction> BeginCheckedAsync(UserAdminWork work, CancellationToken ct) =>
        work.Db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);

    public static bool IsSerializationFailure(Exception e) =>
        e is DbException { SqlState: "40001" } || e.InnerException is { } inner && IsSerializationFailure(inner);
}
