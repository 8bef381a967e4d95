using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Notifications;

/// <summary>What one scan (or one batch of it) did: registrations read, messages queued.</summary>
public sealed record WarrantyReminderScan(int Registrations, int Queued);

/// <summary>
/// Daily, per tenant: queues the warranty-expiry and maintenance reminders due today (<see cref="WarrantyReminderSchedule"/>)
/// to the buyer of each approved registration — WhatsApp always, e-mail too when given — in the tenant's language.
/// The registrations are read in keyset pages by id (small projections, nothing tracked), and each page's messages are
/// saved before the next is read, so memory stays flat and a crash loses at most the page in hand; the dedup key
/// (unit × kind × due date) makes any re-run queue only what is not queued yet.
/// </summary>
public sealed class WarrantyReminderJob(TenantJobScope scope, TimeProvider clock, Outbox outbox, IOptions<TenancyOptions> tenancy,
    ILogger<WarrantyReminderJob> logger)
{
    public const string Kind = "WarrantyReminder";
    public const int DefaultBatchSize = 5000;

    public Task RunAsync(Guid tenantId, CancellationToken ct) => ScanAsync(tenantId, DefaultBatchSize, null, ct);

    /// <param name="afterBatch">called after each saved page (the benchmark samples memory there)</param>
    public async Task<WarrantyReminderScan> ScanAsync(Guid tenantId, int batchSize, Func<WarrantyReminderScan, Task>? afterBatch, CancellationToken ct)
    {
        var total = new WarrantyReminderScan(0, 0);
        await scope.RunAsync(tenantId, async sp =>
        {
            var tenant = sp.GetRequiredService<TenantContext>().Tenant;
            var db = sp.GetRequiredService<SidigDbContext>();
            var settings = await db.WarrantySettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? WarrantySettings.CreateDefault();
            var policies = await db.WarrantyPolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
            if (settings.ExpiryReminderDays == 0 && policies.Values.All(p => p.MaintenanceMonths is null)) return;
            var now = clock.GetUtcNow();
            var today = PaymentReminderJob.Today(now, tenant.TimeZoneId);
            var origin = tenancy.Value.TenantOrigin(tenant.Slug);

            Guid? after = null;
            while (true)
            {
                var page = await Page(db, after, batchSize).ToListAsync(ct);
                if (page.Count == 0) break;
                after = page[^1].RegistrationId;
                var messages = new List<OutboxMessage>();
                foreach (var row in page)
                {
                    if (row.PolicyId is not { } policyId || !policies.TryGetValue(policyId, out var policy)) continue;
                    // The scan page's own computation of the warranty (WarrantyView.Of); void units are not read at all.
                    var warranty = WarrantyView.Of(policy, row.RegisteredOn, row.SoldOn, row.DeliveredOn, null, today);
                    foreach (var due in WarrantyReminderSchedule.Due(warranty, settings.ExpiryReminderDays, policy.MaintenanceMonths, today))
                        AddMessages(messages, row, due, tenant, origin, now);
                }
                var queued = await outbox.EnqueueAsync(db, messages, ct);
                await outbox.SaveChangesAsync(db, ct);
                db.ChangeTracker.Clear();
                var batch = new WarrantyReminderScan(page.Count, queued);
                total = new WarrantyReminderScan(total.Registrations + batch.Registrations, total.Queued + batch.Queued);
                if (afterBatch is not null) await afterBatch(batch);
                if (page.Count < batchSize) break;
            }
            if (total.Queued > 0)
                logger.LogInformation("Queued {Count} warranty reminders for tenant {Tenant} ({Today})", total.Queued, tenant.Slug, today);
        }, ct);
        return total;
    }

    /// <summary>
    /// The next page of approved registrations after <paramref name="after"/> (by id) whose unit can still have a warranty:
    /// not void, not replaced or scrapped, a product with a policy. Only the newest approved registration of a unit counts
    /// (a second owner is the one reminded).
    /// </summary>
    private static IQueryable<ReminderRow> Page(SidigDbContext db, Guid? after, int size)
    {
        var registrations = db.WarrantyRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Approved);
        if (after is { } last) registrations = registrations.Where(r => r.Id.CompareTo(last) > 0);
        return (from r in registrations
                join u in db.Units on r.UnitId equals u.Id
                join p in db.Products on u.ProductId equals p.Id
                where u.WarrantyVoidReason == null && u.Status != UnitStatus.Replaced && u.Status != UnitStatus.Scrapped && p.WarrantyPolicyId != null
                      && !db.WarrantyRegistrations.Any(o => o.UnitId == r.UnitId && o.Status == RegistrationStatus.Approved && o.SubmittedAt > r.SubmittedAt)
                orderby r.Id
                select new ReminderRow(r.Id, r.Name, r.Phone, r.Email, u.Id, u.Serial, u.PublicCode, u.RegisteredOn, u.SoldOn, u.DeliveredOn,
                    p.Name, p.WarrantyPolicyId))
            .Take(size);
    }

    private void AddMessages(List<OutboxMessage> messages, ReminderRow row, WarrantyReminder due, TenantInfo tenant, string origin, DateTimeOffset now)
    {
        var key = due.DedupKey(row.UnitId);
        var text = WarrantyReminderTexts.Build(tenant.Language, due, new WarrantyReminderFacts(row.BuyerName, row.ProductName, row.Serial,
            origin + BatchLabelSource.ScanPath(row.PublicCode), tenant.DisplayName));
        if (ContactRules.IndonesianMobile(row.Phone).Value is { } phone)
            messages.Add(OutboxMessage.TextMessage(Kind, key, phone, text.Text, now));
        else logger.LogWarning("No WhatsApp reminder {Key} for tenant {Tenant}: the registration's phone is not a mobile number", key, tenant.Slug);
        if (EmailAddress.Normalize(row.Email) is { } email)
            messages.Add(OutboxMessage.Email(Kind, key + ":email", email, text.Subject, text.Body, null, now));
    }

    private sealed record ReminderRow(Guid RegistrationId, string BuyerName, string Phone, string? Email, Guid UnitId, string Serial, string PublicCode,
        DateOnly? RegisteredOn, DateOnly? SoldOn, DateOnly? DeliveredOn, string ProductName, Guid? PolicyId);
}

