using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>Counted quantities of some products of an open session; a product not in the snapshot is added (expected 0).</summary>
public sealed record CountStockAudit(Guid AuditId, IReadOnlyList<StockCount> Counts);

public sealed record StockCount(Guid ProductId, decimal Counted);

public sealed class CountStockAuditHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result> HandleAsync(CountStockAudit command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.CountStock)) return Result.Fail("Access.Denied");
        if (command.Counts.Count == 0) return Result.Ok();
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (audit, _) = await StockAuditSessions.LockAsync(db, scope, command.AuditId, ct);
        if (audit is null) return Result.Fail("Audit.NotFound");
        var productIds = command.Counts.Select(c => c.ProductId).Distinct().ToList();
        var known = audit.Lines.Select(l => l.ProductId).ToHashSet();
        var added = productIds.Where(p => !known.Contains(p)).ToList();
        if (added.Count > 0 && await db.Products.CountAsync(p => added.Contains(p.Id) && p.IsActive, ct) != added.Count)
            return Result.Fail("Stock.ProductNotFound");
        try
        {
            foreach (var count in command.Counts) audit.Count(count.ProductId, count.Counted);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
