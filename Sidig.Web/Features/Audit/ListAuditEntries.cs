using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Audit;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Audit;

/// <summary>
/// One page of the current tenant's audit trail (the tenant query filter keeps other tenants out). The date range
/// is in calendar days of the tenant's time zone, both ends included; entries are stored in UTC.
/// </summary>
public sealed record ListAuditEntries(
    int Page = 0, int PageSize = 25, DateOnly? From = null, DateOnly? To = null, Guid? UserId = null,
    string? EntityType = null, AuditAction? Action = null, string? EntityId = null, string? SortBy = null, bool Descending = true);

public sealed record AuditChange(string Property, string? Old, string? New);

public sealed record AuditListItem(
    long Id, DateTimeOffset At, Guid? UserId, string? UserName, AuditAction Action, string EntityType, string EntityId,
    IReadOnlyList<AuditChange> Changes);

public sealed record AuditEntryPage(IReadOnlyList<AuditListItem> Items, int TotalCount);

public sealed class ListAuditEntriesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<Result<AuditEntryPage>> HandleAsync(ListAuditEntries query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewAudit)) return Result<AuditEntryPage>.Fail("Access.Denied");
        if (query.From is { } f && query.To is { } t && t < f) return Result<AuditEntryPage>.Fail("Audit.RangeInvalid");
        await using var db = await factory.CreateDbContextAsync(ct);

        var entries = db.AuditEntries.AsNoTracking();
        var zone = tenant.Tenant.TimeZoneId;
        if (query.From is { } from)
        {
            var start = DisplayTime.StartOfDayUtc(from, zone);
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = DisplayTime.StartOfDayUtc(to.AddDays(1), zone);
            entries = entries.Where(a => a.At < end);
        }
        if (query.UserId is { } userId) entries = entries.Where(a => a.UserId == userId);
        if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(a => a.EntityType == query.EntityType);
        if (query.Action is { } action) entries = entries.Where(a => a.Action == action);
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var text = query.EntityId.Trim().ToLowerInvariant();
            entries = entries.Where(a => a.EntityId.ToLower().Contains(text));
        }

        var total = await entries.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await Sort(entries, query.SortBy, query.Descending)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .ToListAsync(ct);
        return Result<AuditEntryPage>.Ok(new AuditEntryPage(rows.Select(AuditItems.From).ToList(), total));
    }

    private static IQueryable<AuditEntry> Sort(IQueryable<AuditEntry> q, string? by, bool descending) => by switch
    {
        nameof(AuditListItem.UserName) => descending ? q.OrderByDescending(a => a.UserName).ThenByDescending(a => a.Id) : q.OrderBy(a => a.UserName).ThenByDescending(a => a.Id),
        nameof(AuditListItem.Action) => descending ? q.OrderByDescending(a => a.Action).ThenByDescending(a => a.Id) : q.OrderBy(a => a.Action).ThenByDescending(a => a.Id),
        nameof(AuditListItem.EntityType) => descending ? q.OrderByDescending(a => a.EntityType).ThenByDescending(a => a.Id) : q.OrderBy(a => a.EntityType).ThenByDescending(a => a.Id),
        nameof(AuditListItem.EntityId) => descending ? q.OrderByDescending(a => a.EntityId).ThenByDescending(a => a.Id) : q.OrderBy(a => a.EntityId).ThenByDescending(a => a.Id),
        _ => descending ? q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id) : q.OrderBy(a => a.At).ThenBy(a => a.Id),
    };
}

public static class AuditItems
{
    public static AuditListItem From(AuditEntry a) =>
        new(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, ParseChanges(a.Changes));

    /// <summary>Reads the interceptor's JSON (<c>{"Prop": {"old": …, "new": …}}</c>) into old → new pairs.</summary>
    public static IReadOnlyList<AuditChange> ParseChanges(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            var changes = new List<AuditChange>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                string? old = null, @new = null;
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    if (property.Value.TryGetProperty("old", out var o)) old = Text(o);
                    if (property.Value.TryGetProperty("new", out var n)) @new = Text(n);
                }
                else @new = Text(property.Value);
                changes.Add(new AuditChange(property.Name, old, @new));
            }
            return changes;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
