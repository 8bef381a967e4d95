using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Units;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class LabelPrintJobConfiguration : IEntityTypeConfiguration<LabelPrintJob>
{
    public void Configure(EntityTypeBuilder<LabelPrintJob> b)
    {
        b.HasIndex(x => new { x.TenantId, x.RequestedAt });
        b.Property(x => x.Layout).HasMaxLength(LabelPrintJob.LayoutMaxLength);
        b.Property(x => x.Origin).HasMaxLength(LabelPrintJob.OriginMaxLength);
        b.Property(x => x.FileName).HasMaxLength(LabelPrintJob.FileNameMaxLength);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.Error).HasMaxLength(LabelPrintJob.ErrorMaxLength);
        // Each run bumps it: a run that another one took over fails its next save instead of overwriting it.
        b.Property(x => x.Attempt).IsConcurrencyToken();
        b.HasOne<UnitBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class LabelPrintFileConfiguration : IEntityTypeConfiguration<LabelPrintFile>
{
    public void Configure(EntityTypeBuilder<LabelPrintFile> b)
    {
        b.HasKey(x => x.JobId);
        b.Property(x => x.JobId).ValueGeneratedNever();
        b.HasOne<LabelPrintJob>().WithOne().HasForeignKey<LabelPrintFile>(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
