using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Warranty;

namespace Sidig.Tests.Features.Notifications;

/// <summary>
/// The daily warranty reminder job with a fake clock (moved forward only): which registrations get which reminder on which
/// day, exactly once across re-runs and a crash midway, and in the tenant's language.
/// </summary>
public abstract class WarrantyReminderTests<TApp>(TApp app) where TApp : SmtpApp
{
    private const int Months = 6;
    private const int DefaultDays = WarrantySettings.DefaultExpiryReminderDays;
    private readonly WarrantyBuilders _warranty = new(app);

    private DateOnly Today => PaymentReminderJob.Today(app.Clock.GetUtcNow(), "Asia/Jakarta");

    private void AdvanceTo(DateOnly day)
    {
        day.ShouldBeGreaterThanOrEqualTo(Today);
        app.Clock.Advance(TimeSpan.FromDays(day.DayNumber - Today.DayNumber));
    }

    private static DateOnly EndOf(DateOnly start, int months = Months) =>
        WarrantyPolicy.Create("x", months, WarrantyStart.Registration, 0, "x", "x", false).EndDate(start);

    /// <summary>A start whose expiry reminder (30 days before the end) is comfortably ahead of today.</summary>
    private DateOnly StartAhead() => Today.AddMonths(-3);

    private Task<List<OutboxMessage>> MessagesOf(Guid unitId, string tenant = "demo") =>
        app.MessagesAsync(tenant, q => q.Where(m => m.DedupKey.Contains(unitId.ToString())));

    private async Task RunAsync(string tenant = "demo")
    {
        var id = await app.TenantId(tenant);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WarrantyReminderJob>().RunAsync(id, CancellationToken.None);
    }

    private Task<Result> SaveSettings(int days, string tenant = "demo", string user = "admin") =>
        app.Handle<SaveWarrantySettingsHandler, Result>(tenant, $"{user}@{tenant}.test", h => h.HandleAsync(new SaveWarrantySettings(days)));

