using Microsoft.AspNetCore.Identity;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Account;

/// <summary>Turns Identity's errors into resource keys (<c>Identity.&lt;Code&gt;</c>) so they show in the user's language.</summary>
public static class IdentityErrors
{
    public static IReadOnlyList<Error> ToErrors(IdentityResult result, PasswordOptions password, string? field = null) =>
        result.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => new Error("Identity.PasswordTooShort", field, password.RequiredLength),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) =>
                    new Error("Identity.PasswordRequiresUniqueChars", field, password.RequiredUniqueChars),
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                    new Error("User.EmailTaken", "Email"),
                _ => new Error("Identity." + e.Code, field),
            })
            .DistinctBy(e => e.Code)
            .ToList();
}
