using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sidig.Domain.Catalog;
using Sidig.Domain.Integration;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Notifications;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;

namespace Sidig.Infrastructure.Persistence.Configurations;

internal static class SalesLineColumns
{
    public const int Precision = 18;

    /// <summary>Amounts in rupiah with room for cents; quantities with three decimals, like the ledger.</summary>
    public static PropertyBuilder<decimal> Money(this PropertyBuilder<decimal> p) => p.HasPrecision(Precision, 2);
    public static PropertyBuilder<decimal> Qty(this PropertyBuilder<decimal> p) => p.HasPrecision(Precision, 3);
    public static PropertyBuilder<decimal> Percent(this PropertyBuilder<decimal> p) => p.HasPrecision(5, 2);
}

public sealed class SalesSettingsConfiguration : IEntityTypeConfiguration<SalesSettings>
{
    public void Configure(EntityTypeBuilder<SalesSettings> b)
    {
        b.HasIndex(s => s.TenantId).IsUnique();
        b.Property(s => s.DiscountApprovalPercent).Percent();
        b.Property(s => s.InvoiceNumberPattern).HasMaxLength(40);
        b.Property(s => s.ReminderDaysAfter).HasMaxLength(40);
        b.Ignore(s => s.ReminderDaysAfterList);
    }
}

public sealed class QuotationConfiguration : IEntityTypeConfiguration<Quotation>
{
    public void Configure(EntityTypeBuilder<Quotation> b)
    {
        b.HasIndex(q => new { q.TenantId, q.Number }).IsUnique();
        b.HasIndex(q => new { q.TenantId, q.PartnerId, q.QuotedOn });
        b.HasIndex(q => new { q.TenantId, q.AgentId });
        b.Property(q => q.Number).HasMaxLength(40);
        b.Property(q => q.Notes).HasMaxLength(1000);
        b.Property(q => q.CreatedBy).HasMaxLength(256);
        b.Property(q => q.DiscountPercent).Percent();
        b.HasOne<Partner>().WithMany().HasForeignKey(q => q.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(q => q.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuotationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(q => q.Lines).HasField("_lines");
        b.Ignore(q => q.Total);
    }
}

public sealed class QuotationLineConfiguration : IEntityTypeConfiguration<QuotationLine>
{
    public void Configure(EntityTypeBuilder<QuotationLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.QuotationId });
        b.Property(l => l.Sku).HasMaxLength(40);
        b.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.PriceListName).HasMaxLength(100);
        b.Property(l => l.Quantity).Qty();
        b.Property(l => l.UnitPrice).Money();
        b.Property(l => l.NetAmount).Money();
        b.Property(l => l.DiscountPercent).Percent();
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> b)
    {
        b.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
        b.HasIndex(o => new { o.TenantId, o.PartnerId, o.OrderDate });
        b.HasIndex(o => new { o.TenantId, o.Status, o.OrderDate });
        b.HasIndex(o => new { o.TenantId, o.AgentId });
        b.Property(o => o.Number).HasMaxLength(40);
        b.Property(o => o.CustomerReference).HasMaxLength(100);
        b.Property(o => o.Notes).HasMaxLength(1000);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.Property(o => o.CancelReason).HasMaxLength(500);
        b.Property(o => o.DiscountPercent).Percent();
        b.Property(o => o.InvoicedAmount).Money();
        b.Property(o => o.PaidAmount).Money();
        b.HasOne<Partner>().WithMany().HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(o => o.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Quotation>().WithMany().HasForeignKey(o => o.QuotationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lines).HasField("_lines");
        b.HasMany(o => o.Approvals).WithOne().HasForeignKey(a => a.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Approvals).HasField("_approvals");
        b.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.History).HasField("_history");
        b.Ignore(o => o.Total);
        b.Ignore(o => o.GrossTotal);
        b.Ignore(o => o.IsEditable);
        b.Ignore(o => o.CanCancel);
        b.Ignore(o => o.IsReleased);
        b.Ignore(o => o.HighestDiscountPercent);
        b.Ignore(o => o.PendingApprovals);
    }
}

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.OrderId });
        b.HasIndex(l => new { l.TenantId, l.ProductId });
        b.Property(l => l.Sku).HasMaxLength(40);
        b.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.PriceListName).HasMaxLength(100);
        b.Property(l => l.Quantity).Qty();
        b.Property(l => l.ShippedQuantity).Qty();
        b.Property(l => l.DeliveredQuantity).Qty();
        b.Property(l => l.InvoicedQuantity).Qty();
        b.Property(l => l.ReturnedQuantity).Qty();
        b.Property(l => l.UnitPrice).Money();
        b.Property(l => l.NetAmount).Money();
        b.Property(l => l.DiscountPercent).Percent();
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OrderApprovalConfiguration : IEntityTypeConfiguration<OrderApproval>
{
    public void Configure(EntityTypeBuilder<OrderApproval> b)
    {
        b.HasIndex(a => new { a.TenantId, a.OrderId });
        b.HasIndex(a => new { a.TenantId, a.Decision });
        b.Property(a => a.Detail).HasMaxLength(500);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
        b.Property(a => a.Note).HasMaxLength(500);
    }
}

public sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> b)
    {
        b.HasIndex(h => new { h.TenantId, h.OrderId, h.At });
        b.Property(h => h.By).HasMaxLength(256);
        b.Property(h => h.Note).HasMaxLength(500);
    }
}

public sealed class DeliveryNoteConfiguration : IEntityTypeConfiguration<DeliveryNote>
{
    public void Configure(EntityTypeBuilder<DeliveryNote> b)
    {
        b.HasIndex(d => new { d.TenantId, d.Number }).IsUnique();
        b.HasIndex(d => new { d.TenantId, d.OrderId });
        b.HasIndex(d => new { d.TenantId, d.PartnerId, d.ShipDate });
        b.HasIndex(d => new { d.TenantId, d.InvoiceId });
        b.Property(d => d.Number).HasMaxLength(40);
        b.Property(d => d.ShippingCompany).HasMaxLength(100);
        b.Property(d => d.VehicleNumber).HasMaxLength(20);
        b.Property(d => d.Driver).HasMaxLength(100);
        b.Property(d => d.TrackingNumber).HasMaxLength(100);
        b.Property(d => d.Notes).HasMaxLength(500);
        b.Property(d => d.ReceivedBy).HasMaxLength(100);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Property(d => d.ShippedBy).HasMaxLength(256);
        b.Property(d => d.DeliveryRecordedBy).HasMaxLength(256);
        b.HasOne<SalesOrder>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(d => d.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(d => d.FromWarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(d => d.ToWarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Invoice>().WithMany().HasForeignKey(d => d.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DeliveryNoteId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Lines).HasField("_lines");
    }
}

public sealed class DeliveryNoteLineConfiguration : IEntityTypeConfiguration<DeliveryNoteLine>
{
    public void Configure(EntityTypeBuilder<DeliveryNoteLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.DeliveryNoteId });
        b.HasIndex(l => new { l.TenantId, l.OrderLineId });
        b.Property(l => l.Sku).HasMaxLength(40);
        b.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).Qty();
        b.Ignore(l => l.SerialList);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.HasIndex(i => new { i.TenantId, i.Number }).IsUnique();
        b.HasIndex(i => new { i.TenantId, i.PartnerId, i.IssueDate });
        b.HasIndex(i => new { i.TenantId, i.Status, i.DueDate });
        b.HasIndex(i => new { i.TenantId, i.AgentId });
        b.Property(i => i.Number).HasMaxLength(40);
        b.Property(i => i.PartnerName).HasMaxLength(200);
        b.Property(i => i.PartnerNpwp).HasMaxLength(16);
        b.Property(i => i.PartnerNitku).HasMaxLength(22);
        b.Property(i => i.PartnerAddress).HasMaxLength(500);
        b.Property(i => i.TaxInvoiceNumber).HasMaxLength(17);
        b.Property(i => i.BankDetails).HasMaxLength(1000);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        foreach (var p in new[] { nameof(Invoice.Subtotal), nameof(Invoice.Dpp), nameof(Invoice.PpnAmount), nameof(Invoice.Total), nameof(Invoice.PaidAmount), nameof(Invoice.CreditedAmount) })
            b.Property<decimal>(p).HasPrecision(SalesLineColumns.Precision, 2);
        b.Property(i => i.PpnRatePercent).Percent();
        b.HasOne<Partner>().WithMany().HasForeignKey(i => i.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(i => i.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Lines).HasField("_lines");
        b.Ignore(i => i.Outstanding);
        b.Ignore(i => i.Ppn);
    }
}

public sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.InvoiceId });
        b.HasIndex(l => new { l.TenantId, l.OrderLineId });
        b.HasIndex(l => new { l.TenantId, l.OrderId });
        b.Property(l => l.Sku).HasMaxLength(40);
        b.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).Qty();
        b.Property(l => l.ReturnedQuantity).Qty();
        b.Property(l => l.UnitPrice).Money();
        b.Property(l => l.NetAmount).Money();
        b.HasOne<SalesOrder>().WithMany().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DeliveryNote>().WithMany().HasForeignKey(l => l.DeliveryNoteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(l => l.DiscountAmount);
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.HasIndex(p => new { p.TenantId, p.InvoiceId });
        b.HasIndex(p => new { p.TenantId, p.PartnerId, p.PaidOn });
        b.HasIndex(p => new { p.TenantId, p.Status });
        b.Property(p => p.Amount).Money();
        b.Property(p => p.Reference).HasMaxLength(100);
        b.Property(p => p.ProofContentType).HasMaxLength(50);
        b.Property(p => p.ProofFileName).HasMaxLength(200);
        b.Property(p => p.RecordedBy).HasMaxLength(256);
        b.Property(p => p.DecidedBy).HasMaxLength(256);
        b.Property(p => p.RejectReason).HasMaxLength(500);
        b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> b)
    {
        b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.InvoiceId });
        b.HasIndex(c => new { c.TenantId, c.PartnerId, c.IssueDate });
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        foreach (var p in new[] { nameof(CreditNote.Subtotal), nameof(CreditNote.Dpp), nameof(CreditNote.PpnAmount), nameof(CreditNote.Total) })
            b.Property<decimal>(p).HasPrecision(SalesLineColumns.Precision, 2);
        b.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Warehouse>().WithMany().HasForeignKey(c => c.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CreditNoteId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Lines).HasField("_lines");
    }
}

