using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;

namespace Sidig.Infrastructure.Identity;

/// <summary>Adds the user's tenant (checked against the host on every request and circuit), partner and language.</summary>
public sealed class SidigClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SidigClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.PartnerId is { } partner) identity.AddClaim(new Claim(SidigClaims.PartnerId, partner.ToString()));
        if (user.Language is { } language) identity.AddClaim(new Claim(SidigClaims.Language, language));
        return identity;
    }
}
