using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>
/// Opens a count session (stock opname) for a warehouse: snapshots the expected on-hand of every product there and
/// freezes the warehouse until the session is approved or cancelled (ADR 0004). Number SOP/&lt;year&gt;/nnnnnn.
/// </summary>
public sealed record OpenStockAudit(Guid WarehouseId, bool Blind, string? Notes);

public sealed class OpenStockAuditHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public const string NumberPrefix = "SOP";

    public async Task<Result<Guid>> HandleAsync(OpenStockAudit command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.CountStock)) return Result<Guid>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == command.WarehouseId)
            .Select(w => new { w.OwnerPartnerId, w.IsActive }).FirstOrDefaultAsync(ct);
        if (warehouse is null || !await scope.CanSeeAsync(warehouse.OwnerPartnerId, ct)) return Result<Guid>.Fail("Warehouse.NotFound", "WarehouseId");
        if (!warehouse.IsActive) return Result<Guid>.Fail("Stock.WarehouseInactive", "WarehouseId");
        if (command.Notes?.Trim().Length > 500) return Result<Guid>.Fail("Validation.TooLong", "Notes");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Lock the warehouse row: two sessions opened at once for one warehouse wait for each other, and the second
        // sees the first below.
        await db.Warehouses.Where(w => w.Id == command.WarehouseId).ExecuteUpdateAsync(s => s.SetProperty(w => w.IsActive, w => w.IsActive), ct);
        var open = await db.StockAudits.AsNoTracking()
            .Where(a => a.WarehouseId == command.WarehouseId && (a.Status == StockAuditStatus.Counting || a.Status == StockAuditStatus.Submitted))
            .Select(a => a.Number).FirstOrDefaultAsync(ct);
        if (open is not null) return Result<Guid>.Fail([new Error("Audit.AlreadyOpen", "WarehouseId", open)]);

        var expected = await db.StockBalances.AsNoTracking()
            .Where(b => b.WarehouseId == command.WarehouseId && b.OnHand != 0)
            .Select(b => new { b.ProductId, b.OnHand }).ToDictionaryAsync(b => b.ProductId, b => b.OnHand, ct);
        var year = TenantDates.Today(clock, tenant.Tenant.TimeZoneId).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var number = NumberSequences.Format(NumberPrefix, year, await NumberSequences.NextAsync(db, NumberPrefix, year, ct));
        StockAudit audit;
        try
        {
            audit = StockAudit.Open(number, command.WarehouseId, command.Blind, command.Notes, expected, clock.GetUtcNow(), user.UserName);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code);
        }
        db.StockAudits.Add(audit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Guid>.Ok(audit.Id);
    }
}
