using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class WarrantyRegistrationConfiguration : IEntityTypeConfiguration<WarrantyRegistration>
{
    public void Configure(EntityTypeBuilder<WarrantyRegistration> b)
    {
        // A repeated submit of the same form finds the first registration (and a racing one fails on this index).
        b.HasIndex(x => new { x.TenantId, x.SubmissionKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Token }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.UnitId });
        // The review queue: pending first, oldest first.
        b.HasIndex(x => new { x.TenantId, x.Status, x.SubmittedAt });
        b.HasIndex(x => new { x.TenantId, x.PhoneKey });
        // Two reviewers deciding at once: the second update finds the status changed and fails instead of overwriting.
        b.Property(x => x.Status).IsConcurrencyToken();
        b.Property(x => x.Token).HasMaxLength(WarrantyRegistration.TokenLength);
        b.Property(x => x.Name).HasMaxLength(WarrantyRegistration.NameMax);
        b.Property(x => x.Phone).HasMaxLength(ContactRules.PhoneMaxLength);
        b.Property(x => x.PhoneKey).HasMaxLength(ContactRules.PhoneMaxLength);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.SellerName).HasMaxLength(WarrantyRegistration.SellerMax);
        b.Property(x => x.ProvinceCode).HasMaxLength(2);
        b.Property(x => x.RegencyCode).HasMaxLength(5);
        b.Property(x => x.ReceiptContentType).HasMaxLength(40);
        b.Property(x => x.RejectReason).HasMaxLength(WarrantyRegistration.ReasonMax);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.SellerPartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WarrantySettingsConfiguration : IEntityTypeConfiguration<WarrantySettings>
{
    public void Configure(EntityTypeBuilder<WarrantySettings> b) => b.HasIndex(s => s.TenantId).IsUnique();
}
