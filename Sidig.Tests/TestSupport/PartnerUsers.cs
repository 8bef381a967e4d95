using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Identity;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Partner users bound to a partner (the seeded distributor@/agent@ users are not). Each call makes a new user with the
/// demo password, so it can also sign in over HTTP (<see cref="SidigClient.SignedInAs"/>).
/// </summary>
public static class PartnerUsers
{
    /// <summary>Creates a user of <paramref name="tenant"/> bound to <paramref name="partnerId"/> in <paramref name="role"/>; returns its e-mail.</summary>
    public static Task<string> CreatePartnerUser(this SidigAppFactory app, Guid partnerId, string role = Roles.DistributorUser, string tenant = "demo") =>
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
            var created = await users.CreateAsync(user, SidigClient.DemoPassword);
            if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            return email;
        });
}
