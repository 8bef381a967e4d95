using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Tenancy;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class CompanyProfileConfiguration : IEntityTypeConfiguration<CompanyProfile>
{
    public void Configure(EntityTypeBuilder<CompanyProfile> b)
    {
        b.HasIndex(c => c.TenantId).IsUnique();
        b.Property(c => c.LegalName).HasMaxLength(200);
        b.Property(c => c.Npwp).HasMaxLength(16);
        b.Property(c => c.Nitku).HasMaxLength(22);
        b.Property(c => c.Address).HasMaxLength(500);
        b.Property(c => c.ProvinceCode).HasMaxLength(2);
        b.Property(c => c.RegencyCode).HasMaxLength(5);
        b.Property(c => c.PostalCode).HasMaxLength(5);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.LogoContentType).HasMaxLength(50);
        b.ComplexProperty(c => c.Ppn, p =>
        {
            p.Property(x => x.RatePercent).HasPrecision(5, 2).HasColumnName("PpnRatePercent");
            p.Property(x => x.BaseNumerator).HasColumnName("PpnBaseNumerator");
            p.Property(x => x.BaseDenominator).HasColumnName("PpnBaseDenominator");
        });
        b.HasMany(c => c.BankAccounts).WithOne().HasForeignKey(a => a.CompanyProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.BankAccounts).HasField("_bankAccounts");
    }
}

public sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> b)
    {
        b.HasIndex(a => new { a.TenantId, a.CompanyProfileId, a.BankName, a.AccountNumber }).IsUnique();
        b.Property(a => a.BankName).HasMaxLength(100);
        b.Property(a => a.AccountNumber).HasMaxLength(20);
        b.Property(a => a.AccountHolder).HasMaxLength(200);
    }
}