    [Fact]
    public async Task The_expiry_reminder_is_queued_n_days_before_the_end_not_the_day_before_and_a_rerun_queues_nothing_new()
    {
        var unit = (await _warranty.Units(months: Months)).Single();
        var start = StartAhead();
        await _warranty.Registration(unit, start, email: "budi@example.test");
        var end = EndOf(start);

        AdvanceTo(end.AddDays(-DefaultDays - 1));
        await RunAsync();
        (await MessagesOf(unit.Id)).ShouldBeEmpty();

        AdvanceTo(end.AddDays(-DefaultDays));
        await RunAsync();
        await RunAsync();
        var messages = await MessagesOf(unit.Id);
        messages.Select(m => (m.Channel, m.DedupKey)).OrderBy(x => x.Channel).ShouldBe([
            (OutboxChannels.Email, $"warranty-expiry:{unit.Id}:{end:yyyy-MM-dd}:email"),
            (OutboxChannels.WhatsApp, $"warranty-expiry:{unit.Id}:{end:yyyy-MM-dd}")]);
        messages.Single(m => m.Channel == OutboxChannels.WhatsApp).To.ShouldBe("+6281234567890");
        messages.Single(m => m.Channel == OutboxChannels.Email).To.ShouldBe("budi@example.test");
        messages.ShouldAllBe(m => m.Kind == WarrantyReminderJob.Kind);

        AdvanceTo(Today.AddDays(1));
        await RunAsync();
        (await MessagesOf(unit.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task After_days_without_a_run_a_reminder_up_to_a_week_late_is_sent_once_and_an_older_one_not_at_all()
    {
        var units = await _warranty.Units(2, months: Months);
        var start = StartAhead();
        await _warranty.Registration(units[0], start);
        await _warranty.Registration(units[1], start.AddDays(-10));

        AdvanceTo(EndOf(start).AddDays(-DefaultDays + 3)); // three days missed for the first; ten more for the second
        await RunAsync();
        AdvanceTo(Today.AddDays(1));
        await RunAsync();

        (await MessagesOf(units[0].Id)).ShouldHaveSingleItem().DedupKey.ShouldBe($"warranty-expiry:{units[0].Id}:{EndOf(start):yyyy-MM-dd}");
        (await MessagesOf(units[1].Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pending_rejected_and_void_registrations_get_no_reminder()
    {
        var units = await _warranty.Units(4, months: Months);
        var start = StartAhead();
        await _warranty.Registration(units[0], start, RegistrationStatus.Pending);
        await _warranty.Registration(units[1], start, RegistrationStatus.Rejected);
        await _warranty.Registration(units[2], start);
        await _warranty.Registration(units[3], start);
        await new Builders(app).Query(db => db.Units.Where(u => u.Id == units[2].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.WarrantyVoidReason, "Segel rusak")));

        AdvanceTo(EndOf(start).AddDays(-DefaultDays));
        await RunAsync();

        (await MessagesOf(units[0].Id)).ShouldBeEmpty();
        (await MessagesOf(units[1].Id)).ShouldBeEmpty();
        (await MessagesOf(units[2].Id)).ShouldBeEmpty();
        (await MessagesOf(units[3].Id)).ShouldHaveSingleItem(); // the control: same day, approved, no e-mail given
    }

    [Fact]
    public async Task Only_the_newest_approved_registration_of_a_unit_is_reminded()
    {
        var unit = (await _warranty.Units(months: Months)).Single();
        var start = StartAhead();
        await _warranty.Registration(unit, start, phone: "0812-1111-1111");
        await _warranty.Registration(unit, start.AddDays(5), phone: "0812-2222-2222"); // a second owner; the warranty still starts at the first

        AdvanceTo(EndOf(start).AddDays(-DefaultDays));
        await RunAsync();

        (await MessagesOf(unit.Id)).ShouldHaveSingleItem().To.ShouldBe("+6281222222222");
    }

    [Fact]
    public async Task Maintenance_is_due_every_interval_after_the_start_while_in_warranty_once_per_due_date_in_indonesian()
    {
        var unit = (await _warranty.Units(months: 12, maintenanceMonths: 4)).Single();
        var start = Today.AddDays(-1);
        await _warranty.Registration(unit, start);
        var end = EndOf(start, 12);
        string Key(DateOnly due) => $"maintenance:{unit.Id}:{due:yyyy-MM-dd}";
        async Task<List<string>> Maintenance() =>
            (await MessagesOf(unit.Id)).Select(m => m.DedupKey).Where(k => k.StartsWith("maintenance:")).Order().ToList();

        AdvanceTo(start.AddMonths(4).AddDays(-1));
        await RunAsync();
        (await Maintenance()).ShouldBeEmpty();
        AdvanceTo(start.AddMonths(4));
        await RunAsync();
        await RunAsync();
        (await Maintenance()).ShouldBe([Key(start.AddMonths(4))]);
        var text = (await MessagesOf(unit.Id)).Single(m => m.DedupKey == Key(start.AddMonths(4))).Body;
        text.ShouldContain($"waktunya perawatan berkala");
        text.ShouldContain(unit.Serial);
        text.ShouldContain(start.AddMonths(4).ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID")));
        text.ShouldContain($"https://demo.localhost/u/{unit.PublicCode}");

        AdvanceTo(start.AddMonths(8).AddDays(2)); // two days late
        await RunAsync();
        AdvanceTo(start.AddMonths(12)); // start + 12 months is the day after the end: out of warranty
        end.ShouldBe(start.AddMonths(12).AddDays(-1));
        await RunAsync();
        (await Maintenance()).ShouldBe([Key(start.AddMonths(4)), Key(start.AddMonths(8))]);
    }

    [Fact]
    public async Task A_crash_after_the_first_batch_then_a_rerun_queues_every_reminder_exactly_once()
    {
        var units = await _warranty.Units(5, months: Months);
        var start = StartAhead();
        foreach (var unit in units) await _warranty.Registration(unit, start, phone: OutboxKit.Mobile(), email: OutboxKit.Address("pembeli"));
        AdvanceTo(EndOf(start).AddDays(-DefaultDays));
        var tenantId = await app.TenantId("demo");
        async Task<List<string>> Keys() =>
            (await app.MessagesAsync("demo", q => q.Where(m => m.Kind == WarrantyReminderJob.Kind))).Select(m => m.DedupKey)
            .Where(k => units.Any(u => k.Contains(u.Id.ToString()))).ToList();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<WarrantyReminderJob>();
            await Should.ThrowAsync<IOException>(() => job.ScanAsync(tenantId, 2,
                batch => batch.Queued > 0 ? throw new IOException("the process died (simulated)") : Task.CompletedTask, CancellationToken.None));
        }
        // The page saved before the crash held at most two of these units (and maybe reminders of other units due today).
        (await Keys()).Count.ShouldBeLessThanOrEqualTo(2 * 2);

        await RunAsync();
        await RunAsync();

        var keys = await Keys();
        keys.Count.ShouldBe(units.Count * 2);
        keys.Distinct().Count().ShouldBe(keys.Count);
    }

    [Fact]
    public async Task Zero_days_turns_expiry_reminders_off_and_the_setting_is_validated_and_admin_only()
    {
        (await SaveSettings(-1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("WarrantySettings.ExpiryDaysRange");
        (await SaveSettings(WarrantySettings.MaxExpiryReminderDays + 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe("WarrantySettings.ExpiryDaysRange");
        (await SaveSettings(0, user: "sales")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        var unit = (await _warranty.Units(months: Months)).Single();
        var start = StartAhead();
        await _warranty.Registration(unit, start);
        (await SaveSettings(0)).Succeeded.ShouldBeTrue();
        try
        {
            AdvanceTo(EndOf(start).AddDays(-DefaultDays));
            await RunAsync();
            (await MessagesOf(unit.Id)).ShouldBeEmpty();
        }
        finally
        {
            (await SaveSettings(DefaultDays)).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_tenants_job_uses_its_own_days_and_language_and_never_reminds_another_tenants_buyers()
    {
        await app.InTenant(null, async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var other = await db.Tenants.SingleAsync(t => t.Slug == "other");
            other.SetRegional(other.TimeZoneId, "en-US");
            await db.SaveChangesAsync();
            sp.GetRequiredService<TenantStore>().Invalidate("other");
        });
        (await SaveSettings(14, "other")).Succeeded.ShouldBeTrue();
        var otherUnit = (await new WarrantyBuilders(app, "other").Units(months: Months)).Single();
        var demoUnit = (await _warranty.Units(months: Months)).Single();
        var start = StartAhead();
        await new WarrantyBuilders(app, "other").Registration(otherUnit, start, name: "Jane Doe", email: "jane@example.test");
        await _warranty.Registration(demoUnit, start);
        var end = EndOf(start);

        AdvanceTo(end.AddDays(-DefaultDays));
        await RunAsync("other");
        (await MessagesOf(otherUnit.Id, "other")).ShouldBeEmpty(); // 14 days in this tenant, not 30
        (await MessagesOf(demoUnit.Id)).ShouldBeEmpty(); // another tenant's job never touches demo's registrations
        await RunAsync("demo");
        (await MessagesOf(demoUnit.Id)).ShouldHaveSingleItem().Body.ShouldContain("berakhir pada");
        (await MessagesOf(otherUnit.Id, "other")).ShouldBeEmpty();

        AdvanceTo(end.AddDays(-14));
        await RunAsync("other");
        var product = await new Builders(app, "other").Query(db => db.Products.Where(p => p.Id == otherUnit.ProductId).Select(p => p.Name).SingleAsync());
        var date = end.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        var messages = await MessagesOf(otherUnit.Id, "other");
        messages.Single(m => m.Channel == OutboxChannels.WhatsApp).Body.ShouldBe(
            $"Other Appliances: the warranty of your {product} (serial {otherUnit.Serial}) ends on {date}. Check it or request service: https://other.localhost/u/{otherUnit.PublicCode}");
        var mail = messages.Single(m => m.Channel == OutboxChannels.Email);
        mail.Subject.ShouldBe($"Your warranty for {product} {otherUnit.Serial} ends on {date}");
        mail.Body.ShouldStartWith("Dear Jane Doe,");
        (await MessagesOf(demoUnit.Id)).Count.ShouldBe(1);
    }
}

public sealed class WarrantyReminderTests_Sqlite(SmtpSqliteApp app) : WarrantyReminderTests<SmtpSqliteApp>(app), IClassFixture<SmtpSqliteApp>;
public sealed class WarrantyReminderTests_Postgres(SmtpPostgresApp app) : WarrantyReminderTests<SmtpPostgresApp>(app), IClassFixture<SmtpPostgresApp>;
