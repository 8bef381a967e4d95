using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Features.Platform;

/// <summary>
/// Onboards a principal: the tenant (its subdomain) and its first admin, who gets a one-time invitation link.
/// <paramref name="PlatformBaseUri"/> is the platform address the operator uses; the tenant's links reuse its scheme and port.
/// </summary>
public sealed record CreateTenant(
    string Slug, string DisplayName, string TimeZoneId, string Language, string AdminEmail, string AdminName, string PlatformBaseUri);

public sealed record TenantCreated(Guid TenantId, string Slug, Guid AdminUserId, string TenantUrl, string InvitationLink);

/// <summary>Input shape, shared by the dialog (as the operator types) and the handler (never trusting the dialog).</summary>
public static class CreateTenantValidator
{
    /// <summary>Indonesia's three zones: WIB, WITA, WIT.</summary>
    public static readonly IReadOnlyList<string> TimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    public static string NormalizeSlug(string? slug) => (slug ?? "").Trim().ToLowerInvariant();

    public static IReadOnlyList<Error> Validate(CreateTenant c)
    {
        var errors = new List<Error>();
        if (TenantSlug.Validate(NormalizeSlug(c.Slug)) is { } slugProblem) errors.Add(new(slugProblem, nameof(c.Slug)));
        Required(c.DisplayName, "Tenant.NameRequired", nameof(c.DisplayName), 200, errors);
        if (string.IsNullOrEmpty(c.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZoneId, out _))
            errors.Add(new("Tenant.TimeZoneInvalid", nameof(c.TimeZoneId)));
        if (!Tenant.Languages.Contains(c.Language)) errors.Add(new("Tenant.LanguageInvalid", nameof(c.Language)));
        if (string.IsNullOrWhiteSpace(c.AdminEmail)) errors.Add(new("Tenant.AdminEmailRequired", nameof(c.AdminEmail)));
        else if (EmailAddress.Normalize(c.AdminEmail) is null) errors.Add(new("Validation.EmailInvalid", nameof(c.AdminEmail)));
        Required(c.AdminName, "Tenant.AdminNameRequired", nameof(c.AdminName), 200, errors);
        return errors;
    }

    private static void Required(string? value, string code, string field, int maxLength, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(code, field));
        else if (value.Trim().Length > maxLength) errors.Add(new("Validation.TooLong", field));
    }
}

