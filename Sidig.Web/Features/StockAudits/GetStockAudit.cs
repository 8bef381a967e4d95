using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>One count session with its lines, as the signed-in user may see it.</summary>
public sealed record GetStockAudit(Guid AuditId);

/// <param name="Expected">null while a blind session is counted, for users who may not approve</param>
/// <param name="Variance">counted − expected; null until counted or while hidden</param>
public sealed record StockAuditLineView(Guid ProductId, string Sku, string Name, string Unit, decimal? Expected, decimal? Counted, decimal? Variance);

public sealed record StockAuditView(
    Guid Id, string Number, Guid WarehouseId, string WarehouseCode, string WarehouseName, string? PartnerName,
    StockAuditStatus Status, bool Blind, string? Notes,
    DateTimeOffset OpenedAt, string? OpenedBy, DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? ClosedAt, string? ClosedBy,
    IReadOnlyList<StockAuditLineView> Lines,
    bool ExpectedVisible, bool CanCount, bool CanApprove, bool CanReopen)
{
    public bool IsOpen => Status is StockAuditStatus.Counting or StockAuditStatus.Submitted;
    public int CountedLines => Lines.Count(l => l.Counted is not null);
    public IEnumerable<StockAuditLineView> Variances => Lines.Where(l => l.Variance is not (null or 0));
}

public sealed class GetStockAuditHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<StockAuditView>> HandleAsync(GetStockAudit query, CancellationToken ct = default)
    {
        var approver = await permissions.HasAsync(Policies.ApproveStockAudit);
        var counter = await permissions.HasAsync(Policies.CountStock);
        if (!approver && !counter) return Result<StockAuditView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var head = await db.StockAudits.AsNoTracking().Where(a => a.Id == query.AuditId)
            .Join(db.Warehouses, a => a.WarehouseId, w => w.Id, (a, w) => new
            {
                Audit = a, w.Code, w.Name, w.OwnerPartnerId,
                PartnerName = db.Partners.Where(p => p.Id == w.OwnerPartnerId).Select(p => p.LegalName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (head is null || !await scope.CanSeeAsync(head.OwnerPartnerId, ct)) return Result<StockAuditView>.Fail("Audit.NotFound");
        var a = head.Audit;
        // Blind counting: the expected quantities (and so the variances) stay on the server until the count is submitted.
        var expectedVisible = !a.Blind || approver || a.Status != StockAuditStatus.Counting;
        var lines = await db.StockAuditLines.AsNoTracking().Where(l => l.StockAuditId == a.Id)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.ProductId, p.Sku, p.Name, p.Unit, l.Expected, l.Counted })
            .OrderBy(l => l.Sku)
            .ToListAsync(ct);
        var views = lines.Select(l => new StockAuditLineView(l.ProductId, l.Sku, l.Name, l.Unit,
            expectedVisible ? l.Expected : null, l.Counted, expectedVisible ? l.Counted - l.Expected : null)).ToList();
        return Result<StockAuditView>.Ok(new StockAuditView(a.Id, a.Number, a.WarehouseId, head.Code, head.Name, head.PartnerName,
            a.Status, a.Blind, a.Notes, a.OpenedAt, a.OpenedBy, a.SubmittedAt, a.SubmittedBy, a.ClosedAt, a.ClosedBy, views,
            expectedVisible, CanCount: counter && a.Status == StockAuditStatus.Counting, CanApprove: approver && a.Status == StockAuditStatus.Submitted,
            CanReopen: a.Status == StockAuditStatus.Submitted && (approver || (counter && !a.Blind))));
    }
}
