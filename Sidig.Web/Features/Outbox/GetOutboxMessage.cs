using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Outbox;

/// <summary>One message with its text, for the detail dialog of the outbox page.</summary>
public sealed record GetOutboxMessage(Guid Id);

public sealed record OutboxMessageDetail(
    Guid Id, string Kind, string Channel, string To, string Subject, string Body, string? HtmlBody, OutboxView Status,
    DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? SentAt, int Attempts, DateTimeOffset NextAttemptAt,
    string? LastError, string DedupKey)
{
    public bool CanRetry => Status is OutboxView.Failed or OutboxView.Uncertain;
}

public sealed class GetOutboxMessageHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock)
{
    public async Task<Result<OutboxMessageDetail>> HandleAsync(GetOutboxMessage query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOutbox)) return Result<OutboxMessageDetail>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (m is null) return Result<OutboxMessageDetail>.Fail("Outbox.NotFound"); // also another tenant's: the filter hides it
        return Result<OutboxMessageDetail>.Ok(new OutboxMessageDetail(m.Id, m.Kind, m.Channel, m.To, m.Subject, m.Body, m.HtmlBody,
            OutboxViews.Of(m.Status, m.ClaimedAt, clock.GetUtcNow()), m.CreatedAt, m.ClaimedAt, m.SentAt, m.Attempts, m.NextAttemptAt,
            m.LastError, m.DedupKey));
    }
}
