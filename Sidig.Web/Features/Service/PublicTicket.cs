using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Service;

/// <summary>What the customer sees of their ticket once they have confirmed its phone number.</summary>
public sealed record PublicTicketView(string Number, TicketType Type, TicketStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt,
    string ProductName, string? Serial, int? Rating, string? RatingComment);

/// <summary>The public ticket page's lookup: the number and the phone must both match, and a wrong pair says only "not found".</summary>
public sealed record GetPublicTicket(string? Number, string? Phone);

/// <summary>The customer rates a resolved ticket (1–5 and a comment), once.</summary>
public sealed record RateTicket(string? Number, string? Phone, int? Stars, string? Comment);

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
        return Result<PublicTicketView>.Ok(new PublicTicketView(ticket.Number, ticket.Type, ticket.Status, ticket.CreatedAt, ticket.ResolvedAt,
            unit?.Name ?? "", unit?.Serial, ticket.Rating, ticket.RatingComment));
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
}
