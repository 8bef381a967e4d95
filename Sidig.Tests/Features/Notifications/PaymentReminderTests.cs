using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Notifications;

/// <summary>The daily reminder job with a fake clock, its outbox messages and what arrives over SMTP.</summary>
public abstract class PaymentReminderTests<TApp>(TApp app) where TApp : SmtpApp
{
    private DateOnly Today => PaymentReminderJob.Today(app.Clock.GetUtcNow(), "Asia/Jakarta");

    private Task<List<string>> KindsFor(string tenant, Invoice invoice) =>
        app.InTenant(tenant, async sp => (await sp.GetRequiredService<SidigDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.DedupKey.StartsWith($"reminder:{invoice.Id}:")).Select(m => m.DedupKey).ToListAsync())
            .Select(k => k[(k.LastIndexOf(':') + 1)..]).Order().ToList());

    private void NextDays(int days) => app.Clock.Advance(TimeSpan.FromDays(days));

    [Fact]
    public async Task Reminders_go_out_before_on_and_after_the_due_date_once_each_and_arrive_over_smtp_in_indonesian()
    {
        var builder = new InvoiceBuilder(app);
        var billing = OutboxKit.Address("tagihan");
        var partner = await builder.Partner(billing, OutboxKit.Address("umum"));
        var due = Today.AddDays(3);
        var invoice = await builder.Invoice(partner, due.AddDays(-30), 30);

        await app.RunRemindersAsync("demo");
        await app.RunRemindersAsync("demo"); // a re-run the same day queues nothing new
        (await KindsFor("demo", invoice)).ShouldBe(["before-3"]);
        await app.RunSenderAsync("demo");
        await app.RunSenderAsync("demo");
        var first = app.Smtp.To(billing).ShouldHaveSingleItem();
        first.Subject.ShouldBe($"Pengingat pembayaran: faktur {invoice.Number} jatuh tempo {due.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("id-ID"))}");
        first.TextBody.ShouldContain($"Yth. {partner.LegalName}");
        first.TextBody.ShouldContain($"akan jatuh tempo dalam 3 hari");
        first.TextBody.ShouldContain($"Sisa tagihan: {Idr.Format(invoice.Outstanding)}");
        first.TextBody.ShouldContain("BCA 123-456-7890");

        NextDays(1);
        await app.RunRemindersAsync("demo");
        (await KindsFor("demo", invoice)).ShouldBe(["before-3"]);
        NextDays(2); // the due date
        await app.RunRemindersAsync("demo");
        await app.RunRemindersAsync("demo");
        (await KindsFor("demo", invoice)).ShouldBe(["before-3", "due"]);
        NextDays(1);
        await app.RunRemindersAsync("demo");
        NextDays(6);
        await app.RunRemindersAsync("demo");
        NextDays(7);
        await app.RunRemindersAsync("demo");
        NextDays(1);
        await app.RunRemindersAsync("demo");
        (await KindsFor("demo", invoice)).ShouldBe(["after-1", "after-14", "after-7", "before-3", "due"]);

        await app.RunSenderAsync("demo");
        await app.RunSenderAsync("demo");
        var mails = app.Smtp.To(billing);
        mails.Count.ShouldBe(5);
        mails.Count(m => m.Subject == $"Faktur {invoice.Number} lewat jatuh tempo: {Idr.Format(invoice.Outstanding)}").ShouldBe(3);
        mails.ShouldContain(m => m.TextBody.Contains("jatuh tempo hari ini"));
        mails.ShouldContain(m => m.TextBody.Contains("terlambat 7 hari"));
    }

    [Fact]
    public async Task After_days_without_a_run_only_the_latest_after_reminder_is_sent_once_and_long_overdue_invoices_get_none()
    {
        var builder = new InvoiceBuilder(app);
        var partner = await builder.Partner(OutboxKit.Address("tagihan"), null);
        var tenDays = await builder.Invoice(partner, Today.AddDays(-40), 30); // 10 days overdue: after-1 was missed
        var sixteenDays = await builder.Invoice(partner, Today.AddDays(-46), 30);
        var longOverdue = await builder.Invoice(partner, Today.AddDays(-60), 30); // 30 days: past after-14 + 7

        await app.RunRemindersAsync("demo");
        await app.RunRemindersAsync("demo");

        (await KindsFor("demo", tenDays)).ShouldBe(["after-7"]);
        (await KindsFor("demo", sixteenDays)).ShouldBe(["after-14"]);
        (await KindsFor("demo", longOverdue)).ShouldBeEmpty();
        NextDays(1);
        await app.RunRemindersAsync("demo");
        (await KindsFor("demo", tenDays)).ShouldBe(["after-7"]);
    }

    [Fact]
    public async Task The_billing_email_is_preferred_the_general_email_is_the_fallback_and_paid_or_unaddressed_invoices_are_skipped()
    {
        var builder = new InvoiceBuilder(app);
        var general = OutboxKit.Address("umum");
        var onlyGeneral = await builder.Partner(null, general);
        var nobody = await builder.Partner(null, null);
        var withBoth = await builder.Partner(OutboxKit.Address("tagihan"), OutboxKit.Address("umum"));
        var due = Today;
        var toGeneral = await builder.Invoice(onlyGeneral, due.AddDays(-30), 30);
        var unaddressed = await builder.Invoice(nobody, due.AddDays(-30), 30);
        var partlyPaid = await builder.Invoice(withBoth, due.AddDays(-30), 30, net: 2_000_000m, paid: 500_000m);
        var paid = await builder.Invoice(withBoth, due.AddDays(-30), 30, net: 100_000m);
        await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var row = await db.Invoices.SingleAsync(i => i.Id == paid.Id);
            row.ApplyPayment(row.Total);
            await db.SaveChangesAsync();
        });

        await app.RunRemindersAsync("demo");

        var messages = await app.MessagesAsync("demo", q => q.Where(m => m.DedupKey.StartsWith("reminder:")));
        messages.Single(m => m.DedupKey == $"reminder:{toGeneral.Id}:due").To.ShouldBe(general);
        messages.ShouldNotContain(m => m.DedupKey.StartsWith($"reminder:{unaddressed.Id}:"));
        messages.ShouldNotContain(m => m.DedupKey.StartsWith($"reminder:{paid.Id}:"));
        var partial = messages.Single(m => m.DedupKey == $"reminder:{partlyPaid.Id}:due");
        partial.To.ShouldBe(withBoth.BillingEmail);
        partial.Body.ShouldContain($"Sisa tagihan: {Idr.Format(partlyPaid.Total - 500_000m)}");
        partial.Kind.ShouldBe(PaymentReminderJob.Kind);
    }

    [Fact]
    public async Task A_tenants_own_settings_decide_the_days_and_its_job_never_reminds_for_another_tenants_invoices()
    {
        await app.InTenant("other", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var settings = SalesSettings.CreateDefault();
            settings.Update(10m, Sidig.Domain.Invoicing.NumberPattern.DefaultInvoice, InvoiceBasis.DeliveryNotes, true, 5, false, "2");
            db.SalesSettings.Add(settings);
            await db.SaveChangesAsync();
        });
        var other = new InvoiceBuilder(app, "other");
        var partner = await other.Partner(OutboxKit.Address("other"), null);
        var inFive = await other.Invoice(partner, Today.AddDays(5 - 30), 30);
        var inThree = await other.Invoice(partner, Today.AddDays(3 - 30), 30);
        var dueToday = await other.Invoice(partner, Today.AddDays(-30), 30);

        await app.RunRemindersAsync("demo");
        (await KindsFor("other", inFive)).ShouldBeEmpty();

        await app.RunRemindersAsync("other");
        (await KindsFor("other", inFive)).ShouldBe(["before-5"]);
        (await KindsFor("other", inThree)).ShouldBeEmpty();
        (await KindsFor("other", dueToday)).ShouldBeEmpty(); // no reminder on the due date in this tenant
        NextDays(2);
        await app.RunRemindersAsync("other");
        (await KindsFor("other", dueToday)).ShouldBe(["after-2"]);
    }
}

