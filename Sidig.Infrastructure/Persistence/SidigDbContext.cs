using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sidig.Domain.Audit;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Domain.Common;
using Sidig.Domain.Integration;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Notifications;
using Sidig.Domain.Orders;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Persistence;

/// <summary>
/// The one model of Sidig. Provider-specific subclasses (<see cref="SqliteSidigDbContext"/>,
/// <see cref="PostgresSidigDbContext"/>) exist only to carry one migration set each.
/// </summary>
public abstract class SidigDbContext(DbContextOptions options, TenantContext tenantContext, CurrentUser? currentUser = null)
    : IdentityDbContext<AppUser, AppRole, Guid, AppUserClaim, AppUserRole, AppUserLogin, AppRoleClaim, AppUserToken>(options),
      IDataProtectionKeyContext
{
    /// <summary>Read by the query filters on every query (never captured at model build: the model is cached).</summary>
    public Guid CurrentTenantId => tenantContext.TenantId;

    public TenantContext TenantContext => tenantContext;

    /// <summary>Who acts, for the audit trail (none in migrations and tools).</summary>
    public CurrentUser? CurrentUser => currentUser;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<CompanyProfile> CompanyProfiles => Set<CompanyProfile>();
    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<WarrantyPolicy> WarrantyPolicies => Set<WarrantyPolicy>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<PriceList> PriceLists => Set<PriceList>();
    public DbSet<PriceListLine> PriceListLines => Set<PriceListLine>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerContact> PartnerContacts => Set<PartnerContact>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<StockBalance> StockBalances => Set<StockBalance>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<StockAudit> StockAudits => Set<StockAudit>();
    public DbSet<StockAuditLine> StockAuditLines => Set<StockAuditLine>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<SellOut> SellOuts => Set<SellOut>();
    public DbSet<SellOutLine> SellOutLines => Set<SellOutLine>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<SalesSettings> SalesSettings => Set<SalesSettings>();
    public DbSet<Quotation> Quotations => Set<Quotation>();
    public DbSet<QuotationLine> QuotationLines => Set<QuotationLine>();
    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderApproval> OrderApprovals => Set<OrderApproval>();
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();
    public DbSet<DeliveryNote> DeliveryNotes => Set<DeliveryNote>();
    public DbSet<DeliveryNoteLine> DeliveryNoteLines => Set<DeliveryNoteLine>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
    public DbSet<CreditNoteLine> CreditNoteLines => Set<CreditNoteLine>();
    public DbSet<CommissionRule> CommissionRules => Set<CommissionRule>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Domain.Units.UnitBatch> UnitBatches => Set<Domain.Units.UnitBatch>();
    public DbSet<Domain.Units.Unit> Units => Set<Domain.Units.Unit>();
    public DbSet<Domain.Units.UnitEvent> UnitEvents => Set<Domain.Units.UnitEvent>();
    public DbSet<Domain.Warranty.WarrantyRegistration> WarrantyRegistrations => Set<Domain.Warranty.WarrantyRegistration>();
    public DbSet<Domain.Warranty.WarrantySettings> WarrantySettings => Set<Domain.Warranty.WarrantySettings>();
    public DbSet<Domain.Service.Ticket> Tickets => Set<Domain.Service.Ticket>();
    public DbSet<Domain.Service.TicketAttachment> TicketAttachments => Set<Domain.Service.TicketAttachment>();
    public DbSet<Domain.Service.TicketMessage> TicketMessages => Set<Domain.Service.TicketMessage>();
    public DbSet<Domain.Service.TicketPart> TicketParts => Set<Domain.Service.TicketPart>();
    public DbSet<Domain.Service.SlaPolicy> SlaPolicies => Set<Domain.Service.SlaPolicy>();
    public DbSet<Domain.Service.ServiceSettings> ServiceSettings => Set<Domain.Service.ServiceSettings>();
    public DbSet<Domain.Units.LabelPrintJob> LabelPrintJobs => Set<Domain.Units.LabelPrintJob>();
    public DbSet<Domain.Units.LabelPrintFile> LabelPrintFiles => Set<Domain.Units.LabelPrintFile>();
    public DbSet<Domain.Units.UnitScan> UnitScans => Set<Domain.Units.UnitScan>();
    public DbSet<Domain.Units.UnitAnomaly> UnitAnomalies => Set<Domain.Units.UnitAnomaly>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().ToTable("Users");
        builder.Entity<AppRole>().ToTable("Roles");
        builder.Entity<AppUserRole>().ToTable("UserRoles");
        builder.Entity<AppUserClaim>().ToTable("UserClaims");
        builder.Entity<AppUserLogin>().ToTable("UserLogins");
        builder.Entity<AppUserToken>().ToTable("UserTokens");
        builder.Entity<AppRoleClaim>().ToTable("RoleClaims");
        builder.ApplyConfigurationsFromAssembly(typeof(SidigDbContext).Assembly);
        ApplyTenantFilters(builder);
        // Ids are made by the entity (Guid v7), so a new child reached through a navigation is an insert, not an update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(Entity).IsAssignableFrom(e.ClrType) && e.BaseType is null))
            builder.Entity(entity.ClrType).Property(nameof(Entity.Id)).ValueGeneratedNever();
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        var apply = typeof(SidigDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.BaseType is null && typeof(ITenantOwned).IsAssignableFrom(entity.ClrType) && !entity.IsOwned())
                apply.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
        }
    }

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantOwned
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<T>().HasQueryFilter(filter);
    }
}

public sealed class SqliteSidigDbContext(DbContextOptions<SqliteSidigDbContext> options, TenantContext tenantContext, CurrentUser? currentUser = null)
    : SidigDbContext(options, tenantContext, currentUser)
{
    // SQLite cannot order or compare DateTimeOffset; store UTC ticks there (timestamptz on PostgreSQL). Nor can it
    // add, sum or order decimals stored as text: store them as REAL there (exact numeric on PostgreSQL; ADR 0004).
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresSidigDbContext(DbContextOptions<PostgresSidigDbContext> options, TenantContext tenantContext, CurrentUser? currentUser = null)
    : SidigDbContext(options, tenantContext, currentUser)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The naming convention leaves explicitly named tables alone; make those snake_case too.
        foreach (var entity in builder.Model.GetEntityTypes())
            if (entity.GetTableName() is { } table) entity.SetTableName(ToSnakeCase(table));
    }

    public static string ToSnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
