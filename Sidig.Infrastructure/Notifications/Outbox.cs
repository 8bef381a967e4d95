using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Notifications;

/// <summary>
/// The one way a message is queued: <see cref="EnqueueAsync(SidigDbContext, OutboxMessage, CancellationToken)"/> adds it
/// to the caller's context, so it is written by the caller's own SaveChanges — in the transaction of the business change
/// that causes it (ADR 0007). A message whose <see cref="OutboxMessage.DedupKey"/> is already queued in this tenant is
/// dropped silently; <see cref="SaveChangesAsync"/> also treats a unique violation on that key (someone queued the same
/// key in between) as "already queued" and saves the rest of the caller's changes.
/// </summary>
public sealed class Outbox(ILogger<Outbox> logger)
{
    /// <summary>Adds the message unless its key is already queued (in the database or in this context). True when added.</summary>
    public async Task<bool> EnqueueAsync(SidigDbContext db, OutboxMessage message, CancellationToken ct = default) =>
        await EnqueueAsync(db, [message], ct) == 1;

    /// <summary>Adds every message whose key is not yet queued (one query for all keys); returns how many were added.</summary>
    public async Task<int> EnqueueAsync(SidigDbContext db, IReadOnlyCollection<OutboxMessage> messages, CancellationToken ct = default)
    {
        if (messages.Count == 0) return 0;
        var keys = messages.Select(m => m.DedupKey).Distinct().ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        // The tenant query filter keeps this to the current tenant, where the key is unique.
        foreach (var chunk in keys.Chunk(500))
            taken.UnionWith(await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct));
        taken.UnionWith(db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DedupKey));
        var added = 0;
        foreach (var message in messages)
        {
            if (!taken.Add(message.DedupKey)) continue;
            db.OutboxMessages.Add(message);
            added++;
        }
        return added;
    }

    /// <summary>
    /// Saves the caller's context. When the save fails on the outbox's unique key (the same key was queued by someone
    /// else since <see cref="EnqueueAsync(SidigDbContext, OutboxMessage, CancellationToken)"/> checked), the messages that
    /// are now queued are dropped and the save is repeated, so the business change is not lost for a duplicate message.
    /// Inside a caller's transaction EF Core rolls back to its savepoint, so the repeat works on PostgreSQL too.
    /// </summary>
    public async Task<int> SaveChangesAsync(SidigDbContext db, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                var pending = db.ChangeTracker.Entries<OutboxMessage>().Where(x => x.State == EntityState.Added).ToList();
                if (pending.Count == 0) throw;
                var keys = pending.Select(x => x.Entity.DedupKey).ToList();
                var existing = await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct);
                if (existing.Count == 0) throw; // the violation was about something else
                foreach (var entry in pending.Where(x => existing.Contains(x.Entity.DedupKey)))
                {
                    logger.LogInformation("Outbox message {Key} was queued meanwhile; not queued again", entry.Entity.DedupKey);
                    entry.State = EntityState.Detached;
                }
            }
        }
    }
}
