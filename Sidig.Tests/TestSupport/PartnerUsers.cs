using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Seeding;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Partner users bound to a partner. Each gets a fresh e-mail, the demo password (so tests and browsers sign in as
/// usual) and the given partner role.
/// </summary>
public static class PartnerUsers
{
    /// <returns>the new user's e-mail</returns>
    public static Task<string> CreateAsync(SidigAppFactory app, Guid partnerId, string role = Roles.DistributorUser, string tenant = "demo") =>
        CreateAsync(app, (Guid?)partnerId, role, tenant);

    /// <summary>A user in a partner role that no partner has been linked to (yet): it must see nothing.</summary>
    public static Task<string> CreateUnlinkedAsync(SidigAppFactory app, string role = Roles.DistributorUser, string tenant = "demo") =>
        CreateAsync(app, null, role, tenant);

    private static Task<string> CreateAsync(SidigAppFactory app, Guid? partnerId, string role, string tenant) =>
        app.InTenant(tenant, async sp =>
        {
            if (!Roles.IsPartnerRole(role)) throw new ArgumentException($"{role} is not a partner role", nameof(role));
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var email = $"{Builders.Unique("partner").ToLowerInvariant()}@{tenant}.test";
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Mitra " + email[..12], PartnerId = partnerId,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Check(await users.CreateAsync(user, sp.GetRequiredService<IOptions<DemoSeedOptions>>().Value.Password));
            Check(await users.AddToRoleAsync(user, role));
            return email;
        });

    /// <summary>The same as <see cref="CreateAsync"/>, as an extension of the app.</summary>
    public static Task<string> CreatePartnerUser(this SidigAppFactory app, Guid partnerId, string role = Roles.DistributorUser, string tenant = "demo") =>
        CreateAsync(app, partnerId, role, tenant);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
