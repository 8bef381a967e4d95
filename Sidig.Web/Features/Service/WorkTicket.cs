using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Service;

public sealed record ChangeTicketStatus(string Number, TicketStatus To, string? Text, string BaseUrl);

public sealed record AssignTicket(string Number, Guid? UserId, Guid? PartnerId);

public sealed record ChangeTicketPriority(string Number, TicketPriority Priority);

/// <summary>A file sent with a message: its name as uploaded and its bytes.</summary>
public sealed record UploadedFile(string? Name, byte[] Content);

/// <summary>A reply to the customer, an internal note or a technician's visit report, with attachments.</summary>
public sealed record WriteTicketMessage(string Number, TicketMessageKind Kind, string? Body, IReadOnlyList<UploadedFile> Files, string BaseUrl);

/// <summary>Who a ticket can be assigned to: customer service, technicians, admins, and active service-centre partners.</summary>
public sealed record ListAssignees;

public sealed record AssigneeOption(Guid? UserId, Guid? PartnerId, string Name, string Kind);

/// <summary>
/// The desk's everyday commands on one ticket. Each loads the ticket through <see cref="TicketScope"/> (a ticket the user may
/// not see is "not found"), lets the domain decide, and saves with the ticket's version as concurrency token: two people
/// changing the same ticket — the second is told it changed. The customer hears of replies and of status changes they must
/// know about (waiting on them, resolved, rejected) on WhatsApp, through the outbox in the same transaction.
/// </summary>
public sealed class WorkTicketHandler(IDbContextFactory<SidigDbContext> factory, TicketScope scope, Permissions permissions, CurrentUser user,
    TimeProvider clock, TenantContext tenant, Sidig.Infrastructure.Notifications.Outbox outbox)
{
    public const int MaxFiles = 5;

    public Task<Result> HandleAsync(ChangeTicketStatus command, CancellationToken ct = default) =>
        WithTicketAsync(command.Number, manage: command.To is TicketStatus.Closed or TicketStatus.Rejected, async (db, ticket, rules, now) =>
        {
            ticket.MoveTo(command.To, command.Text, now, rules.Calendar);
            if (TicketTexts.ForCustomer(ticket, tenant.Tenant.Language, tenant.Tenant.DisplayName, command.BaseUrl,
                    $"ticket:{ticket.Id}:status:{ticket.Status}:{ticket.Version}", now) is { } message)
                await outbox.EnqueueAsync(db, message, ct);
            return Result.Ok();
        }, ct);

    public Task<Result> HandleAsync(ChangeTicketPriority command, CancellationToken ct = default) =>
        WithTicketAsync(command.Number, manage: true, (_, ticket, rules, _) =>
        {
            ticket.ChangePriority(command.Priority, rules.Targets(ticket.Type, command.Priority), rules.Calendar);
            return Task.FromResult(Result.Ok());
        }, ct);

    public Task<Result> HandleAsync(AssignTicket command, CancellationToken ct = default) =>
        WithTicketAsync(command.Number, manage: true, async (db, ticket, _, _) =>
        {
            var option = (await AssigneesAsync(db, ct)).FirstOrDefault(o => command.UserId is { } u ? o.UserId == u : command.PartnerId is { } p && o.PartnerId == p);
            if (option is null) return Result.Fail("Ticket.AssigneeInvalid", "Assignee");
            ticket.Assign(new TicketAssignee(option.UserId, option.PartnerId, option.Name));
            return Result.Ok();
        }, ct);

    public Task<Result> HandleAsync(WriteTicketMessage command, CancellationToken ct = default)
    {
        if (command.Kind == TicketMessageKind.Customer) return Task.FromResult(Result.Fail("Ticket.MessageKindInvalid"));
        var files = command.Files.Where(f => f.Content.Length > 0).ToList();
        if (files.Count > MaxFiles) return Task.FromResult(Result.Fail([new Error("Ticket.TooManyFiles", "Files", MaxFiles)]));
        return WithTicketAsync(command.Number, manage: false, async (db, ticket, rules, now) =>
        {
            var message = ticket.Write(command.Kind, command.Body, user.UserId, user.UserName ?? "?", now, rules.Calendar);
            db.TicketMessages.Add(message);
            foreach (var f in files) db.TicketAttachments.Add(ticket.Attach(message.Id, f.Content, f.Name, customerVisible: message.CustomerVisible));
            if (message.CustomerVisible && TicketTexts.ForCustomer(ticket, tenant.Tenant.Language, tenant.Tenant.DisplayName, command.BaseUrl,
                    $"ticket:{ticket.Id}:message:{message.Id}", now, message) is { } text)
                await outbox.EnqueueAsync(db, text, ct);
            return Result.Ok();
        }, ct);
    }

    public async Task<Result<IReadOnlyList<AssigneeOption>>> HandleAsync(ListAssignees _, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageTickets)) return Result<IReadOnlyList<AssigneeOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        return Result<IReadOnlyList<AssigneeOption>>.Ok(await AssigneesAsync(db, ct));
    }

    internal static async Task<IReadOnlyList<AssigneeOption>> AssigneesAsync(SidigDbContext db, CancellationToken ct)
    {
        string[] roles = [Roles.CustomerService.ToUpperInvariant(), Roles.Technician.ToUpperInvariant(), Roles.PrincipalAdmin.ToUpperInvariant()];
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.PartnerId == null)
            .Select(u => new
            {
                u.Id, u.DisplayName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.NormalizedName)
                    .Where(r => roles.Contains(r)).OrderBy(r => r == "TECHNICIAN" ? 0 : r == "CUSTOMERSERVICE" ? 1 : 2).FirstOrDefault(),
            })
            .Where(u => u.Role != null).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var centres = await db.Partners.AsNoTracking().Where(p => p.IsActive && p.Type == PartnerType.ServiceCentre).OrderBy(p => p.LegalName)
            .Select(p => new { p.Id, p.LegalName }).ToListAsync(ct);
        return [.. users.Select(u => new AssigneeOption(u.Id, null, u.DisplayName, u.Role == "TECHNICIAN" ? Roles.Technician : u.Role == "CUSTOMERSERVICE" ? Roles.CustomerService : Roles.PrincipalAdmin)),
            .. centres.Select(c => new AssigneeOption(null, c.Id, c.LegalName, nameof(PartnerType.ServiceCentre)))];
    }

    /// <summary>Loads the visible ticket, runs <paramref name="change"/> in a transaction, saves; domain refusals and races become results.</summary>
    internal async Task<Result> WithTicketAsync(string number, bool manage, Func<SidigDbContext, Ticket, ServiceRules, DateTimeOffset, Task<Result>> change,
        CancellationToken ct)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return Result.Fail("Access.Denied");
        if (manage && !await scope.ManagesAsync()) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticket = await visible(db.Tickets).FirstOrDefaultAsync(t => t.Number == number.Trim().ToUpper(), ct);
        if (ticket is null) return Result.Fail("Ticket.NotFound");
        var rules = await ServiceRules.LoadAsync(db, tenant.Tenant.TimeZoneId, ct);
        try
        {
            var result = await change(db, ticket, rules, clock.GetUtcNow());
            if (!result.Succeeded) return result;
            await outbox.SaveChangesAsync(db, ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail("Ticket.Changed");
        }
    }
}
