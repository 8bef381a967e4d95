using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Infrastructure.Identity;

namespace Sidig.Infrastructure.Persistence.Configurations;

/// <summary>Identity's user name and e-mail are unique per tenant, not globally.</summary>
public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        foreach (var name in new[] { nameof(AppUser.NormalizedUserName), nameof(AppUser.NormalizedEmail) })
        {
            var index = b.Metadata.FindIndex(b.Metadata.FindProperty(name)!);
            if (index is not null) b.Metadata.RemoveIndex(index);
        }
        b.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique();
        b.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique();
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Language).HasMaxLength(10);
    }
}

public sealed class AppUserRoleConfiguration : IEntityTypeConfiguration<AppUserRole>
{
    public void Configure(EntityTypeBuilder<AppUserRole> b) => b.HasIndex(r => new { r.TenantId, r.UserId, r.RoleId }).IsUnique();
}

public sealed class AppUserClaimConfiguration : IEntityTypeConfiguration<AppUserClaim>
{
    public void Configure(EntityTypeBuilder<AppUserClaim> b) => b.HasIndex(c => new { c.TenantId, c.UserId });
}

public sealed class AppUserLoginConfiguration : IEntityTypeConfiguration<AppUserLogin>
{
    public void Configure(EntityTypeBuilder<AppUserLogin> b) => b.HasKey(l => new { l.TenantId, l.LoginProvider, l.ProviderKey });
}

public sealed class AppUserTokenConfiguration : IEntityTypeConfiguration<AppUserToken>
{
    public void Configure(EntityTypeBuilder<AppUserToken> b) => b.HasIndex(t => new { t.TenantId, t.UserId });
}
