using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Warranty;

/// <summary>One page of warranty registrations; by default the review queue (pending, oldest first).</summary>
/// <param name="FlaggedOnly">only the ones with an anomaly flag (duplicate, outside territory)</param>
public sealed record ListRegistrations(RegistrationStatus? Status = RegistrationStatus.Pending, bool FlaggedOnly = false, string? Search = null,
    int Page = 0, int PageSize = 25, bool NewestFirst = false);

public sealed record RegistrationListItem(Guid Id, string Serial, string ProductName, string Name, string Phone, DateOnly PurchaseDate,
    DateTimeOffset SubmittedAt, RegistrationStatus Status, RegistrationFlags Flags, bool HasReceipt, RegistrationSource Source);

public sealed record RegistrationList(IReadOnlyList<RegistrationListItem> Items, int TotalCount);

public sealed class ListRegistrationsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public const int MaxPageSize = 100;

    public async Task<Result<RegistrationList>> HandleAsync(ListRegistrations query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReviewWarranty)) return Result<RegistrationList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var registrations = db.WarrantyRegistrations.AsNoTracking();
        if (query.Status is { } status) registrations = registrations.Where(r => r.Status == status);
        if (query.FlaggedOnly) registrations = registrations.Where(r => r.Flags != RegistrationFlags.None);
        var rows = from r in registrations
                   join u in db.Units on r.UnitId equals u.Id
                   join p in db.Products on u.ProductId equals p.Id
                   select new { r.Id, u.Serial, ProductName = p.Name, r.Name, r.Phone, r.PhoneKey, r.PurchaseDate, r.SubmittedAt, r.Status, r.Flags,
                       HasReceipt = r.ReceiptContentType != null, r.Source };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            var phoneKey = Domain.Stock.Customer.PhoneKeyOf(s);
            rows = rows.Where(r => r.Serial.ToUpper().Contains(s) || r.Name.ToUpper().Contains(s) || r.ProductName.ToUpper().Contains(s)
                                   || (phoneKey != null && phoneKey.Length >= 6 && r.PhoneKey.Contains(phoneKey)));
        }
        var total = await rows.CountAsync(ct);
        var sorted = query.NewestFirst ? rows.OrderByDescending(r => r.SubmittedAt) : rows.OrderBy(r => r.SubmittedAt);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = await sorted.ThenBy(r => r.Id).Skip(Math.Max(query.Page, 0) * size).Take(size).ToListAsync(ct);
        return Result<RegistrationList>.Ok(new RegistrationList(page.Select(r => new RegistrationListItem(r.Id, r.Serial, r.ProductName, r.Name,
            r.Phone, r.PurchaseDate, r.SubmittedAt, r.Status, r.Flags, r.HasReceipt, r.Source)).ToList(), total));
    }
}
