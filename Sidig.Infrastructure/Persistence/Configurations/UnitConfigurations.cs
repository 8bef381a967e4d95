using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class UnitBatchConfiguration : IEntityTypeConfiguration<UnitBatch>
{
    public void Configure(EntityTypeBuilder<UnitBatch> b)
    {
        b.HasIndex(x => new { x.TenantId, x.ProductId, x.Lot }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
        b.Property(x => x.Lot).HasMaxLength(UnitBatch.LotMaxLength);
        b.Property(x => x.SerialPattern).HasMaxLength(SerialPattern.MaxLength);
        b.Property(x => x.FirstSerial).HasMaxLength(SerialPattern.MaxSerialLength);
        b.Property(x => x.LastSerial).HasMaxLength(SerialPattern.MaxSerialLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasIndex(x => new { x.TenantId, x.Serial }).IsUnique();
        // The scan page's lookup (the host's tenant and the code).
        b.HasIndex(x => new { x.TenantId, x.PublicCode }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.BatchId });
        b.HasIndex(x => new { x.TenantId, x.WarehouseId, x.ProductId });
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
        b.Property(x => x.Serial).HasMaxLength(SerialPattern.MaxSerialLength);
        b.Property(x => x.PublicCode).HasMaxLength(PublicCode.Length);
        b.Property(x => x.WarrantyVoidReason).HasMaxLength(500);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UnitBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.OwnerPartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UnitEventConfiguration : IEntityTypeConfiguration<UnitEvent>
{
    public void Configure(EntityTypeBuilder<UnitEvent> b)
    {
        b.HasIndex(x => new { x.TenantId, x.UnitId, x.At });
        // The units of a document (those shipped on a delivery note, when it is delivered).
        b.HasIndex(x => new { x.TenantId, x.DocumentId });
        b.Property(x => x.DocumentType).HasMaxLength(40);
        b.Property(x => x.DocumentNumber).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
