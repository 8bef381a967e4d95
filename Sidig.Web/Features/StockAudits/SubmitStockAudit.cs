using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.StockAudits;

/// <summary>Ends counting; with <see cref="UncountedAsZero"/> the products nobody counted are taken as empty.</summary>
public sealed record SubmitStockAudit(Guid AuditId, bool UncountedAsZero = false);

public sealed class SubmitStockAuditHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(SubmitStockAudit command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.CountStock)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (audit, _) = await StockAuditSessions.LockAsync(db, scope, command.AuditId, ct);
        if (audit is null) return Result.Fail("Audit.NotFound");
        try
        {
            audit.Submit(command.UncountedAsZero, clock.GetUtcNow(), user.UserName);
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

/// <summary>
/// Back to counting for a recount. A blind session's counters have seen the variances once it was submitted, so
/// only an approver may reopen it; an open-book session may be reopened by its counters too.
/// </summary>
public sealed record ReopenStockAudit(Guid AuditId);

public sealed class ReopenStockAuditHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result> HandleAsync(ReopenStockAudit command, CancellationToken ct = default)
    {
        var approver = await permissions.HasAsync(Policies.ApproveStockAudit);
        if (!approver && !await permissions.HasAsync(Policies.CountStock)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (audit, _) = await StockAuditSessions.LockAsync(db, scope, command.AuditId, ct);
        if (audit is null) return Result.Fail("Audit.NotFound");
        if (audit.Blind && !approver) return Result.Fail("Access.Denied");
        try
        {
            audit.Reopen();
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

/// <summary>Abandons an open session: nothing is posted and the warehouse is released at once.</summary>
public sealed record CancelStockAudit(Guid AuditId);

public sealed class CancelStockAuditHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(CancelStockAudit command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.CountStock) && !await permissions.HasAsync(Policies.ApproveStockAudit))
            return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (audit, _) = await StockAuditSessions.LockAsync(db, scope, command.AuditId, ct);
        if (audit is null) return Result.Fail("Audit.NotFound");
        try
        {
            audit.Cancel(clock.GetUtcNow(), user.UserName);
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
