using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Service;

public sealed record GetServiceSettings;

/// <summary>One row of the SLA grid: targets in business minutes (the form shows hours).</summary>
public sealed record SlaRow(TicketType Type, TicketPriority Priority, int FirstResponseMinutes, int ResolutionMinutes, bool IsDefault);

public sealed record ServiceSettingsView(int WorkDays, TimeOnly OpensAt, TimeOnly ClosesAt, string Holidays, int NearBreachPercent, IReadOnlyList<SlaRow> Sla);

public sealed record SaveServiceSettings(int WorkDays, TimeOnly OpensAt, TimeOnly ClosesAt, string? Holidays, int NearBreachPercent, IReadOnlyList<SlaRow> Sla);

/// <summary>Business hours, holidays and the SLA policy of every type × priority (a row left at its default is not stored).</summary>
public sealed class ServiceSettingsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<ServiceSettingsView>> HandleAsync(GetServiceSettings _, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageServiceSettings)) return Result<ServiceSettingsView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.ServiceSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? ServiceSettings.CreateDefault();
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        var rows = (from type in Enum.GetValues<TicketType>()
                    from priority in Enum.GetValues<TicketPriority>()
                    let p = policies.FirstOrDefault(x => x.Type == type && x.Priority == priority)
                    let t = SlaTargets.For(policies, type, priority)
                    select new SlaRow(type, priority, t.FirstResponseMinutes, t.ResolutionMinutes, p is null)).ToList();
        return Result<ServiceSettingsView>.Ok(new ServiceSettingsView(s.WorkDays, s.OpensAt, s.ClosesAt, s.Holidays, s.NearBreachPercent, rows));
    }

    public async Task<Result> HandleAsync(SaveServiceSettings command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageServiceSettings)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var settings = await db.ServiceSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.ServiceSettings.Add(settings = ServiceSettings.CreateDefault());
        var policies = await db.SlaPolicies.ToListAsync(ct);
        try
        {
            settings.Update(command.WorkDays, command.OpensAt, command.ClosesAt, command.Holidays, command.NearBreachPercent);
            foreach (var row in command.Sla)
            {
                if (!Enum.IsDefined(row.Type) || !Enum.IsDefined(row.Priority)) return Result.Fail("Service.SlaRowInvalid");
                var existing = policies.FirstOrDefault(p => p.Type == row.Type && p.Priority == row.Priority);
                var fallback = SlaTargets.Default(row.Priority);
                SlaTargets.Check(row.FirstResponseMinutes, row.ResolutionMinutes);
                if (existing is null && fallback == new SlaTargets(row.FirstResponseMinutes, row.ResolutionMinutes)) continue;
                if (existing is null) db.SlaPolicies.Add(SlaPolicy.Create(row.Type, row.Priority, row.FirstResponseMinutes, row.ResolutionMinutes));
                else existing.Set(row.FirstResponseMinutes, row.ResolutionMinutes);
            }
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok();
    }
}
