using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Seeding;

public sealed class DemoSeedOptions
{
    public const string Section = "Sidig:DemoSeed";
    /// <summary>Password of every demo user. Demo data is for evaluation, never for production.</summary>
    public string Password { get; set; } = "Sidig-Demo-2026";
}

public sealed record DemoAccount(string Host, string Email, string Role, string? Partner = null);

/// <summary>
/// Demo data: a platform operator, tenant <c>demo</c> with one user per role and a company profile, and tenant
/// <c>other</c> to show isolation. Idempotent: every record is looked up by its natural key before it is created.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DemoSeedOptions> options, ILogger<DemoSeeder> logger)
{
    public const string PlatformOperatorEmail = "operator@sidig.test";

    public IReadOnlyList<DemoAccount> Accounts { get; private set; } = [];

    /// <summary>Per tenant, the public code of one demo unit (its scan page is printed at start).</summary>
    public IReadOnlyDictionary<string, string> ScanCodes { get; private set; } = new Dictionary<string, string>();

    public string Password => options.Value.Password;

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var accounts = new List<DemoAccount>();
        var scanCodes = new Dictionary<string, string>();
        await InScope(TenantInfo.Platform, async sp =>
        {
            await EnsureUser(sp, PlatformOperatorEmail, "Operator Platform", Roles.PlatformOperator);
            accounts.Add(new DemoAccount("", PlatformOperatorEmail, Roles.PlatformOperator));
        });

        foreach (var (slug, name, legal, npwp) in new[]
                 {
                     ("demo", "Demo Elektronik", "PT Demo Elektronik Nusantara", "0013456789012000"),
                     ("other", "Other Appliances", "PT Other Appliances Indonesia", "0029876543210000"),
                 })
        {
            var tenant = await EnsureTenant(slug, name, ct);
            await InScope(tenant, async sp =>
            {
                var db = sp.GetRequiredService<SidigDbContext>();
                if (!await db.CompanyProfiles.AnyAsync(ct))
                {
                    var profile = CompanyProfile.Create(legal);
                    profile.UpdateLegal(legal, npwp, null);
                    profile.UpdateContact("Jl. Jenderal Sudirman Kav. 52-53, Senayan", "31", "31.71", "12190",
                        "+62 21 5150 8888", $"info@{slug}.test", sp.GetRequiredService<Reference.IndonesianAreas>());
                    profile.AddBankAccount("Bank Central Asia", "5270123456", legal);
                    profile.AddBankAccount("Bank Mandiri", "1230004567891", legal);
                    db.CompanyProfiles.Add(profile);
                    await db.SaveChangesAsync(ct);
                }
                var full = slug == "demo";
                await new DemoBusinessSeed(sp, clock).SeedAsync(full, ct);
                if (full) await new DemoSalesSeed(sp, clock).SeedAsync(ct);
                // Every tenant's seeded serialised stock is backed by units (the demo also gets batches of its own).
                if (await new DemoUnitSeed(sp, clock).SeedAsync(full, ct) is { } scanCode && full) scanCodes[slug] = scanCode;
                if (full) await new DemoWarrantySeed(sp, clock).SeedAsync(ct);
                var partnerOf = new Dictionary<string, string>
                {
                    [Roles.DistributorUser] = DemoBusinessSeed.DistributorJakarta,
                    [Roles.AgentUser] = DemoBusinessSeed.AgentBandung,
                };
                foreach (var role in Roles.Tenant)
                {
                    var email = $"{RoleLocalPart(role)}@{slug}.test";
                    await EnsureUser(sp, email, $"{RoleDisplayName(role)} {name}", role);
                    var partner = partnerOf.GetValueOrDefault(role) is { } code ? await BindPartner(sp, email, code, ct) : null;
                    accounts.Add(new DemoAccount(slug, email, role, partner));
                }
                if (full)
                    foreach (var (email, display, code) in new[]
                             {
                                 ($"distributor.sby@{slug}.test", "Distributor Surya Timur", DemoBusinessSeed.DistributorSurabaya),
                                 ($"dealer@{slug}.test", "Dealer Toko Makmur", DemoBusinessSeed.DealerJakarta),
                                 ($"servis@{slug}.test", "Servis Prima Jakarta", DemoBusinessSeed.ServiceCentreJakarta),
                             })
                    {
                        await EnsureUser(sp, email, display, Roles.DistributorUser);
                        accounts.Add(new DemoAccount(slug, email, Roles.DistributorUser, await BindPartner(sp, email, code, ct)));
                    }
                // Tickets need the technician and customer-service users above.
                if (full) await new DemoServiceSeed(sp, clock).SeedAsync(ct);
            });
        }
        Accounts = accounts;
        ScanCodes = scanCodes;
        logger.LogInformation("Demo data is in place ({Count} demo accounts)", accounts.Count);
    }

    private async Task<TenantInfo> EnsureTenant(string slug, string name, CancellationToken ct)
    {
        TenantInfo? info = null;
        await InScope(TenantInfo.Platform, async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug, ct);
            if (tenant is null)
            {
                tenant = Tenant.Create(slug, name, clock.GetUtcNow());
                db.Tenants.Add(tenant);
                await db.SaveChangesAsync(ct);
            }
            info = new TenantInfo(tenant.Id, tenant.Slug, tenant.DisplayName, tenant.TimeZoneId, tenant.Language, tenant.IsActive);
        });
        return info!;
    }

    private async Task EnsureUser(IServiceProvider sp, string email, string displayName, string role)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, options.Value.Password));
        Check(await users.AddToRoleAsync(user, role));
    }

    /// <summary>Links a demo partner user to the seeded partner with that code (once); returns the partner's code, or null when the tenant has none.</summary>
    private static async Task<string?> BindPartner(IServiceProvider sp, string email, string partnerCode, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SidigDbContext>();
        var partnerId = await db.Partners.Where(p => p.Code == partnerCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (partnerId is null) return null;
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is not null && user.PartnerId is null)
        {
            user.PartnerId = partnerId;
            Check(await users.UpdateAsync(user));
        }
        return partnerCode;
    }

    private async Task InScope(TenantInfo tenant, Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        await work(scope.ServiceProvider);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static string RoleLocalPart(string role) => role switch
    {
        Roles.PrincipalAdmin => "admin",
        Roles.CustomerService => "cs",
        Roles.DistributorUser => "distributor",
        Roles.AgentUser => "agent",
        _ => role.ToLowerInvariant(),
    };

    private static string RoleDisplayName(string role) => role switch
    {
        Roles.PrincipalAdmin => "Admin",
        Roles.CustomerService => "Customer Service",
        Roles.DistributorUser => "Distributor",
        Roles.AgentUser => "Agent",
        _ => role,
    };
}
