using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Notifications;
using Sidig.Domain.Service;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Service;

/// <summary>Ticket numbers "TK-2026-000123": typed into the ticket page's address, so no slashes; gapless per year.</summary>
public static class TicketNumbers
{
    public const string Prefix = "TK";

    public static string Format(string year, long n) => $"{Prefix}-{year}-{n:000000}";

    /// <summary>The next number; call inside the transaction that saves the ticket (a rollback gives the number back).</summary>
    public static async Task<string> NextAsync(SidigDbContext db, TimeProvider clock, TenantContext tenant, CancellationToken ct)
    {
        var year = TenantDates.Today(clock, tenant.Tenant.TimeZoneId).Year.ToString(CultureInfo.InvariantCulture);
        return Format(year, await NumberSequences.NextAsync(db, Prefix, year, ct));
    }
}

/// <summary>
/// Which tickets the signed-in user may see and work: customer service and admins every ticket; a technician the ones
/// assigned to them; a partner user (a service centre) those assigned to its partner and those it opened for its customers.
/// Every ticket query and command goes through <see cref="Visible"/>, so a guessed id finds nothing.
/// </summary>
public sealed class TicketScope(Permissions permissions, PartnerScope partners, CurrentUser user)
{
    public async Task<Func<IQueryable<Ticket>, IQueryable<Ticket>>?> VisibleAsync(CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.WorkTickets)) return null;
        if (await partners.IsPartnerUserAsync(ct))
        {
            var own = await partners.OwnPartnerAsync(ct);
            if (own is not { } partnerId) return q => q.Where(_ => false);
            return q => q.Where(t => t.AssignedPartnerId == partnerId || t.ReporterPartnerId == partnerId);
        }
        if (await permissions.HasAsync(Policies.ManageTickets)) return q => q;
        var me = user.UserId;
        return q => q.Where(t => me != null && t.AssignedUserId == me);
    }

    public Task<bool> ManagesAsync() => permissions.HasAsync(Policies.ManageTickets);
}

/// <summary>What the customer hears on WhatsApp when their ticket changes, with the link to follow it.</summary>
public static class TicketTexts
{
    public const string Kind = "Ticket";

    public static string TicketUrl(string baseUrl, string number) => $"{baseUrl.TrimEnd('/')}/t/{number}";

    public static OutboxMessage? ForCustomer(Ticket ticket, string language, string company, string baseUrl, string key, DateTimeOffset now,
        TicketMessage? reply = null)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var url = TicketUrl(baseUrl, ticket.Number);
        string? what = (reply, ticket.Status, english) switch
        {
            ({ } r, _, true) => $"New reply on your ticket {ticket.Number}:\n{Cut(r.Body)}",
            ({ } r, _, false) => $"Balasan baru untuk tiket {ticket.Number}:\n{Cut(r.Body)}",
            (null, TicketStatus.WaitingOnCustomer, true) => $"We need information from you for ticket {ticket.Number}.",
            (null, TicketStatus.WaitingOnCustomer, false) => $"Kami memerlukan informasi dari Anda untuk tiket {ticket.Number}.",
            (null, TicketStatus.Resolved, true) => $"Your ticket {ticket.Number} is resolved: {Cut(ticket.Resolution)}\nPlease rate our service.",
            (null, TicketStatus.Resolved, false) => $"Tiket {ticket.Number} telah selesai: {Cut(ticket.Resolution)}\nMohon beri penilaian layanan kami.",
            (null, TicketStatus.Rejected, true) => $"Your ticket {ticket.Number} was declined: {Cut(ticket.RejectReason)}",
            (null, TicketStatus.Rejected, false) => $"Tiket {ticket.Number} tidak dapat kami proses: {Cut(ticket.RejectReason)}",
            _ => null,
        };
        if (what is null) return null;
        var body = english ? $"{company}: {what}\nFollow it at {url}" : $"{company}: {what}\nLihat di {url}";
        return OutboxMessage.TextMessage(Kind, key, ticket.CustomerPhone, body[..Math.Min(body.Length, OutboxMessage.TextMaxLength)], now);
    }

    private static string Cut(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}
