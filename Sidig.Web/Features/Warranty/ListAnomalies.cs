using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Warranty;

/// <summary>
/// One page of what looks wrong about units, in one list: units scanned from many places (scan anomalies) and flagged
/// warranty registrations (duplicate, outside territory). By default only what still waits for a look, newest first.
/// </summary>
public sealed record ListAnomalies(bool IncludeReviewed = false, int Page = 0, int PageSize = 25);

/// <summary>A scan anomaly (<see cref="IsRegistration"/> false: <see cref="Places"/> set) or a flagged registration (reviewed = decided).</summary>
public sealed record AnomalyListItem(Guid Id, bool IsRegistration, Guid UnitId, string Serial, string ProductName, DateTimeOffset At,
    int Places, RegistrationFlags Flags, DateTimeOffset? ReviewedAt, string? ReviewedBy);

public sealed record AnomalyList(IReadOnlyList<AnomalyListItem> Items, int TotalCount);

public sealed class ListAnomaliesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<AnomalyList>> HandleAsync(ListAnomalies query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReviewWarranty)) return Result<AnomalyList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var anomalies = db.UnitAnomalies.AsNoTracking();
        var registrations = db.WarrantyRegistrations.AsNoTracking().Where(r => r.Flags != RegistrationFlags.None);
        if (!query.IncludeReviewed)
        {
            anomalies = anomalies.Where(a => a.ReviewedAt == null);
            registrations = registrations.Where(r => r.Status == RegistrationStatus.Pending);
        }
        // One shape for both sides, so the database pages the union (UNION ALL) instead of the app merging two lists.
        var rows = (from a in anomalies
                    join u in db.Units on a.UnitId equals u.Id
                    join p in db.Products on u.ProductId equals p.Id
                    select new Row
                    {
                        Id = a.Id, IsRegistration = false, UnitId = u.Id, Serial = u.Serial, ProductName = p.Name, At = a.FlaggedAt,
                        Places = a.Places, Flags = RegistrationFlags.None, ReviewedAt = a.ReviewedAt, ReviewedBy = a.ReviewedBy,
                    })
            .Concat(from r in registrations
                    join u in db.Units on r.UnitId equals u.Id
                    join p in db.Products on u.ProductId equals p.Id
                    select new Row
                    {
                        Id = r.Id, IsRegistration = true, UnitId = u.Id, Serial = u.Serial, ProductName = p.Name, At = r.SubmittedAt,
                        Places = 0, Flags = r.Flags, ReviewedAt = r.DecidedAt, ReviewedBy = r.DecidedBy,
                    });
        var total = await rows.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = await rows.OrderByDescending(r => r.At).ThenBy(r => r.Id).Skip(Math.Max(query.Page, 0) * size).Take(size).ToListAsync(ct);
        return Result<AnomalyList>.Ok(new AnomalyList(page.Select(r => new AnomalyListItem(r.Id, r.IsRegistration, r.UnitId, r.Serial, r.ProductName,
            r.At, r.Places, r.Flags, r.ReviewedAt, r.ReviewedBy)).ToList(), total));
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public bool IsRegistration { get; init; }
        public Guid UnitId { get; init; }
        public string Serial { get; init; } = "";
        public string ProductName { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public int Places { get; init; }
        public RegistrationFlags Flags { get; init; }
        public DateTimeOffset? ReviewedAt { get; init; }
        public string? ReviewedBy { get; init; }
    }
}
