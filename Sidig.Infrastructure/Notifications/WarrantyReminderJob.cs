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
            // Products are few next to units: which policy each has is looked up in memory rather than joined per row.
            var policyOf = await db.Products.AsNoTracking().Where(p => p.WarrantyPolicyId != null)
                .ToDictionaryAsync(p => p.Id, p => p.WarrantyPolicyId!.Value, ct);
            var now = clock.GetUtcNow();
            var today = PaymentReminderJob.Today(now, tenant.TimeZoneId);
            var origin = tenancy.Value.TenantOrigin(tenant.Slug);

            Guid? after = null;
            while (true)
            {
                var page = await Page(db, after, batchSize).ToListAsync(ct);
                if (page.Count == 0) break;
                after = page[^1].RegistrationId;
                var due = new List<(Guid RegistrationId, WarrantyReminder Reminder)>();
                foreach (var row in page)
                {
                    if (row.OutOfWarranty || !policyOf.TryGetValue(row.ProductId, out var policyId) || !policies.TryGetValue(policyId, out var policy)) continue;
                    // The scan page's own computation of the warranty (WarrantyView.Of); void units were skipped above.
                    var warranty = WarrantyView.Of(policy, row.RegisteredOn, row.SoldOn, row.DeliveredOn, null, today);
                    due.AddRange(WarrantyReminderSchedule.Due(warranty, settings.ExpiryReminderDays, policy.MaintenanceMonths, today)
                        .Select(r => (row.RegistrationId, r)));
                }
                var messages = new List<OutboxMessage>();
                if (due.Count > 0)
                {
                    var contacts = await Contacts(db, due.Select(d => d.RegistrationId).Distinct().ToList(), ct);
                    foreach (var (registrationId, reminder) in due)
                        if (contacts.TryGetValue(registrationId, out var contact)) AddMessages(messages, contact, reminder, tenant, origin, now);
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
    /// The next page of approved registrations after <paramref name="after"/> (by id), with only the unit's dates the warranty
    /// is computed from. The page is cut from the registrations alone (an index range on the key) before the units are
    /// joined, so each page costs its own rows, not a join of the whole table; units that can no longer have a warranty
    /// (void, replaced, scrapped) are marked rather than filtered so the page's last id is still the cursor.
    /// </summary>
    private static IQueryable<PageRow> Page(SidigDbContext db, Guid? after, int size)
    {
        var registrations = db.WarrantyRegistrations.AsNoTracking().Where(r => r.Status == RegistrationStatus.Approved);
        if (after is { } last) registrations = registrations.Where(r => r.Id.CompareTo(last) > 0);
        return from r in registrations.OrderBy(r => r.Id).Take(size)
               join u in db.Units on r.UnitId equals u.Id
               orderby r.Id
               select new PageRow(r.Id, u.ProductId, u.RegisteredOn, u.SoldOn, u.DeliveredOn,
                   u.WarrantyVoidReason != null || u.Status == UnitStatus.Replaced || u.Status == UnitStatus.Scrapped);
    }

    /// <summary>
    /// Who to tell and what about, for the few registrations of a page that have a reminder due. Only the newest approved
    /// registration of a unit counts (a second owner is the one reminded), so older ones are left out here.
    /// </summary>
    private static async Task<Dictionary<Guid, Contact>> Contacts(SidigDbContext db, List<Guid> registrationIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, Contact>();
        foreach (var chunk in registrationIds.Chunk(500))
        {
            var rows = await (from r in db.WarrantyRegistrations.AsNoTracking().Where(r => chunk.Contains(r.Id))
                              join u in db.Units on r.UnitId equals u.Id
                              join p in db.Products on u.ProductId equals p.Id
                              where !db.WarrantyRegistrations.Any(o => o.UnitId == r.UnitId && o.Status == RegistrationStatus.Approved && o.SubmittedAt > r.SubmittedAt)
                              select new Contact(r.Id, r.Name, r.Phone, r.Email, u.Id, u.Serial, u.PublicCode, p.Name)).ToListAsync(ct);
            foreach (var row in rows) result[row.RegistrationId] = row;
        }
        return result;
    }

    private void AddMessages(List<OutboxMessage> messages, Contact row, WarrantyReminder due, TenantInfo tenant, string origin, DateTimeOffset now)
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

    private sealed record PageRow(Guid RegistrationId, Guid ProductId, DateOnly? RegisteredOn, DateOnly? SoldOn, DateOnly? DeliveredOn, bool OutOfWarranty);

    private sealed record Contact(Guid RegistrationId, string BuyerName, string Phone, string? Email, Guid UnitId, string Serial, string PublicCode,
        string ProductName);
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
