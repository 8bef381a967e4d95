using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Web.Features.Account;
using Sidig.Web.Features.Partners;
using Sidig.Web.Hosting;

namespace Sidig.Web.Features.Users;

/// <summary>
/// Invites a person to the tenant: the user is created without a password and gets a one-time link. A partner user
/// (DistributorUser, AgentUser) is bound to <see cref="PartnerId"/>, a partner of a fitting type.
/// </summary>
public sealed record InviteUser(string Email, string DisplayName, IReadOnlyList<string> Roles, string Language, Guid? PartnerId = null);

/// <summary>The one-time link to set a password, shown to the admin and sent to the user.</summary>
public sealed record Invitation(Guid UserId, string Email, string Link);

/// <summary>Input shape of an invitation; used by the invite form and again by the handler.</summary>
public static class InviteUserValidator
{
    public const int DisplayNameMaxLength = 200;

    public static IReadOnlyList<string> Languages => WebSetup.Cultures.Select(c => c.Name).ToList();

    public static IReadOnlyList<Error> Check(InviteUser command)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(command.Email)) errors.Add(new Error("User.EmailRequired", nameof(InviteUser.Email)));
        else if (EmailAddress.Normalize(command.Email) is null) errors.Add(new Error("Validation.EmailInvalid", nameof(InviteUser.Email)));
        if (string.IsNullOrWhiteSpace(command.DisplayName)) errors.Add(new Error("User.NameRequired", nameof(InviteUser.DisplayName)));
        else if (command.DisplayName.Trim().Length > DisplayNameMaxLength) errors.Add(new Error("Validation.TooLong", nameof(InviteUser.DisplayName)));
        var roles = UserAccessRules.CheckRoles(command.Roles);
        errors.AddRange(roles);
        if (roles.Count == 0) errors.AddRange(PartnerUserRules.Check(command.Roles, command.PartnerId));
        if (!Languages.Contains(command.Language)) errors.Add(new Error("Tenant.LanguageInvalid", nameof(InviteUser.Language)));
        return errors;
    }
}

public sealed class InviteUserHandler(
    Permissions permissions, UserAdminScope scope, AccountLinkFactory links, IAccountLinkSender sender, TimeProvider clock)
{
    /// <param name="origin">The address the admin works on (e.g. https://acme.sidig.id/); the link points there.</param>
    public async Task<Result<Invitation>> HandleAsync(InviteUser command, string origin, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUsers)) return Result<Invitation>.Fail("Access.Denied");
        var errors = InviteUserValidator.Check(command);
        if (errors.Count > 0) return Result<Invitation>.Fail(errors);
        if (!links.IsOwnOrigin(origin)) return Result<Invitation>.Fail("Account.LinkHostInvalid");
        var email = EmailAddress.Normalize(command.Email)!;

        var invitation = await scope.RunAsync(async work =>
        {
            // The user store sees only this tenant: the same address may belong to a user of another tenant.
            if (await work.Users.FindByEmailAsync(email) is not null) return Result<Invitation>.Fail("User.EmailTaken", nameof(InviteUser.Email));
            // A partner role needs an active partner of this tenant whose type fits the role.
            var partner = await PartnerUserRules.ResolveAsync(work.Db, command.Roles, command.PartnerId, ct);
            if (!partner.Succeeded) return Result<Invitation>.Fail(partner.Errors);
            var now = clock.GetUtcNow();
            var user = new AppUser
            {
                UserName = email, Email = email, DisplayName = command.DisplayName.Trim(), Language = command.Language,
                CreatedAt = now, InvitedAt = now, PartnerId = partner.Value,
            };
            await using var tx = await work.Db.Database.BeginTransactionAsync(ct);
            IdentityResult created;
            try
            {
                created = await work.Users.CreateAsync(user);
            }
            catch (DbUpdateException)
            {
                return Result<Invitation>.Fail("User.EmailTaken", nameof(InviteUser.Email)); // invited at the same moment by someone else
            }
            if (created.Succeeded) created = await work.Users.AddToRolesAsync(user, command.Roles.Distinct());
            if (!created.Succeeded) return Result<Invitation>.Fail(IdentityErrors.ToErrors(created, work.Users.Options.Password));
            var token = await work.Users.GeneratePasswordResetTokenAsync(user);
            var link = links.Create(origin, AccountLinkFactory.AcceptInvitePath, user.Id, token)!;
            // The e-mail is queued in the same transaction: the invited user and their message are written together.
            await sender.SendAsync(new AccountLink(AccountLinkKind.Invitation, user.Id, email, link, user.Language), work.Db, ct);
            await tx.CommitAsync(ct);
            return Result<Invitation>.Ok(new Invitation(user.Id, email, link));
        });
        return invitation;
    }
}
