using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>
/// Loads a count session for a change, inside the caller's transaction. The session row is locked first (a no-op
/// update), so two changes of one session run one after the other: the second reads what the first committed and
/// the domain refuses it when it no longer fits (e.g. a second approval of a posted session). A session of a
/// warehouse the user may not see is reported as not found.
/// </summary>
internal static class StockAuditSessions
{
    public static async Task<(StockAudit? Audit, Guid? OwnerPartnerId)> LockAsync(SidigDbContext db, PartnerScope scope, Guid auditId, CancellationToken ct)
    {
        var owner = await db.StockAudits.AsNoTracking().Where(a => a.Id == auditId)
            .Join(db.Warehouses, a => a.WarehouseId, w => w.Id, (a, w) => new { w.OwnerPartnerId })
            .FirstOrDefaultAsync(ct);
        if (owner is null || !await scope.CanSeeAsync(owner.OwnerPartnerId, ct)) return (null, null);
        await db.StockAudits.Where(a => a.Id == auditId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, a => a.Status), ct);
        var audit = await db.StockAudits.Include(a => a.Lines).FirstOrDefaultAsync(a => a.Id == auditId, ct);
        return (audit, owner.OwnerPartnerId);
    }
}
