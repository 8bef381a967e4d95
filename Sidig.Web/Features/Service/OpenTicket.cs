using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Service;

/// <summary>Staff open a ticket for a call or a visit; a partner's user for its customer. <paramref name="Unit"/>: serial or scanned label.</summary>
public sealed record OpenTicket(TicketType? Type, TicketPriority? Priority, string? Unit, string? Description, string? Name, string? Phone, string? Email);

public sealed class OpenTicketHandler(IDbContextFactory<SidigDbContext> factory, TicketScope scope, PartnerScope partners, CurrentUser user,
    TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<string>> HandleAsync(OpenTicket command, CancellationToken ct = default)
    {
        if (await scope.VisibleAsync(ct) is null) return Result<string>.Fail("Access.Denied");
        var partnerUser = await partners.IsPartnerUserAsync(ct);
        var own = await partners.OwnPartnerAsync(ct);
        if (partnerUser && own is null) return Result<string>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        Guid? unitId = null;
        var typed = SerialEntry.Split(command.Unit);
        if (typed.Count > 1) return Result<string>.Fail("Ticket.OneUnit", "Unit");
        if (typed.Count == 1)
        {
            var (key, code) = (SerialEntry.SerialKey(typed[0]), SerialEntry.CodeOf(typed[0]));
            var unit = await db.Units.AsNoTracking().Where(u => u.Serial.ToUpper() == key || code != null && u.PublicCode == code)
                .Select(u => new { u.Id, u.OwnerPartnerId }).FirstOrDefaultAsync(ct);
            // A partner opens tickets only for units it holds or sold; another's unit is as unknown as a wrong serial.
            if (unit is null || partnerUser && unit.OwnerPartnerId != own) return Result<string>.Fail("Ticket.UnitUnknown", "Unit");
            unitId = unit.Id;
        }
        var input = new TicketInput(command.Type, command.Priority, unitId, command.Description, command.Name, command.Phone, command.Email);
        if (Ticket.Check(input) is { Count: > 0 } errors) return Result<string>.Fail(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await TicketNumbers.NextAsync(db, clock, tenant, ct);
        var rules = await ServiceRules.LoadAsync(db, tenant.Tenant.TimeZoneId, ct);
        var ticket = Ticket.Open(number, input, partnerUser ? TicketSource.Partner : TicketSource.Staff, own, user.UserName, clock.GetUtcNow(),
            rules.Targets(input.Type!.Value, input.Priority!.Value), rules.Calendar);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<string>.Ok(number);
    }
}
