using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;

namespace Sidig.Infrastructure.Persistence.Configurations;

public sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        // A repeated submit of the public form finds the first ticket (a racing one fails here).
        b.HasIndex(x => new { x.TenantId, x.SubmissionKey }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.TenantId, x.UnitId });
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.CustomerPhone).HasMaxLength(ContactRules.PhoneMaxLength);
        b.Property(x => x.PhoneKey).HasMaxLength(ContactRules.PhoneMaxLength);
        b.Property(x => x.CustomerEmail).HasMaxLength(254);
        b.Property(x => x.Description).HasMaxLength(Ticket.DescriptionMax);
        b.Property(x => x.RatingComment).HasMaxLength(Ticket.CommentMax);
        b.Property(x => x.Status).IsConcurrencyToken();
        b.HasMany(x => x.Photos).WithOne().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TicketPhotoConfiguration : IEntityTypeConfiguration<TicketPhoto>
{
    public void Configure(EntityTypeBuilder<TicketPhoto> b)
    {
        b.HasIndex(x => new { x.TenantId, x.TicketId });
        b.Property(x => x.ContentType).HasMaxLength(40);
    }
}
