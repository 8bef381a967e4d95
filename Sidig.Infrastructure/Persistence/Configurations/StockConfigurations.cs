using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> b)
    {
        b.HasIndex(w => new { w.TenantId, w.Code }).IsUnique();
        b.HasIndex(w => new { w.TenantId, w.OwnerPartnerId });
        b.HasIndex(w => new { w.TenantId, w.ProvinceCode });
        b.Property(w => w.Code).HasMaxLength(40);
        b.Property(w => w.Name).HasMaxLength(100);
        b.Property(w => w.Address).HasMaxLength(500);
        b.Property(w => w.ProvinceCode).HasMaxLength(2);
        b.Property(w => w.RegencyCode).HasMaxLength(5);
        b.HasOne<Partner>().WithMany().HasForeignKey(w => w.OwnerPartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(w => w.IsPrimary);
    }
}

public sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.HasIndex(m => new { m.TenantId, m.WarehouseId, m.ProductId, m.At });
        b.HasIndex(m => new { m.TenantId, m.At });
        b.HasIndex(m => new { m.TenantId, m.ProductId });
        b.HasIndex(m => new { m.TenantId, m.DocumentType, m.DocumentId });
        b.Property(m => m.Quantity).HasPrecision(18, 3);
        b.Property(m => m.DocumentType).HasMaxLength(40);
        b.Property(m => m.DocumentNumber).HasMaxLength(60);
        b.Property(m => m.Reason).HasMaxLength(StockMovement.ReasonMaxLength);
        b.Property(m => m.UserName).HasMaxLength(256);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StockBalanceConfiguration : IEntityTypeConfiguration<StockBalance>
{
    public void Configure(EntityTypeBuilder<StockBalance> b)
    {
        b.HasKey(x => new { x.TenantId, x.WarehouseId, x.ProductId });
        b.HasIndex(x => new { x.TenantId, x.ProductId });
        b.Property(x => x.OnHand).HasPrecision(18, 3);
        b.Property(x => x.MinLevel).HasPrecision(18, 3);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> b)
    {
        b.HasIndex(a => new { a.TenantId, a.PartnerId, a.ProductId, a.PeriodStart }).IsUnique();
        b.HasIndex(a => new { a.TenantId, a.PeriodEnd });
        b.Property(a => a.Quantity).HasPrecision(18, 3);
        b.Property(a => a.Used).HasPrecision(18, 3);
        b.HasOne<Partner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Remaining);
    }
}

public sealed class StockAuditConfiguration : IEntityTypeConfiguration<StockAudit>
{
    public void Configure(EntityTypeBuilder<StockAudit> b)
    {
        b.HasIndex(a => new { a.TenantId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.TenantId, a.WarehouseId, a.Status });
        b.Property(a => a.Number).HasMaxLength(40);
        b.Property(a => a.Notes).HasMaxLength(500);
        b.Property(a => a.OpenedBy).HasMaxLength(256);
        b.Property(a => a.SubmittedBy).HasMaxLength(256);
        b.Property(a => a.ClosedBy).HasMaxLength(256);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(a => a.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Lines).WithOne().HasForeignKey(l => l.StockAuditId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Lines).HasField("_lines");
        b.Ignore(a => a.IsOpen);
        b.Ignore(a => a.Corrections);
    }
}

public sealed class StockAuditLineConfiguration : IEntityTypeConfiguration<StockAuditLine>
{
    public void Configure(EntityTypeBuilder<StockAuditLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.StockAuditId, l.ProductId }).IsUnique();
        b.Property(l => l.Expected).HasPrecision(18, 3);
        b.Property(l => l.Counted).HasPrecision(18, 3);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(l => l.Variance);
    }
}

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.HasIndex(c => new { c.TenantId, c.PhoneKey });
        b.HasIndex(c => new { c.TenantId, c.PartnerId });
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.PhoneKey).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.ProvinceCode).HasMaxLength(2);
        b.Property(c => c.RegencyCode).HasMaxLength(5);
        b.HasOne<Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SellOutConfiguration : IEntityTypeConfiguration<SellOut>
{
    public void Configure(EntityTypeBuilder<SellOut> b)
    {
        b.HasIndex(s => new { s.TenantId, s.Number }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.PartnerId, s.SoldOn });
        b.Property(s => s.Number).HasMaxLength(40);
        b.Property(s => s.Reference).HasMaxLength(100);
        b.Property(s => s.RecordedBy).HasMaxLength(256);
        b.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SellOutId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Lines).HasField("_lines");
    }
}

public sealed class SellOutLineConfiguration : IEntityTypeConfiguration<SellOutLine>
{
    public void Configure(EntityTypeBuilder<SellOutLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.SellOutId });
        b.HasIndex(l => new { l.TenantId, l.ProductId });
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.UnitPrice).HasPrecision(18, 2);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.HasKey(s => new { s.TenantId, s.Name, s.Period });
        b.Property(s => s.Name).HasMaxLength(40);
        b.Property(s => s.Period).HasMaxLength(20);
    }
}
