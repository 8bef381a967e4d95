using Microsoft.EntityFrameworkCore;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>A batch's labels: one per unit in serial order, each QR code opening the unit's scan page on the tenant's host.</summary>
/// <param name="Title">The PDF's title ("SKU LOT").</param>
public sealed record BatchLabelSet(string Sku, string Lot, string Title, IReadOnlyList<LabelPrint> Labels)
{
    public string FileName(LabelLayout layout) => BatchLabelSource.FileName(Sku, Lot, layout);
}

/// <summary>Loads a batch's labels for the direct download and for the background job alike.</summary>
public static class BatchLabelSource
{
    public static string FileName(string sku, string lot, LabelLayout layout) => $"labels-{sku}-{lot}-{layout.Key}.pdf".Replace('/', '-');

    /// <summary>The public scan page of a unit (the path its QR code opens).</summary>
    public static string ScanPath(string code) => $"/u/{code}";

    /// <summary>Null when the batch does not exist in the current tenant.</summary>
    /// <param name="origin">scheme://host of the tenant's site.</param>
    public static async Task<BatchLabelSet?> LoadAsync(SidigDbContext db, Guid batchId, string origin, CancellationToken ct = default)
    {
        var batch = await (from b in db.UnitBatches.AsNoTracking().Where(b => b.Id == batchId)
                           join p in db.Products on b.ProductId equals p.Id
                           select new { b.Lot, p.Sku, p.Name }).FirstOrDefaultAsync(ct);
        if (batch is null) return null;
        var units = await db.Units.AsNoTracking().Where(u => u.BatchId == batchId).OrderBy(u => u.Serial)
            .Select(u => new { u.Serial, u.PublicCode }).ToListAsync(ct);
        var prefix = origin.TrimEnd('/');
        var labels = units.Select(u => new LabelPrint(batch.Name, batch.Sku, u.Serial, prefix + ScanPath(u.PublicCode))).ToList();
        return new BatchLabelSet(batch.Sku, batch.Lot, $"{batch.Sku} {batch.Lot}", labels);
    }

    public static Task<int> CountAsync(SidigDbContext db, Guid batchId, CancellationToken ct = default) =>
        db.Units.CountAsync(u => u.BatchId == batchId, ct);
}
