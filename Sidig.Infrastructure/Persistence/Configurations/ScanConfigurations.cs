using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Units;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class UnitScanConfiguration : IEntityTypeConfiguration<UnitScan>
{
    public void Configure(EntityTypeBuilder<UnitScan> b)
    {
        // Distinct places of a batch's units within the window; also serves the foreign key (a unit id is one tenant's),
        // so this busy table carries two indexes, not three.
        b.HasIndex(x => new { x.UnitId, x.At });
        // The daily clean-up of old scans.
        b.HasIndex(x => new { x.TenantId, x.At });
        b.Property(x => x.Place).HasMaxLength(ScanPlace.MaxLength);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class UnitAnomalyConfiguration : IEntityTypeConfiguration<UnitAnomaly>
{
    public void Configure(EntityTypeBuilder<UnitAnomaly> b)
    {
        // "Flagged within the window already?" for a batch's units.
        b.HasIndex(x => new { x.UnitId, x.Kind, x.FlaggedAt });
        // The review list, newest first.
        b.HasIndex(x => new { x.TenantId, x.FlaggedAt });
        b.Property(x => x.ReviewedBy).HasMaxLength(UnitAnomaly.ReviewerMax);
        // Two reviewers at once: the second update finds it changed and is told it was already reviewed.
        b.Property(x => x.ReviewedAt).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
