using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Outbox;

/// <summary>What an admin sees of a message: Sending splits into "sending" (claimed just now) and "uncertain" (claimed
/// longer than <see cref="OutboxMessage.ClaimTimeout"/> ago without a result: the sender died, it may have gone out).</summary>
public enum OutboxView { Pending = 0, Sending = 1, Sent = 2, Failed = 3, Uncertain = 4 }

/// <summary>One page of the tenant's outbox, newest first unless sorted otherwise (<see cref="SortBy"/> is an
/// <see cref="OutboxListItem"/> property name). <see cref="From"/>/<see cref="To"/> are days in the tenant's zone.</summary>
public sealed record ListOutboxMessages(
    OutboxView? Status = null, string? Kind = null, string? Search = null, DateOnly? From = null, DateOnly? To = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

/// <summary>For a WhatsApp/SMS text (no subject) <see cref="Subject"/> holds the start of the text.</summary>
public sealed record OutboxListItem(
    Guid Id, string Kind, string Channel, string To, string Subject, OutboxView Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastError);

/// <summary><see cref="UncertainCount"/> counts the whole outbox (not just this page), for the warning above the list.</summary>
public sealed record OutboxMessagePage(IReadOnlyList<OutboxListItem> Items, int TotalCount, int UncertainCount);

public static class OutboxViews
{
    public static OutboxView Of(OutboxStatus status, DateTimeOffset? claimedAt, DateTimeOffset now) => status switch
    {
        OutboxStatus.Sent => OutboxView.Sent,
        OutboxStatus.Failed => OutboxView.Failed,
        OutboxStatus.Sending => claimedAt < now - OutboxMessage.ClaimTimeout ? OutboxView.Uncertain : OutboxView.Sending,
        _ => OutboxView.Pending,
    };

    public static IQueryable<OutboxMessage> Where(this IQueryable<OutboxMessage> q, OutboxView view, DateTimeOffset now)
    {
        var stale = now - OutboxMessage.ClaimTimeout;
        return view switch
        {
            OutboxView.Sent => q.Where(m => m.Status == OutboxStatus.Sent),
            OutboxView.Failed => q.Where(m => m.Status == OutboxStatus.Failed),
            OutboxView.Sending => q.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt >= stale),
            OutboxView.Uncertain => q.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < stale),
            _ => q.Where(m => m.Status == OutboxStatus.Pending),
        };
    }

    /// <summary>The kinds the outbox page offers as a filter.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["Invitation", "PasswordReset", "PaymentReminder"];
}

public sealed class ListOutboxMessagesHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TenantContext tenantContext, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const int PreviewLength = 80;

    private static string Preview(string text) => text.Length > PreviewLength ? text[..PreviewLength] + "…" : text;

    public async Task<Result<OutboxMessagePage>> HandleAsync(ListOutboxMessages query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOutbox)) return Result<OutboxMessagePage>.Fail("Access.Denied");
        if (query.From is { } f && query.To is { } t && t < f) return Result<OutboxMessagePage>.Fail("Outbox.RangeInvalid");
        var now = clock.GetUtcNow();
        var zone = tenantContext.Tenant.TimeZoneId;

        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<OutboxMessage> messages = db.OutboxMessages.AsNoTracking(); // the tenant filter keeps this to the current tenant
        var uncertain = await messages.Where(OutboxView.Uncertain, now).CountAsync(ct);
        if (query.Status is { } status) messages = messages.Where(status, now);
        if (!string.IsNullOrWhiteSpace(query.Kind)) messages = messages.Where(m => m.Kind == query.Kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim().ToLowerInvariant();
            // A mobile number as people type it (0812-…) finds the texts to it, which are stored as +62812….
            var phone = ContactRules.IndonesianMobile(search).Value ?? search;
            messages = messages.Where(m => m.To.Contains(search) || m.To == phone || m.Subject.ToLower().Contains(search));
        }
        if (query.From is { } from)
        {
            var start = DisplayTime.StartOfDayUtc(from, zone);
            messages = messages.Where(m => m.CreatedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = DisplayTime.StartOfDayUtc(to.AddDays(1), zone);
            messages = messages.Where(m => m.CreatedAt < end);
        }

        var total = await messages.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var sorted = Sort(messages, query.SortBy, query.Descending);
        IQueryable<OutboxMessage> page = query.All ? sorted : sorted.Skip(Math.Max(query.Page, 0) * size).Take(size);
        var rows = await page
            .Select(m => new { m.Id, m.Kind, m.Channel, m.To, Subject = m.Channel == OutboxChannels.Email ? m.Subject : m.Body.Substring(0, PreviewLength + 1), m.Status, m.ClaimedAt, m.CreatedAt, m.SentAt, m.Attempts, m.NextAttemptAt, m.LastError })
            .ToListAsync(ct);
        var items = rows.Select(m => new OutboxListItem(m.Id, m.Kind, m.Channel, m.To, m.Channel == OutboxChannels.Email ? m.Subject : Preview(m.Subject), OutboxViews.Of(m.Status, m.ClaimedAt, now),
            m.CreatedAt, m.SentAt, m.Attempts, m.NextAttemptAt, m.LastError)).ToList();
        return Result<OutboxMessagePage>.Ok(new OutboxMessagePage(items, total, uncertain));
    }

    private static IOrderedQueryable<OutboxMessage> Sort(IQueryable<OutboxMessage> q, string? sortBy, bool descending)
    {
        IOrderedQueryable<OutboxMessage> sorted = (sortBy, descending) switch
        {
            (nameof(OutboxListItem.To), false) => q.OrderBy(m => m.To),
            (nameof(OutboxListItem.To), true) => q.OrderByDescending(m => m.To),
            (nameof(OutboxListItem.Kind), false) => q.OrderBy(m => m.Kind),
            (nameof(OutboxListItem.Kind), true) => q.OrderByDescending(m => m.Kind),
            (nameof(OutboxListItem.Subject), false) => q.OrderBy(m => m.Subject),
            (nameof(OutboxListItem.Subject), true) => q.OrderByDescending(m => m.Subject),
            (nameof(OutboxListItem.SentAt), false) => q.OrderBy(m => m.SentAt),
            (nameof(OutboxListItem.SentAt), true) => q.OrderByDescending(m => m.SentAt),
            (_, false) => q.OrderBy(m => m.CreatedAt),
            _ => q.OrderByDescending(m => m.CreatedAt),
        };
        return sorted.ThenBy(m => m.Id); // stable, so paging neither skips nor repeats a message
    }
}
