using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Service;

/// <summary>What the customer sees of their ticket once they have confirmed its phone number.</summary>
public sealed record PublicTicketView(string Number, TicketType Type, TicketStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt,
    string ProductName, string? Serial, int? Rating, string? RatingComment, string? Resolution, string? RejectReason, IReadOnlyList<PublicTicketMessage> Messages)
{
    public bool CanReply => Status is not (TicketStatus.Closed or TicketStatus.Rejected);
}

/// <summary>A message the customer sees: our replies and their own (never internal notes or visit reports).</summary>
public sealed record PublicTicketMessage(bool FromCustomer, string AuthorName, string Body, DateTimeOffset At);

/// <summary>The public ticket page's lookup: the number and the phone must both match, and a wrong pair says only "not found".</summary>
public sealed record GetPublicTicket(string? Number, string? Phone);

/// <summary>The customer rates a resolved ticket (1–5 and a comment), once.</summary>
public sealed record RateTicket(string? Number, string? Phone, int? Stars, string? Comment);

/// <summary>The customer writes on their ticket (an answer while we wait on them puts it back in progress).</summary>
public sealed record ReplyToTicket(string? Number, string? Phone, string? Body);

public sealed class PublicTicketHandler(IDbContextFactory<SidigDbContext> factory, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<PublicTicketView>> HandleAsync(GetPublicTicket query, CancellationToken ct = default)
    {
        if (tenant.Tenant.IsPlatform || string.IsNullOrWhiteSpace(query.Number)) return Result<PublicTicketView>.Fail("Ticket.NotFoundForPhone", "Phone");
        await using var db = await factory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Number == query.Number.Trim().ToUpper(), ct);
        if (ticket is null || !ticket.IsPhoneOf(query.Phone)) return Result<PublicTicketView>.Fail("Ticket.NotFoundForPhone", "Phone");
        var unit = await (from u in db.Units.Where(u => u.Id == ticket.UnitId)
                          join p in db.Products on u.ProductId equals p.Id
                          select new { u.Serial, p.Name }).FirstOrDefaultAsync(ct);
        var messages = await db.TicketMessages.AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && (m.Kind == TicketMessageKind.Reply || m.Kind == TicketMessageKind.Customer))
            .OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new PublicTicketMessage(m.Kind == TicketMessageKind.Customer, m.AuthorName, m.Body, m.At)).ToListAsync(ct);
        return Result<PublicTicketView>.Ok(new PublicTicketView(ticket.Number, ticket.Type, ticket.Status, ticket.CreatedAt, ticket.ResolvedAt,
            unit?.Name ?? "", unit?.Serial, ticket.Rating, ticket.RatingComment, ticket.Resolution, ticket.RejectReason, messages));
    }

    public async Task<Result<PublicTicketView>> HandleAsync(RateTicket command, CancellationToken ct = default)
    {
        var found = await HandleAsync(new GetPublicTicket(command.Number, command.Phone), ct);
        if (!found.Succeeded) return found;
        if (command.Stars is not (>= 1 and <= 5)) return Result<PublicTicketView>.Fail("Ticket.RatingRange", "Stars");
        if (command.Comment?.Trim().Length > Ticket.CommentMax) return Result<PublicTicketView>.Fail("Validation.TooLong", "Comment");
        if (!PlainText.IsPlain(command.Comment, multiline: true)) return Result<PublicTicketView>.Fail("Validation.PlainText", "Comment");
        await using var db = await factory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.FirstAsync(t => t.Number == found.Value!.Number, ct);
        try
        {
            ticket.Rate(command.Stars, command.Comment, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return Result<PublicTicketView>.Fail(e.Code, "Stars");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<PublicTicketView>.Fail("Ticket.AlreadyRated", "Stars");
        }
        return await HandleAsync(new GetPublicTicket(command.Number, command.Phone), ct);
    }

    public async Task<Result<PublicTicketView>> HandleAsync(ReplyToTicket command, CancellationToken ct = default)
    {
        var found = await HandleAsync(new GetPublicTicket(command.Number, command.Phone), ct);
        if (!found.Succeeded) return found;
        if (string.IsNullOrWhiteSpace(command.Body)) return Result<PublicTicketView>.Fail("Ticket.MessageRequired", "Body");
        if (command.Body.Trim().Length > TicketMessage.BodyMax) return Result<PublicTicketView>.Fail("Validation.TooLong", "Body");
        if (!PlainText.IsPlain(command.Body, multiline: true)) return Result<PublicTicketView>.Fail("Validation.PlainText", "Body");
        await using var db = await factory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.FirstAsync(t => t.Number == found.Value!.Number, ct);
        var rules = await ServiceRules.LoadAsync(db, tenant.Tenant.TimeZoneId, ct);
        try
        {
            db.TicketMessages.Add(ticket.Write(TicketMessageKind.Customer, command.Body, null, ticket.CustomerName, clock.GetUtcNow(), rules.Calendar));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return Result<PublicTicketView>.Fail(e.Code, "Body");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<PublicTicketView>.Fail("Ticket.Changed", "Body");
        }
        return await HandleAsync(new GetPublicTicket(command.Number, command.Phone), ct);
    }
}
