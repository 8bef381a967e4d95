using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Account;

public enum AccountLinkKind { Invitation, PasswordReset }

/// <summary>A one-time link that lets a user set their password (invitation or reset), e-mailed in <see cref="Language"/>
/// (the user's; null = the tenant's).</summary>
public sealed record AccountLink(AccountLinkKind Kind, Guid UserId, string Email, string Url, string? Language = null);

/// <summary>Delivers account links to their user.</summary>
public interface IAccountLinkSender
{
    /// <summary>
    /// Queues the e-mail with the link in the outbox of <paramref name="db"/>'s tenant and saves <paramref name="db"/>:
    /// call it inside the transaction of the change that made the link, so both are written or neither.
    /// </summary>
    Task SendAsync(AccountLink link, SidigDbContext db, CancellationToken ct = default);
}

/// <summary>
/// Account links go out as e-mail through the outbox (ADR 0007). The key is per user, kind and link
/// (<c>invitation:{user}:{hash of the link}</c>): the same link is never queued twice, a re-invite (a new token) is a new message.
/// </summary>
public sealed class OutboxAccountLinkSender(Sidig.Infrastructure.Notifications.Outbox outbox, TenantContext tenantContext, TimeProvider clock,
    IOptions<DataProtectionTokenProviderOptions> tokens) : IAccountLinkSender
{
    public async Task SendAsync(AccountLink link, SidigDbContext db, CancellationToken ct = default)
    {
        var tenant = tenantContext.Tenant;
        var text = AccountEmailTexts.Build(link.Kind, link.Language ?? tenant.Language, tenant.DisplayName, link.Url, tokens.Value.TokenLifespan);
        var kind = link.Kind == AccountLinkKind.Invitation ? "Invitation" : "PasswordReset";
        var message = OutboxMessage.Email(kind, DedupKey(link), link.Email, text.Subject, text.Body, null, clock.GetUtcNow());
        await outbox.EnqueueAsync(db, message, ct);
        await outbox.SaveChangesAsync(db, ct);
    }

    public static string DedupKey(AccountLink link)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link.Url)))[..24];
        return $"{(link.Kind == AccountLinkKind.Invitation ? "invitation" : "password-reset")}:{link.UserId}:{hash}";
    }
}

/// <summary>The invitation and password-reset e-mails in Indonesian (id-ID, the default) or English (en-US).</summary>
public static class AccountEmailTexts
{
    public static EmailText Build(AccountLinkKind kind, string language, string tenantName, string url, TimeSpan lifetime)
    {
        var days = Math.Max(1, (int)Math.Round(lifetime.TotalDays));
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        return (kind, english) switch
        {
            (AccountLinkKind.Invitation, true) => new($"You are invited to {tenantName} on Sidig", $"""
                Hello,

                You have been invited to {tenantName} on Sidig. Open this link to choose your password and sign in:
                {url}

                The link works once and for {days} days. If you did not expect this invitation, you can ignore this e-mail.
                """),
            (AccountLinkKind.Invitation, false) => new($"Undangan bergabung dengan {tenantName} di Sidig", $"""
                Halo,

                Anda diundang bergabung dengan {tenantName} di Sidig. Buka tautan ini untuk membuat kata sandi dan masuk:
                {url}

                Tautan ini hanya berlaku sekali dan selama {days} hari. Jika Anda tidak merasa diundang, abaikan e-mail ini.
                """),
            (_, true) => new($"Reset your Sidig password ({tenantName})", $"""
                Hello,

                Someone asked to reset the password of your account at {tenantName} on Sidig. Open this link to choose a new password:
                {url}

                The link works once and for {days} days. If you did not ask for this, ignore this e-mail: your password stays as it is.
                """),
            _ => new($"Atur ulang kata sandi Sidig ({tenantName})", $"""
                Halo,

                Ada permintaan untuk mengatur ulang kata sandi akun Anda di {tenantName} pada Sidig. Buka tautan ini untuk membuat kata sandi baru:
                {url}

                Tautan ini hanya berlaku sekali dan selama {days} hari. Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.
                """),
        };
    }
}

/// <summary>
/// Builds the absolute links of the account pages. The origin comes from the page (the browser's address), and
/// is used only when its host is the current tenant's own host, so a forged Host header or circuit start cannot
/// make Sidig hand out a link to another site or another tenant.
/// </summary>
public sealed class AccountLinkFactory(TenantContext tenantContext, IOptions<TenancyOptions> tenancy)
{
    public const string AcceptInvitePath = "/account/accept-invite";
    public const string ResetPasswordPath = "/account/reset-password";

    /// <summary>Whether links may point to <paramref name="origin"/>: http(s) on the current tenant's (or the platform's) own host.</summary>
    public bool IsOwnOrigin(string origin) => OwnOrigin(origin) is not null;

    /// <summary>The absolute link, or null when <paramref name="origin"/> is not this tenant's host.</summary>
    public string? Create(string origin, string path, Guid userId, string token) =>
        OwnOrigin(origin) is { } own ? new Uri(own, $"{path}?u={userId}&t={EncodeToken(token)}").AbsoluteUri : null;

    private Uri? OwnOrigin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var (kind, slug) = HostParser.Parse(uri.Authority, tenancy.Value.BaseDomain);
        var tenant = tenantContext.Tenant;
        var ours = tenant.IsPlatform ? kind == HostKind.Platform : kind == HostKind.Tenant && slug == tenant.Slug;
        return ours ? new Uri(uri.GetLeftPart(UriPartial.Authority)) : null;
    }

    /// <summary>
    /// Identity's tokens are base64 ('+', '/', '='): the link carries them URL-escaped, the same format as the
    /// first-admin invitation made when a tenant is onboarded.
    /// </summary>
    public static string EncodeToken(string token) => Uri.EscapeDataString(token);
}
