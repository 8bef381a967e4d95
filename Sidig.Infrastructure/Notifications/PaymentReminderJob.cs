using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Notifications;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Notifications;

/// <summary>One reminder due for an invoice today: "before-3", "due" or "after-7".</summary>
public sealed record ReminderDue(string Kind, int Days);

/// <summary>
/// The reminder schedule (ADR 0007), a pure function of the settings, the due date and today (in the tenant's zone):
/// <list type="bullet">
/// <item>"before-N" on exactly due − N days, "due" on the due date;</item>
/// <item>after the due date, the most recent configured step N ≤ days overdue ("after-N"), as long as it is at most
/// <see cref="CatchUpDays"/> days old. Run daily, that is the step on its own day; after days without a run it is the
/// one latest step, once (older, skipped steps are not sent late). The dedup key makes each kind go out once.</item>
/// </list>
/// </summary>
public static class ReminderSchedule
{
    public const int CatchUpDays = 7;

    public static ReminderDue? For(SalesSettings settings, DateOnly dueDate, DateOnly today)
    {
        if (!settings.RemindersEnabled) return null;
        var daysOverdue = today.DayNumber - dueDate.DayNumber;
        if (daysOverdue < 0)
            return settings.ReminderDaysBefore > 0 && -daysOverdue == settings.ReminderDaysBefore
                ? new ReminderDue($"before-{settings.ReminderDaysBefore}", settings.ReminderDaysBefore) : null;
        if (daysOverdue == 0) return settings.RemindOnDueDate ? new ReminderDue("due", 0) : null;
        var step = settings.ReminderDaysAfterList.Where(n => n <= daysOverdue).DefaultIfEmpty(0).Max();
        return step > 0 && daysOverdue - step <= CatchUpDays ? new ReminderDue($"after-{step}", step) : null;
    }

    /// <summary>The window of due dates that can have a reminder today.</summary>
    public static (DateOnly From, DateOnly To) DueDates(SalesSettings settings, DateOnly today)
    {
        var after = settings.ReminderDaysAfterList.DefaultIfEmpty(0).Max();
        return (today.AddDays(-(after + CatchUpDays)), today.AddDays(Math.Max(settings.ReminderDaysBefore, 0)));
    }

    public static string DedupKey(Guid invoiceId, string kind) => $"reminder:{invoiceId}:{kind}";
}

/// <summary>
/// Daily, per tenant: queues the payment reminders due today for open invoices (unpaid, partially paid) to the
/// partner's billing e-mail (else its e-mail), in the tenant's language. Idempotent: the key
/// <c>reminder:{invoice}:{kind}</c> makes a re-run the same day (or any day) queue nothing already queued.
/// </summary>
public sealed class PaymentReminderJob(TenantJobScope scope, TimeProvider clock, Outbox outbox, ILogger<PaymentReminderJob> logger)
{
    public const string Kind = "PaymentReminder";

