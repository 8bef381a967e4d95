using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sidig.Domain.Access;
using Sidig.Domain.Notifications;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Notifications;

/// <summary>
/// Every quarter hour, per tenant: open tickets whose running SLA target (first response, then resolution) is near its
/// breach warn their assignee (or customer service when unassigned); breached ones are escalated to customer service and the
/// admins and marked escalated. One e-mail per ticket × target × due date × stage × recipient (the outbox dedup key), so
/// re-runs and crashes send nothing twice; a due date that moves (priority changed, customer waited) warns again.
/// Open tickets are read in batches by number so memory stays flat.
/// </summary>
public sealed class SlaEscalationJob(TenantJobScope scope, TimeProvider clock, Outbox outbox, ILogger<SlaEscalationJob> logger)
{
    public const string Kind = "SlaEscalation";
    public const int BatchSize = 500;

    public Task RunAsync(Guid tenantId, CancellationToken ct) => scope.RunAsync(tenantId, async sp =>
    {
        var tenant = sp.GetRequiredService<TenantContext>().Tenant;
        var db = sp.GetRequiredService<SidigDbContext>();
        var rules = await ServiceRules.LoadAsync(db, tenant.TimeZoneId, ct);
        var now = clock.GetUtcNow();
        var escalateTo = await UsersInRolesAsync(db, [Roles.CustomerService, Roles.PrincipalAdmin], ct);
        var english = tenant.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var queued = 0;
        string? after = null; // keyset on the number: unique per tenant, compared the same way by both databases
        while (true)
        {
            var batch = await db.Tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected
                                                    && (after == null || string.Compare(t.Number, after) > 0))
                .OrderBy(t => t.Number).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Number;
            var assignees = batch.Where(t => t.AssignedUserId != null).Select(t => t.AssignedUserId!.Value).Distinct().ToList();
            var assigneeMail = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id) && u.IsActive && u.Email != null)
                .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
            var messages = new List<OutboxMessage>();
            foreach (var ticket in batch)
            {
                var sla = rules.Sla(ticket, now);
                if (sla.State is not (SlaState.Near or SlaState.Breached) || sla.Due is not { } due) continue;
                var target = sla.FirstResponse ? "first" : "resolution";
                var stage = sla.State == SlaState.Breached ? "breach" : "near";
                var recipients = new Dictionary<Guid, string>();
                if (ticket.AssignedUserId is { } a && assigneeMail.TryGetValue(a, out var mail)) recipients[a] = mail;
                if (sla.State == SlaState.Breached || recipients.Count == 0)
                    foreach (var (id, address) in escalateTo) recipients.TryAdd(id, address);
                var text = Text(english, ticket, sla, due, tenant.TimeZoneId);
                foreach (var (id, address) in recipients)
                    messages.Add(OutboxMessage.Email(Kind, $"sla:{ticket.Id}:{target}:{stage}:{due.UtcTicks}:{id}", address, text.Subject, text.Body, null, now));
                if (sla.State == SlaState.Breached) ticket.MarkEscalated(now);
            }
            queued += await outbox.EnqueueAsync(db, messages, ct);
            await outbox.SaveChangesAsync(db, ct);
            db.ChangeTracker.Clear();
        }
        if (queued > 0) logger.LogInformation("Queued {Count} SLA warnings for tenant {Tenant}", queued, tenant.Slug);
    }, ct);

    private static async Task<List<(Guid Id, string Email)>> UsersInRolesAsync(SidigDbContext db, string[] roles, CancellationToken ct)
    {
        var names = roles.Select(r => r.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.PartnerId == null && u.Email != null
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && names.Contains(r.NormalizedName!))))
            .Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        return users.Select(u => (u.Id, u.Email!)).ToList();
    }

    private static EmailText Text(bool english, Ticket t, SlaView sla, DateTimeOffset due, string zoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : TimeZoneInfo.Utc;
        var at = TimeZoneInfo.ConvertTime(due, zone).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo(english ? "en-US" : "id-ID"));
        var breached = sla.State == SlaState.Breached;
        if (english)
        {
            var what = sla.FirstResponse ? "first response" : "resolution";
            return new EmailText(breached ? $"SLA breached: ticket {t.Number} ({what})" : $"SLA near breach: ticket {t.Number} ({what})",
                $"Ticket {t.Number} ({t.Type}, {t.Priority}) for {t.CustomerName}: the {what} target {(breached ? "was due" : "is due")} at {at}.\n" +
                $"Assignee: {t.AssigneeName ?? "nobody"}\n\n{t.Description}");
        }
        var apa = sla.FirstResponse ? "respons pertama" : "penyelesaian";
        return new EmailText(breached ? $"SLA terlewati: tiket {t.Number} ({apa})" : $"SLA hampir terlewati: tiket {t.Number} ({apa})",
            $"Tiket {t.Number} ({t.Type}, {t.Priority}) untuk {t.CustomerName}: target {apa} {(breached ? "jatuh tempo" : "akan jatuh tempo")} pada {at}.\n" +
            $"Petugas: {t.AssigneeName ?? "belum ada"}\n\n{t.Description}");
    }
}
