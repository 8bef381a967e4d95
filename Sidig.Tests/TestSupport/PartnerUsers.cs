using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Seeding;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Partner users bound to a partner company (AppUser.PartnerId), which the seeded distributor@/agent@ users are not.
/// They sign in with the demo password, so both handler tests (<c>app.Handle</c>) and HTTP tests can use them.
/// </summary>
public static class PartnerUsers
{
    /// <returns>the new user's e-mail</returns>
    public static Task<string> CreateAsync(SidigAppFactory app, Guid partnerId, string role = Roles.DistributorUser, string tenant = "demo") =>
        app.InTenant(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var password = sp.GetRequiredService<IOptions<DemoSeedOptions>>().Value.Password;
            var email = $"partner-{Guid.NewGuid().ToString("N")[..10]}@{tenant}.test";
            var user = new AppUser
            {
                UserName = email, Email = email, DisplayName = "Mitra " + email[8..18], PartnerId = partnerId, CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            return email;
        });
}