public sealed record WarrantyReminderFacts(string BuyerName, string ProductName, string Serial, string ScanUrl, string TenantName);

/// <summary>A reminder as a WhatsApp text (short, with the scan-page link) and as an e-mail (the same text with a greeting).</summary>
public sealed record WarrantyReminderText(string Text, string Subject, string Body);

/// <summary>The reminder texts in Indonesian (id-ID, the default) or English (en-US).</summary>
public static class WarrantyReminderTexts
{
    public static WarrantyReminderText Build(string language, WarrantyReminder due, WarrantyReminderFacts f)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var date = due.DueDate.ToString(ReminderTexts.DateFormat, CultureInfo.GetCultureInfo(english ? "en-US" : "id-ID"));
        var expiry = due.Kind == WarrantyReminderKind.Expiry;
        var (text, subject) = (english, expiry) switch
        {
            (true, true) => ($"{f.TenantName}: the warranty of your {f.ProductName} (serial {f.Serial}) ends on {date}. Check it or request service: {f.ScanUrl}",
                $"Your warranty for {f.ProductName} {f.Serial} ends on {date}"),
            (true, false) => ($"{f.TenantName}: periodic maintenance of your {f.ProductName} (serial {f.Serial}) is due on {date}. Request service: {f.ScanUrl}",
                $"Maintenance due for {f.ProductName} {f.Serial} on {date}"),
            (false, true) => ($"{f.TenantName}: garansi {f.ProductName} Anda (nomor seri {f.Serial}) berakhir pada {date}. Cek garansi atau minta servis: {f.ScanUrl}",
                $"Garansi {f.ProductName} {f.Serial} berakhir pada {date}"),
            (false, false) => ($"{f.TenantName}: waktunya perawatan berkala {f.ProductName} Anda (nomor seri {f.Serial}) pada {date}. Minta servis: {f.ScanUrl}",
                $"Perawatan berkala {f.ProductName} {f.Serial} pada {date}"),
        };
        var body = english
            ? $"Dear {f.BuyerName},\n\n{text}\n\nRegards,\n{f.TenantName}"
            : $"Yth. {f.BuyerName},\n\n{text}\n\nHormat kami,\n{f.TenantName}";
        return new WarrantyReminderText(text, subject, body);
    }
}