public sealed class PaymentReminderTests_Sqlite(SmtpSqliteApp app) : PaymentReminderTests<SmtpSqliteApp>(app), IClassFixture<SmtpSqliteApp>;
public sealed class PaymentReminderTests_Postgres(SmtpPostgresApp app) : PaymentReminderTests<SmtpPostgresApp>(app), IClassFixture<SmtpPostgresApp>;

/// <summary>The schedule rule and the texts, without a database.</summary>
public sealed class PaymentReminderScheduleTests
{
    private static readonly SalesSettings Defaults = SalesSettings.CreateDefault(); // 3 days before, on the due date, after 1, 7, 14
    private static readonly DateOnly Due = new(2026, 11, 22);

    [Theory]
    [InlineData(-4, null)]
    [InlineData(-3, "before-3")]
    [InlineData(-2, null)]
    [InlineData(-1, null)]
    [InlineData(0, "due")]
    [InlineData(1, "after-1")]
    [InlineData(2, "after-1")] // missed day catch-up; the dedup key makes it a no-op when after-1 went out yesterday
    [InlineData(7, "after-7")]
    [InlineData(13, "after-7")]
    [InlineData(14, "after-14")]
    [InlineData(21, "after-14")]
    [InlineData(22, null)]
    public void The_schedule_names_the_reminder_due_on_each_day(int daysFromDue, string? kind) =>
        ReminderSchedule.For(Defaults, Due, Due.AddDays(daysFromDue))?.Kind.ShouldBe(kind);

    [Fact]
    public void Disabled_reminders_have_no_schedule()
    {
        var off = SalesSettings.CreateDefault();
        off.Update(10m, Sidig.Domain.Invoicing.NumberPattern.DefaultInvoice, InvoiceBasis.DeliveryNotes, false, 3, true, "1");
        ReminderSchedule.For(off, Due, Due).ShouldBeNull();
    }

    [Fact]
    public void The_texts_show_rupiah_and_the_date_in_the_tenants_language()
    {
        var facts = new ReminderFacts("INV/2026/08/00012", "PT Maju", 1_500_000m, new DateOnly(2026, 8, 17), "PT Demo", null);
        var id = ReminderTexts.Build("id-ID", new ReminderDue("after-7", 7), facts);
        id.Subject.ShouldBe("Faktur INV/2026/08/00012 lewat jatuh tempo: Rp 1.500.000");
        id.Body.ShouldContain("telah jatuh tempo pada 17 Agu 2026 dan terlambat 7 hari");
        var en = ReminderTexts.Build("en-US", new ReminderDue("before-3", 3), facts with { DueDate = new DateOnly(2026, 11, 22) });
        en.Subject.ShouldBe("Payment reminder: invoice INV/2026/08/00012 due 22 Nov 2026");
        en.Body.ShouldContain("Amount outstanding: Rp 1.500.000");
        en.Body.ShouldContain("is due in 3 days, on 22 Nov 2026");
    }
}
