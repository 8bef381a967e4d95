using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sidig.Domain.Audit;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Before every save: stamps the current tenant on new tenant-owned rows, refuses any write to another
/// tenant's rows, and appends audit entries (who, when, old/new values) for auditable records — in the same
/// transaction as the change itself.
/// </summary>
public sealed class TenantSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Values that are secrets or noise in an audit trail.</summary>
    private static readonly HashSet<string> NotAudited =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "LastSignInAt", "Logo",
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is SidigDbContext db) Prepare(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SidigDbContext db) Prepare(db);
        return ValueTask.FromResult(result);
    }

    private void Prepare(SidigDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is not (EntityState.Detached or EntityState.Unchanged) && e.Entity is ITenantOwned or IAuditable)
            .ToList();
        if (changed.Count == 0) return; // platform-only rows such as Data Protection keys
        var tenantId = db.TenantContext.TenantId; // throws when no tenant is set: no tenant write without a tenant
        var now = clock.GetUtcNow();
        var audits = new List<AuditEntry>();

        foreach (var entry in changed)
        {
            // The stock ledger is append-only: a mistake is corrected by a new movement, never by editing one.
            if (entry.Entity is Domain.Stock.StockMovement && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Stock movements are never changed or deleted.");
            if (entry.Entity is ITenantOwned owned) GuardTenant(entry, owned, tenantId);
            if (entry.Entity is IAuditable && Audit(entry, tenantId, now, db.CurrentUser) is { } audit) audits.Add(audit);
        }
        db.AuditEntries.AddRange(audits);
    }

    private static void GuardTenant(EntityEntry entry, ITenantOwned owned, Guid tenantId)
    {
        if (entry.State == EntityState.Added)
        {
            if (owned.TenantId == TenantIds.Platform) owned.TenantId = tenantId;
            else if (owned.TenantId != tenantId) throw new CrossTenantWriteException(entry.Metadata.ClrType.Name);
            return;
        }
        var original = (Guid)entry.Property(nameof(ITenantOwned.TenantId)).OriginalValue!;
        if (original != tenantId || owned.TenantId != tenantId) throw new CrossTenantWriteException(entry.Metadata.ClrType.Name);
    }

    private static AuditEntry? Audit(EntityEntry entry, Guid tenantId, DateTimeOffset now, CurrentUser? user)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (NotAudited.Contains(name) || name == nameof(ITenantOwned.TenantId)) continue;
            switch (entry.State)
            {
                case EntityState.Added: changes[name] = new { @new = p.CurrentValue }; break;
                case EntityState.Deleted: changes[name] = new { old = p.OriginalValue }; break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    changes[name] = new { old = p.OriginalValue, @new = p.CurrentValue }; break;
            }
        }
        foreach (var complex in entry.ComplexProperties)
        foreach (var p in complex.Properties)
        {
            var name = complex.Metadata.Name + "." + p.Metadata.Name;
            if (entry.State == EntityState.Added) changes[name] = new { @new = p.CurrentValue };
            else if (entry.State == EntityState.Modified && !Equals(p.OriginalValue, p.CurrentValue))
                changes[name] = new { old = p.OriginalValue, @new = p.CurrentValue };
        }
        if (entry.State == EntityState.Modified && changes.Count == 0) return null;

        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
        return new AuditEntry
        {
            TenantId = tenantId,
            At = now,
            UserId = user?.UserId,
            UserName = user?.UserName,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join('/', key),
            Action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            },
            Changes = JsonSerializer.Serialize(changes),
        };
    }
}

public sealed class CrossTenantWriteException(string entity)
    : InvalidOperationException($"Refused a write to a {entity} of another tenant.");
