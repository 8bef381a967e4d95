using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Service;

/// <summary>The tenant's business hours, holidays and SLA policies, with the calendar SLA clocks run in.</summary>
public sealed record ServiceRules(ServiceSettings Settings, IReadOnlyList<SlaPolicy> Policies, BusinessCalendar Calendar)
{
    public SlaTargets Targets(TicketType type, TicketPriority priority) => SlaTargets.For(Policies, type, priority);

    public SlaView Sla(Ticket ticket, DateTimeOffset now) => ticket.Sla(now, Calendar, Settings.NearBreachPercent);

    public static async Task<ServiceRules> LoadAsync(SidigDbContext db, string timeZoneId, CancellationToken ct)
    {
        var settings = await db.ServiceSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? ServiceSettings.CreateDefault();
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        return new ServiceRules(settings, policies, new BusinessCalendar(settings, zone));
    }
}
