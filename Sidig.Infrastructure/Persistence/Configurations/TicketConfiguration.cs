using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;

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
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.AssigneeName).HasMaxLength(200);
        b.Property(x => x.Resolution).HasMaxLength(Ticket.ReasonMax);
        b.Property(x => x.RejectReason).HasMaxLength(Ticket.ReasonMax);
        b.Property(x => x.ClaimNote).HasMaxLength(Ticket.ReasonMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The desk's lists: by assignee (my tickets, a service centre's) and open tickets by due date (the escalation job).
        b.HasIndex(x => new { x.TenantId, x.AssignedUserId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.AssignedPartnerId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.ResolutionDueAt });
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.AssignedPartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.ReporterPartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ReplacementUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.HasIndex(x => new { x.TenantId, x.TicketId });
        b.Property(x => x.ContentType).HasMaxLength(40);
        b.Property(x => x.FileName).HasMaxLength(TicketAttachment.FileNameMax);
        b.HasOne<TicketMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> b)
    {
        b.HasIndex(x => new { x.TenantId, x.TicketId, x.At });
        b.Property(x => x.Body).HasMaxLength(TicketMessage.BodyMax);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TicketPartConfiguration : IEntityTypeConfiguration<TicketPart>
{
    public void Configure(EntityTypeBuilder<TicketPart> b)
    {
        b.HasIndex(x => new { x.TenantId, x.TicketId });
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(x => x.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b) => b.HasIndex(x => new { x.TenantId, x.Type, x.Priority }).IsUnique();
}

public sealed class ServiceSettingsConfiguration : IEntityTypeConfiguration<ServiceSettings>
{
    public void Configure(EntityTypeBuilder<ServiceSettings> b)
    {
        b.HasIndex(x => x.TenantId).IsUnique(); // one per tenant
        b.Property(x => x.Holidays).HasMaxLength(ServiceSettings.MaxHolidays * 11);
    }
}