public sealed class CreditNoteLineConfiguration : IEntityTypeConfiguration<CreditNoteLine>
{
    public void Configure(EntityTypeBuilder<CreditNoteLine> b)
    {
        b.HasIndex(l => new { l.TenantId, l.CreditNoteId });
        b.HasIndex(l => new { l.TenantId, l.OrderLineId });
        b.Property(l => l.Sku).HasMaxLength(40);
        b.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).Qty();
        b.Property(l => l.Amount).Money();
        b.HasOne<InvoiceLine>().WithMany().HasForeignKey(l => l.InvoiceLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CommissionRuleConfiguration : IEntityTypeConfiguration<CommissionRule>
{
    public void Configure(EntityTypeBuilder<CommissionRule> b)
    {
        b.HasIndex(r => new { r.TenantId, r.AgentId, r.ProductId, r.MinMonthlyPaid }).IsUnique();
        b.Property(r => r.MinMonthlyPaid).Money();
        b.Property(r => r.RatePercent).Percent();
        b.HasOne<Partner>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasIndex(m => new { m.TenantId, m.DedupKey }).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.TenantId, m.CreatedAt });
        b.Property(m => m.Channel).HasMaxLength(20);
        b.Property(m => m.Kind).HasMaxLength(40);
        b.Property(m => m.DedupKey).HasMaxLength(200);
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(1000);
    }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(k => new { k.TenantId, k.Hash }).IsUnique(); // requests come to the tenant's host: looked up within it
        b.HasIndex(k => new { k.TenantId, k.CreatedAt });
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(12);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
        b.Property(k => k.RevokedBy).HasMaxLength(256);
        b.Ignore(k => k.IsActive);
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasIndex(r => new { r.TenantId, r.ApiKeyId, r.Key }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.CreatedAt });
        b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.Location).HasMaxLength(300);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}
