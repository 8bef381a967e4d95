using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Service;

public enum TicketSort { Due = 0, Newest = 1, Oldest = 2, Priority = 3 }

/// <summary>One page of the tickets the user may see. <paramref name="OpenOnly"/> = not resolved, closed or rejected.</summary>
/// <param name="Mine">only the ones assigned to the signed-in user</param>
public sealed record ListTickets(bool OpenOnly = true, TicketStatus? Status = null, TicketType? Type = null, TicketPriority? Priority = null,
    bool Mine = false, bool Unassigned = false, string? Search = null, TicketSort Sort = TicketSort.Due, int Page = 0, int PageSize = 25);

public sealed record TicketListItem(Guid Id, string Number, TicketType Type, TicketStatus Status, TicketPriority Priority, string CustomerName,
    string? Serial, string? ProductName, string? AssigneeName, DateTimeOffset CreatedAt, SlaView Sla);

public sealed record TicketList(IReadOnlyList<TicketListItem> Items, int TotalCount);

public sealed class ListTicketsHandler(IDbContextFactory<SidigDbContext> factory, TicketScope scope, CurrentUser user, TimeProvider clock, TenantContext tenant)
{
    public const int MaxPageSize = 100;

    public async Task<Result<TicketList>> HandleAsync(ListTickets query, CancellationToken ct = default)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return Result<TicketList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var tickets = visible(db.Tickets.AsNoTracking());
        if (query.Status is { } status) tickets = tickets.Where(t => t.Status == status);
        else if (query.OpenOnly)
            tickets = tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected);
        if (query.Type is { } type) tickets = tickets.Where(t => t.Type == type);
        if (query.Priority is { } priority) tickets = tickets.Where(t => t.Priority == priority);
        if (query.Mine) tickets = tickets.Where(t => user.UserId != null && t.AssignedUserId == user.UserId);
        if (query.Unassigned) tickets = tickets.Where(t => t.AssignedUserId == null && t.AssignedPartnerId == null);
        var rows = from t in tickets
                   from u in db.Units.Where(u => u.Id == t.UnitId).DefaultIfEmpty()
                   from p in db.Products.Where(p => p.Id == u.ProductId).DefaultIfEmpty()
                   select new { Ticket = t, Serial = (string?)u.Serial, ProductName = (string?)p.Name };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            var phoneKey = Domain.Stock.Customer.PhoneKeyOf(s);
            rows = rows.Where(r => r.Ticket.Number.Contains(s) || r.Ticket.CustomerName.ToUpper().Contains(s) || (r.Serial != null && r.Serial.ToUpper().Contains(s))
                                   || (phoneKey != null && phoneKey.Length >= 6 && r.Ticket.PhoneKey.Contains(phoneKey)));
        }
        var total = await rows.CountAsync(ct);
        var sorted = query.Sort switch
        {
            TicketSort.Newest => rows.OrderByDescending(r => r.Ticket.CreatedAt),
            TicketSort.Oldest => rows.OrderBy(r => r.Ticket.CreatedAt),
            TicketSort.Priority => rows.OrderByDescending(r => r.Ticket.Priority).ThenBy(r => r.Ticket.CreatedAt),
            // The running target: first response until answered, then resolution; finished ones last.
            _ => rows.OrderBy(r => r.Ticket.Status == TicketStatus.Resolved || r.Ticket.Status == TicketStatus.Closed || r.Ticket.Status == TicketStatus.Rejected)
                .ThenBy(r => r.Ticket.FirstRespondedAt == null ? r.Ticket.FirstResponseDueAt : r.Ticket.ResolutionDueAt),
        };
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = await sorted.ThenBy(r => r.Ticket.Id).Skip(Math.Max(query.Page, 0) * size).Take(size).ToListAsync(ct);
        var rules = await ServiceRules.LoadAsync(db, tenant.Tenant.TimeZoneId, ct);
        var now = clock.GetUtcNow();
        return Result<TicketList>.Ok(new TicketList(page.Select(r => new TicketListItem(r.Ticket.Id, r.Ticket.Number, r.Ticket.Type, r.Ticket.Status,
            r.Ticket.Priority, r.Ticket.CustomerName, r.Serial, r.ProductName, r.Ticket.AssigneeName, r.Ticket.CreatedAt, rules.Sla(r.Ticket, now))).ToList(), total));
    }
}
