using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>
/// Approves a submitted session: posts one audit correction per variance through the ledger, in the same
/// transaction as the status change, so the session is posted exactly once or not at all. The session row is locked
/// first: a concurrent second approval waits, then finds the session posted and is refused.
/// </summary>
public sealed record ApproveStockAudit(Guid AuditId);

public sealed class ApproveStockAuditHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, StockLedger ledger, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(ApproveStockAudit command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ApproveStockAudit)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (audit, _) = await StockAuditSessions.LockAsync(db, scope, command.AuditId, ct);
        if (audit is null) return Result.Fail("Audit.NotFound");
        IReadOnlyList<(Guid ProductId, decimal Variance)> corrections;
        try
        {
            corrections = audit.Approve(clock.GetUtcNow(), user.UserName);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        // A count says how many, not which: a serialised product's difference is corrected by naming units (ADR 0010).
        var serialised = await UnitSerials.SerialisedAsync(db, corrections.Select(c => c.ProductId), ct);
        if (serialised.Count > 0)
        {
            var skus = await db.Products.AsNoTracking().Where(p => serialised.Contains(p.Id)).OrderBy(p => p.Sku).Select(p => p.Sku).ToListAsync(ct);
            return Result.Fail([new Error("Units.AuditSerialised", null, string.Join(", ", skus))]); // rolled back: the session stays submitted
        }
        if (corrections.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }
        else
        {
            var lines = corrections.Select(c => new StockLine(audit.WarehouseId, c.ProductId, MovementType.AuditCorrection, c.Variance,
                Reason: $"Stock opname {audit.Number}")).ToList();
            var posted = await ledger.PostAsync(db, new StockDocument(StockLedger.DocumentAudit, audit.Number, audit.Id), lines, ct);
            if (!posted.Succeeded) return posted; // the transaction is rolled back: the session stays submitted
        }
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