    public Task RunAsync(Guid tenantId, CancellationToken ct) => scope.RunAsync(tenantId, async sp =>
    {
        var tenant = sp.GetRequiredService<TenantContext>().Tenant;
        var db = sp.GetRequiredService<SidigDbContext>();
        var settings = await db.SalesSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? SalesSettings.CreateDefault();
        if (!settings.RemindersEnabled) return;
        var now = clock.GetUtcNow();
        var today = Today(now, tenant.TimeZoneId);
        var (from, to) = ReminderSchedule.DueDates(settings, today);

        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartiallyPaid) && i.DueDate >= from && i.DueDate <= to)
            .Join(db.Partners, i => i.PartnerId, p => p.Id, (i, p) => new
            {
                i.Id, i.Number, i.DueDate, i.Total, i.PaidAmount, i.CreditedAmount, i.PartnerName, i.BankDetails, p.BillingEmail, p.Email,
            })
            .ToListAsync(ct);
        var messages = new List<OutboxMessage>();
        foreach (var invoice in invoices)
        {
            if (ReminderSchedule.For(settings, invoice.DueDate, today) is not { } due) continue;
            var outstanding = Math.Max(0, invoice.Total - invoice.PaidAmount - invoice.CreditedAmount);
            if (outstanding <= 0) continue;
            var recipient = EmailAddress.Normalize(invoice.BillingEmail) ?? EmailAddress.Normalize(invoice.Email);
            if (recipient is null)
            {
                logger.LogWarning("No reminder {Kind} for invoice {Number} of tenant {Tenant}: the partner has no billing e-mail or e-mail",
                    due.Kind, invoice.Number, tenant.Slug);
                continue;
            }
            var text = ReminderTexts.Build(tenant.Language, due, new ReminderFacts(invoice.Number, invoice.PartnerName, outstanding,
                invoice.DueDate, tenant.DisplayName, invoice.BankDetails));
            messages.Add(OutboxMessage.Email(Kind, ReminderSchedule.DedupKey(invoice.Id, due.Kind), recipient, text.Subject, text.Body, null, now));
        }
        var queued = await outbox.EnqueueAsync(db, messages, ct);
        await outbox.SaveChangesAsync(db, ct);
        if (queued > 0) logger.LogInformation("Queued {Count} payment reminders for tenant {Tenant} ({Today})", queued, tenant.Slug, today);
    }, ct);

    public static DateOnly Today(DateTimeOffset now, string timeZoneId) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var z) ? z : TimeZoneInfo.Utc).DateTime);
}

public sealed record ReminderFacts(string InvoiceNumber, string PartnerName, decimal Outstanding, DateOnly DueDate, string TenantName, string? BankDetails);

public sealed record EmailText(string Subject, string Body);

/// <summary>The reminder e-mail in Indonesian (id-ID, the default) or English (en-US).</summary>
public static class ReminderTexts
{
    public const string DateFormat = "d MMM yyyy";

    public static EmailText Build(string language, ReminderDue due, ReminderFacts f)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var culture = CultureInfo.GetCultureInfo(english ? "en-US" : "id-ID");
        var date = f.DueDate.ToString(DateFormat, culture);
        var amount = Idr.Format(f.Outstanding);
        if (english)
        {
            var when = due.Kind == "due" ? $"is due today ({date})"
                : due.Kind.StartsWith("before", StringComparison.Ordinal) ? $"is due in {due.Days} day{(due.Days == 1 ? "" : "s")}, on {date}"
                : $"was due on {date} and is {due.Days} day{(due.Days == 1 ? "" : "s")} overdue";
            var subject = due.Kind.StartsWith("after", StringComparison.Ordinal)
                ? $"Overdue invoice {f.InvoiceNumber}: {amount}" : $"Payment reminder: invoice {f.InvoiceNumber} due {date}";
            return new EmailText(subject, $"""
                Dear {f.PartnerName},

                Invoice {f.InvoiceNumber} {when}.
                Amount outstanding: {amount}
                {Bank(f.BankDetails, "Please transfer to:")}
                If you have already paid, please disregard this message or send us the proof of payment.

                Regards,
                {f.TenantName}
                """);
        }
        var kapan = due.Kind == "due" ? $"jatuh tempo hari ini ({date})"
            : due.Kind.StartsWith("before", StringComparison.Ordinal) ? $"akan jatuh tempo dalam {due.Days} hari, pada {date}"
            : $"telah jatuh tempo pada {date} dan terlambat {due.Days} hari";
        var judul = due.Kind.StartsWith("after", StringComparison.Ordinal)
            ? $"Faktur {f.InvoiceNumber} lewat jatuh tempo: {amount}" : $"Pengingat pembayaran: faktur {f.InvoiceNumber} jatuh tempo {date}";
        return new EmailText(judul, $"""
            Yth. {f.PartnerName},

            Faktur {f.InvoiceNumber} {kapan}.
            Sisa tagihan: {amount}
            {Bank(f.BankDetails, "Pembayaran dapat ditransfer ke:")}
            Jika Anda sudah membayar, abaikan pesan ini atau kirimkan bukti pembayaran kepada kami.

            Hormat kami,
            {f.TenantName}
            """);
    }

    private static string Bank(string? details, string label) =>
        string.IsNullOrWhiteSpace(details) ? "" : $"{label}\n{details.Trim()}\n";
}
