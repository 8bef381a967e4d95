using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Units;

/// <param name="Layout">a <see cref="LabelLayout.Presets"/> key, e.g. "a4-3x8" or "single-50x30"</param>
/// <param name="Origin">scheme://host of the request (the tenant's own host): what every QR code opens</param>
public sealed record GetBatchLabels(Guid BatchId, string? Layout, string Origin);

/// <summary>A batch's labels, ready to stream: one label per unit in serial order, each QR opening the unit's scan page.</summary>
public sealed record BatchLabels(string FileName, IReadOnlyList<LabelPrint> Labels, LabelLayout Layout, string Title);

public sealed class GetBatchLabelsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<BatchLabels>> HandleAsync(GetBatchLabels query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageUnits)) return Result<BatchLabels>.Fail("Access.Denied");
        var layout = LabelLayout.Preset(query.Layout ?? LabelLayout.A4_3x8.Key);
        if (layout is null) return Result<BatchLabels>.Fail([new Error("Units.LabelLayoutUnknown", "Layout")]);
        await using var db = await factory.CreateDbContextAsync(ct);
        var set = await BatchLabelSource.LoadAsync(db, query.BatchId, query.Origin, ct);
        if (set is null) return Result<BatchLabels>.Fail("Units.BatchNotFound");
        return Result<BatchLabels>.Ok(new BatchLabels(set.FileName(layout), set.Labels, layout, set.Title));
    }
}
