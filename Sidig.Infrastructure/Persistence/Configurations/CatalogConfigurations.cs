using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Catalog;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.ParentId });
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WarrantyPolicyConfiguration : IEntityTypeConfiguration<WarrantyPolicy>
{
    public void Configure(EntityTypeBuilder<WarrantyPolicy> b)
    {
        b.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.CoverageId).HasMaxLength(2000);
        b.Property(p => p.CoverageEn).HasMaxLength(2000);
    }
}

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.HasIndex(p => new { p.TenantId, p.Sku }).IsUnique();
        b.HasIndex(p => new { p.TenantId, p.Name });
        b.HasIndex(p => new { p.TenantId, p.CategoryId });
        b.Property(p => p.Sku).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        b.Property(p => p.Brand).HasMaxLength(100);
        b.Property(p => p.Unit).HasMaxLength(20);
        b.Property(p => p.WeightKg).HasPrecision(12, 3);
        b.Property(p => p.GoodsCode).HasMaxLength(10);
        b.Property(p => p.MinStockDefault).HasPrecision(18, 3);
        b.Property(p => p.ImageContentType).HasMaxLength(50);
        b.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WarrantyPolicy>().WithMany().HasForeignKey(p => p.WarrantyPolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> b)
    {
        b.HasIndex(p => new { p.TenantId, p.Name }).IsUnique();
        b.HasIndex(p => new { p.TenantId, p.Tier, p.ValidFrom });
        b.HasIndex(p => new { p.TenantId, p.PartnerId });
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasOne<Domain.Partners.Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PriceListId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Lines).HasField("_lines");
    }
}

public sealed class PriceListLineConfiguration : IEntityTypeConfiguration<PriceListLine>
{
    public void Configure(EntityTypeBuilder<PriceListLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.PriceListId, l.ProductId, l.MinQuantity }).IsUnique();
        b.HasIndex(l => new { l.TenantId, l.ProductId });
        b.Property(l => l.MinQuantity).HasPrecision(18, 3);
        b.Property(l => l.UnitPrice).HasPrecision(18, 2);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
