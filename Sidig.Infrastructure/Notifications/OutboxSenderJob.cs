using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Notifications;

/// <summary>
/// Delivers one tenant's due outbox messages (ADR 0007). Per message: the claim (Pending → Sending) is committed first,
/// then the message is handed to the transport, then it is marked sent. So a message goes out at most once: a re-run
/// only takes Pending messages, and one whose sender died after the claim stays Sending — "uncertain" on the outbox
/// page after <see cref="OutboxMessage.ClaimTimeout"/>, for an admin to check and retry — never lost, never re-sent by itself.
/// The claim is a conditional update (still Pending, same attempt count), so two senders running at once never both
/// take the same message.
/// </summary>
public sealed class OutboxSenderJob(
    TenantJobScope scope, IServiceScopeFactory scopes, TimeProvider clock, IEmailTransport transport, IPhoneMessageTransport phoneTransport,
    ILogger<OutboxSenderJob> logger)
{
    public const int BatchSize = 100;

    public Task RunAsync(Guid tenantId, CancellationToken ct) => tenantId == TenantIds.Platform
        ? RunForPlatformAsync(ct) // platform users' password resets
        : scope.RunAsync(tenantId, sp => SendDueAsync(sp, ct), ct);

    private async Task RunForPlatformAsync(CancellationToken ct)
    {
        await using var platform = scopes.CreateAsyncScope();
        platform.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
        await SendDueAsync(platform.ServiceProvider, ct);
    }

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    private async Task<int> SendDueAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SidigDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.CreatedAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var message in due)
        {
            ct.ThrowIfCancellationRequested();
            if (!await ClaimAsync(db, message, ct)) continue;
            try
            {
                await SendAsync(message, ct);
            }
            catch (MessageNotSentException e)
            {
                message.MarkFailed(clock.GetUtcNow(), e.Message);
                await db.SaveChangesAsync(CancellationToken.None);
                logger.LogWarning("Outbox message {Id} ({Kind}) not sent, attempt {Attempt}: {Error}; status {Status}",
                    message.Id, message.Kind, message.Attempts, e.Message, message.Status);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // It may have reached the server: left Sending, shown as uncertain; never retried automatically.
                logger.LogError(e, "Outbox message {Id} ({Kind}) may or may not have been sent; left for an admin to check", message.Id, message.Kind);
                continue;
            }
            message.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None); // it went out: record that even when the job is being stopped
            sent++;
        }
        return sent;
    }

    /// <summary>By channel: e-mail to the mail transport, WhatsApp/SMS to the phone-message transport. An unknown channel
    /// (a newer version queued it) cannot be delivered by this one: not sent, retried, failed in the end, visible to an admin.</summary>
    private Task SendAsync(OutboxMessage message, CancellationToken ct) => message.Channel switch
    {
        OutboxChannels.Email => transport.SendAsync(message, ct),
        OutboxChannels.WhatsApp or OutboxChannels.Sms => phoneTransport.SendAsync(message, ct),
        _ => throw new MessageNotSentException($"No transport for channel '{message.Channel}'"),
    };

    /// <summary>Commits the claim; false when another sender took the message first.</summary>
    private async Task<bool> ClaimAsync(SidigDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var attemptsBefore = message.Attempts;
        message.Claim(clock.GetUtcNow());
        var claimedAt = message.ClaimedAt;
        var attempts = message.Attempts;
        var taken = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && m.Attempts == attemptsBefore)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimedAt, claimedAt)
                .SetProperty(m => m.Attempts, attempts), ct);
        var entry = db.Entry(message);
        if (taken == 0)
        {
            entry.State = EntityState.Detached;
            return false;
        }
        entry.OriginalValues.SetValues(entry.CurrentValues); // the row now holds what the entity holds
        entry.State = EntityState.Unchanged;
        return true;
    }
}
