using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Audit;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasIndex(a => new { a.TenantId, a.EntityType, a.EntityId });
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
    }
}
