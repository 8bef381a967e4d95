using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Domain.Integration;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Api;

/// <summary>
/// The "ApiKey" authentication scheme of <c>/api/v1</c>: <c>Authorization: Bearer sdg_…</c> or <c>X-Api-Key: sdg_…</c>,
/// looked up by its SHA-256 hash within the tenant of the host (the tenant filter), so another tenant's key is simply
/// unknown here. It is never the default scheme: only the API's policy asks for it, so a key opens no Blazor page, and
/// the API ignores the sign-in cookie (no cross-site request can use a browser's session).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TenantContext tenantContext, IDbContextFactory<SidigDbContext> factory, TimeProvider clock, CurrentUser currentUser)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    /// <summary>The key's id on the principal: rate limiting and idempotency records are per key.</summary>
    public const string KeyIdClaim = "sidig:api-key";
    /// <summary>How often "last used" is written at most; a busy integration does not write on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = SecretOf(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        if (!tenantContext.IsSet || tenantContext.Tenant.IsPlatform || !secret.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Unknown API key.");

        var hash = ApiKey.HashOf(secret);
        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash) // the tenant filter: this host's keys only
            .Select(k => new { k.Id, k.Name, k.RevokedAt, k.LastUsedAt }).FirstOrDefaultAsync(Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown API key.");
        if (key.RevokedAt is not null) return AuthenticateResult.Fail("Revoked API key.");

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
            // Not through SaveChanges: a use is not an audited change of the key.
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);

        var actor = AuditName(key.Name);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, actor),
            new Claim(KeyIdClaim, key.Id.ToString()),
            new Claim(SidigClaims.TenantId, tenantContext.TenantId.ToString()),
            new Claim(ClaimTypes.Role, Roles.ApiClient),
        ], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        currentUser.Set(null, actor); // the audit trail names the key, not whoever's cookie came along
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Api.Unauthorized");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Api.Forbidden");

    public static string AuditName(string keyName) => "api:" + keyName;

    public static Guid? KeyId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(KeyIdClaim), CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? SecretOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization["Bearer ".Length..].Trim();
        var header = request.Headers[HeaderName].ToString().Trim();
        return header.Length > 0 ? header : null;
    }
}
