using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Partners;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.HasIndex(p => new { p.TenantId, p.Code }).IsUnique();
        b.HasIndex(p => new { p.TenantId, p.ParentId });
        b.HasIndex(p => new { p.TenantId, p.LegalName });
        b.HasIndex(p => new { p.TenantId, p.ProvinceCode });
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.LegalName).HasMaxLength(200);
        b.Property(p => p.Npwp).HasMaxLength(16);
        b.Property(p => p.Nitku).HasMaxLength(22);
        b.Property(p => p.Address).HasMaxLength(500);
        b.Property(p => p.ProvinceCode).HasMaxLength(2);
        b.Property(p => p.RegencyCode).HasMaxLength(5);
        b.Property(p => p.PostalCode).HasMaxLength(5);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.BillingEmail).HasMaxLength(254);
        b.Property(p => p.Territory).HasMaxLength(200);
        b.Property(p => p.CreditLimit).HasPrecision(18, 2);
        b.Property(p => p.OverdueLimit).HasPrecision(18, 2);
        b.Property(p => p.CommissionRatePercent).HasPrecision(5, 2);
        b.HasOne<Partner>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Contacts).HasField("_contacts");
        b.Ignore(p => p.TerritoryCodes);
    }
}

public sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> b)
    {
        b.HasIndex(c => new { c.TenantId, c.PartnerId });
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Position).HasMaxLength(100);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Email).HasMaxLength(254);
    }
}
