using Microsoft.AspNetCore.Identity;
using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Belongs to one tenant (platform operators to <see cref="TenantIds.Platform"/>); the
/// e-mail is unique per tenant, so the same address can exist in two tenants as two users.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>, ITenantOwned, IAuditable
{
    public AppUser() { Id = Guid.CreateVersion7(); SecurityStamp = Guid.NewGuid().ToString(); }

    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    /// <summary>The partner company a DistributorUser/AgentUser belongs to (partner entity comes with the partner module).</summary>
    public Guid? PartnerId { get; set; }
    /// <summary>UI language chosen by the user (id-ID or en-US); null = the tenant's default.</summary>
    public string? Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>Roles are the fixed list in <see cref="Domain.Access.Roles"/>, shared by all tenants.</summary>
public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { Id = Guid.CreateVersion7(); NormalizedName = name.ToUpperInvariant(); }
}

public sealed class AppUserRole : IdentityUserRole<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class AppUserClaim : IdentityUserClaim<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class AppUserLogin : IdentityUserLogin<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class AppUserToken : IdentityUserToken<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

public sealed class AppRoleClaim : IdentityRoleClaim<Guid>;
