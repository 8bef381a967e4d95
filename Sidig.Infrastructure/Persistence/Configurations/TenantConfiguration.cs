using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Tenancy;

namespace Sidig.Infrastructure.Persistence.Configurations;

/// <summary>The tenant catalog: platform-level, read by the tenant store on every host lookup.</summary>
public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.Property(t => t.Slug).HasMaxLength(40);
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.DisplayName).HasMaxLength(200);
        b.Property(t => t.TimeZoneId).HasMaxLength(64);
        b.Property(t => t.Language).HasMaxLength(10);
    }
}
