using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Warranty;

/// <summary>Customer service has looked at a scan anomaly: it leaves the review list (flagged registrations leave it when decided).</summary>
public sealed record MarkAnomalyReviewed(Guid Id);

public sealed class MarkAnomalyReviewedHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, CurrentUser user, TimeProvider clock)
{
    public async Task<Result> HandleAsync(MarkAnomalyReviewed command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReviewWarranty)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var anomaly = await db.UnitAnomalies.FirstOrDefaultAsync(a => a.Id == command.Id, ct);
        if (anomaly is null) return Result.Fail("Anomaly.NotFound");
        try
        {
            anomaly.MarkReviewed(user.UserName ?? "?", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        catch (DbUpdateConcurrencyException) // a colleague marked it at the same moment
        {
            return Result.Fail("Anomaly.AlreadyReviewed");
        }
        return Result.Ok();
    }
}
