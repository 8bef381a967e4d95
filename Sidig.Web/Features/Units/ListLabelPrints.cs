using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Units;

public sealed record ListLabelPrints(int Take = ListLabelPrints.DefaultTake)
{
    public const int DefaultTake = 50;
}

public sealed record LabelPrintListItem(Guid Id, Guid BatchId, string Lot, string Sku, string ProductName, string Layout, LabelPrintStatus Status,
    int Progress, int Total, string? RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public int Percent => Total == 0 ? 0 : Math.Clamp(Progress * 100 / Total, 0, 100);
    public bool IsPending => Status is LabelPrintStatus.Queued or LabelPrintStatus.Running;
}

/// <summary>The tenant's label prints, newest first (they are kept for <see cref="LabelPrintJob.Retention"/>, so a short list).</summary>
public sealed class ListLabelPrintsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<LabelPrintListItem>>> HandleAsync(ListLabelPrints query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUnits)) return Result<IReadOnlyList<LabelPrintListItem>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var items = await (from j in db.LabelPrintJobs.AsNoTracking()
                           join b in db.UnitBatches on j.BatchId equals b.Id
                           join p in db.Products on b.ProductId equals p.Id
                           orderby j.RequestedAt descending
                           select new LabelPrintListItem(j.Id, b.Id, b.Lot, p.Sku, p.Name, j.Layout, j.Status, j.Progress, j.Total, j.RequestedBy,
                               j.RequestedAt, j.FinishedAt, j.Error))
            .Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        return Result<IReadOnlyList<LabelPrintListItem>>.Ok(items);
    }
}

public sealed record GetLabelPrintFile(Guid JobId);

public sealed record LabelPrintDownload(string FileName, byte[] Content);

/// <summary>A done label print's PDF; another tenant's job is not found (query filter and row-level security).</summary>
public sealed class GetLabelPrintFileHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<LabelPrintDownload>> HandleAsync(GetLabelPrintFile query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUnits)) return Result<LabelPrintDownload>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var file = await (from j in db.LabelPrintJobs.AsNoTracking().Where(j => j.Id == query.JobId && j.Status == LabelPrintStatus.Done)
                          join f in db.LabelPrintFiles on j.Id equals f.JobId
                          select new LabelPrintDownload(j.FileName, f.Content)).FirstOrDefaultAsync(ct);
        return file is null ? Result<LabelPrintDownload>.Fail("Units.LabelPrintNotFound") : Result<LabelPrintDownload>.Ok(file);
    }
}
