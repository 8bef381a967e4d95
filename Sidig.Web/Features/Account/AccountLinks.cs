using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Account;

public enum AccountLinkKind { Invitation, PasswordReset }

/// <summary>A one-time link that lets a user set their password (invitation or reset).</summary>
public sealed record AccountLink(AccountLinkKind Kind, Guid UserId, string Email, string Url);

/// <summary>Delivers account links to their user. E-mail delivery comes with the notifications module.</summary>
public interface IAccountLinkSender
{
    Task SendAsync(AccountLink link, CancellationToken ct = default);
}

/// <summary>Until e-mail exists, links are written to the log, where an operator can pass them on.</summary>
public sealed class LoggingAccountLinkSender(ILogger<LoggingAccountLinkSender> logger, TenantContext tenantContext) : IAccountLinkSender
{
    public Task SendAsync(AccountLink link, CancellationToken ct = default)
    {
        logger.LogInformation("{Kind} link for {Email} (tenant {Tenant}): {Url}",
            link.Kind, link.Email, tenantContext.Tenant.IsPlatform ? "platform" : tenantContext.Tenant.Slug, link.Url);
        return Task.CompletedTask;
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