/// <summary>
/// Creates the tenant in the platform scope, then its first admin in a new DI scope whose tenant is the new tenant
/// (so the query filters, tenant stamps and row-level security of that tenant apply to the user rows). The two
/// scopes cannot share one transaction, so a failure after the tenant row exists is compensated: the tenant and
/// anything already written for it are removed again — there is never a tenant without its admin.
/// </summary>
public class CreateTenantHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, IServiceScopeFactory scopes, TenantStore store,
    TimeProvider clock, IOptions<TenancyOptions> tenancy, ILogger<CreateTenantHandler> logger)
{
    public virtual async Task<Result<TenantCreated>> HandleAsync(CreateTenant command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.Platform)) return Result<TenantCreated>.Fail("Access.Denied");
        var errors = CreateTenantValidator.Validate(command);
        if (errors.Count > 0) return Result<TenantCreated>.Fail(errors);

        var slug = CreateTenantValidator.NormalizeSlug(command.Slug);
        var email = EmailAddress.Normalize(command.AdminEmail)!;
        var actor = await permissions.UserAsync();

        Tenant tenant;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.Tenants.AnyAsync(t => t.Slug == slug, ct)) return Result<TenantCreated>.Fail("Tenant.SlugTaken", nameof(command.Slug));
            try
            {
                tenant = Tenant.Create(slug, command.DisplayName, clock.GetUtcNow(), command.TimeZoneId, command.Language);
            }
            catch (DomainException e)
            {
                return Result<TenantCreated>.Fail(e.Code);
            }
            db.Tenants.Add(tenant);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                if (!await SlugExistsAsync(slug)) throw;
                return Result<TenantCreated>.Fail("Tenant.SlugTaken", nameof(command.Slug)); // another operator was faster
            }
        }

        var info = new TenantInfo(tenant.Id, tenant.Slug, tenant.DisplayName, tenant.TimeZoneId, tenant.Language, tenant.IsActive);
        var url = TenantUrl.For(slug, tenancy.Value.BaseDomain, command.PlatformBaseUri);
        Result<(Guid UserId, string Link)> admin;
        try
        {
            admin = await CreateFirstAdminAsync(info, url, email, command.AdminName.Trim(), actor);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Creating the first admin of tenant {Slug} failed; removing the tenant again", slug);
            await RemoveTenantAsync(info);
            throw;
        }
        if (!admin.Succeeded)
        {
            logger.LogWarning("The first admin of tenant {Slug} could not be created ({Errors}); the tenant was removed again",
                slug, string.Join(", ", admin.Errors.Select(e => e.Code)));
            await RemoveTenantAsync(info);
            return Result<TenantCreated>.Fail(admin.Errors);
        }

        store.Invalidate(slug); // a lookup of this host before it existed may be cached as "unknown"
        var (userId, link) = admin.Value;
        logger.LogInformation("Tenant {Slug} created by {Operator}; invitation for its first admin {Email} queued in its outbox",
            slug, actor.Identity?.Name, email);
        return Result<TenantCreated>.Ok(new TenantCreated(tenant.Id, slug, userId, url, link));
    }

    /// <summary>The first admin and their invitation e-mail, queued in the new tenant's own outbox (so its sender delivers it).</summary>
    private async Task<Result<(Guid, string)>> CreateFirstAdminAsync(TenantInfo tenant, string url, string email, string name, System.Security.Claims.ClaimsPrincipal actor)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantContext>().Set(tenant);
        sp.GetRequiredService<CurrentUser>().Set(UserClaims.UserId(actor), actor.Identity?.Name); // the audit trail names the operator
        var users = sp.GetRequiredService<UserManager<AppUser>>();

        var now = clock.GetUtcNow();
        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = name, IsActive = true, CreatedAt = now, InvitedAt = now,
        };
        var created = await users.CreateAsync(user); // no password: the admin chooses one through the invitation
        if (!created.Succeeded) return Result<(Guid, string)>.Fail(IdentityErrors(created));
        var role = await users.AddToRoleAsync(user, Roles.PrincipalAdmin);
        if (!role.Succeeded) return Result<(Guid, string)>.Fail(IdentityErrors(role));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{url}{Account.AccountLinkFactory.AcceptInvitePath}?u={user.Id}&t={Account.AccountLinkFactory.EncodeToken(token)}";
        await sp.GetRequiredService<Account.IAccountLinkSender>().SendAsync(
            new Account.AccountLink(Account.AccountLinkKind.Invitation, user.Id, email, link, tenant.Language), sp.GetRequiredService<SidigDbContext>());
        return Result<(Guid, string)>.Ok((user.Id, link));
    }

    /// <summary>The compensation: the new tenant's users and queued e-mail (in its own scope), then the tenant row (in the platform scope).</summary>
    private async Task RemoveTenantAsync(TenantInfo tenant)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            await scope.ServiceProvider.GetRequiredService<SidigDbContext>().OutboxMessages.ExecuteDeleteAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var user in await users.Users.ToListAsync()) await users.DeleteAsync(user);
        }
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenant.Id);
        if (row is not null)
        {
            db.Tenants.Remove(row);
            await db.SaveChangesAsync();
        }
        store.Invalidate(tenant.Slug);
    }

    private async Task<bool> SlugExistsAsync(string slug)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Tenants.AnyAsync(t => t.Slug == slug);
    }

    private static IEnumerable<Error> IdentityErrors(IdentityResult result) => result.Errors.Select(e => e.Code switch
    {
        nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail)
            => new Error("Tenant.AdminEmailUnusable", nameof(CreateTenant.AdminEmail)),
        _ => new Error("Tenant.AdminNotCreated"),
    }).DistinctBy(e => (e.Code, e.Field));
}
