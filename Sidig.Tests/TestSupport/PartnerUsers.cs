using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Seeding;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Partner users bound to a partner, ready to sign in with the demo password (the seeded distributor@/agent@ users
/// are not bound to any partner). Each call creates a new user with a unique address.
/// </summary>
public static class PartnerUsers
{
    /// <summary>Creates an active, confirmed user with <paramref name="role"/> bound to <paramref name="partnerId"/>; returns its e-mail.</summary>
    public static Task<string> CreateAsync(SidigAppFactory app, Guid partnerId, string role = Roles.DistributorUser, string tenant = "demo") =>
        app.InTenant(tenant, async sp =>
        {
            var email = $"{Builders.Unique("mitra").ToLowerInvariant()}@{tenant}.test";
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pengguna " + role,
                CreatedAt = DateTimeOffset.UtcNow, PartnerId = partnerId,
            };
            Check(await users.CreateAsync(user, sp.GetRequiredService<IOptions<DemoSeedOptions>>().Value.Password));
            Check(await users.AddToRoleAsync(user, role));
            return email;
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
