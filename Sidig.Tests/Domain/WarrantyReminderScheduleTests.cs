using Sidig.Domain.Catalog;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Notifications;

namespace Sidig.Tests.Domain;

/// <summary>The reminder rules as a pure function of the warranty, the settings and the day.</summary>
public class WarrantyReminderScheduleTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);
    private static readonly WarrantyPolicy TwelveMonths = WarrantyPolicy.Create("Garansi", 12, WarrantyStart.Registration, 0, "Kerusakan pabrik", "Factory defects", false);
    private static readonly DateOnly End = new(2027, 1, 14);

    private static List<WarrantyReminder> Due(DateOnly today, int days = 30, int? every = null, string? voidReason = null) =>
        WarrantyReminderSchedule.Due(WarrantyView.Of(TwelveMonths, Start, null, null, voidReason, today), days, every, today).ToList();

    [Theory]
    [InlineData(-31, false)] // the day before
    [InlineData(-30, true)] // end − 30
    [InlineData(-23, true)] // a week of missed runs
    [InlineData(-22, false)] // too late to be useful as "30 days before"
    [InlineData(0, false)] // the last day: past the catch-up
    public void The_expiry_reminder_is_due_from_n_days_before_the_end_for_a_week(int daysFromEnd, bool due) =>
        Due(End.AddDays(daysFromEnd)).Any(r => r == new WarrantyReminder(WarrantyReminderKind.Expiry, End)).ShouldBe(due);

    [Fact]
    public void A_short_notice_catches_up_only_until_the_end()
    {
        Due(End.AddDays(-1), days: 3).ShouldBe([new WarrantyReminder(WarrantyReminderKind.Expiry, End)]);
        Due(End.AddDays(1), days: 3).ShouldBeEmpty();
    }

    [Fact]
    public void Zero_days_means_no_expiry_reminder_and_a_void_or_unstarted_warranty_has_none()
    {
        Due(End.AddDays(-30), days: 0).ShouldBeEmpty();
        Due(End.AddDays(-30), voidReason: "Segel rusak").ShouldBeEmpty();
        WarrantyReminderSchedule.Due(WarrantyView.Of(TwelveMonths, null, null, null, null, End.AddDays(-30)), 30, 1, End.AddDays(-30)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-04-14", null)]
    [InlineData("2026-04-15", "2026-04-15")]
    [InlineData("2026-04-22", "2026-04-15")] // a week late
    [InlineData("2026-04-23", null)] // older than a week: not sent late
    [InlineData("2026-10-16", "2026-10-15")]
    [InlineData("2027-01-15", null)] // start + 12 months is the day after the end
    public void Maintenance_is_due_every_interval_from_the_start_within_the_warranty(string today, string? due) =>
        (Due(DateOnly.Parse(today), days: 0, every: 3).SingleOrDefault()?.DueDate).ShouldBe(due is null ? null : DateOnly.Parse(due));

    [Fact]
    public void Maintenance_dates_are_anchored_to_the_start_so_month_ends_do_not_drift()
    {
        var start = new DateOnly(2026, 1, 31);
        WarrantyReminderSchedule.LatestMaintenance(start, 1, new DateOnly(2026, 2, 28)).ShouldBe(new DateOnly(2026, 2, 28));
        WarrantyReminderSchedule.LatestMaintenance(start, 1, new DateOnly(2026, 3, 31)).ShouldBe(new DateOnly(2026, 3, 31));
        WarrantyReminderSchedule.LatestMaintenance(start, 1, new DateOnly(2026, 3, 30)).ShouldBe(new DateOnly(2026, 2, 28));
        WarrantyReminderSchedule.LatestMaintenance(start, 1, new DateOnly(2026, 2, 27)).ShouldBeNull();
    }

    [Fact]
    public void The_dedup_key_names_the_unit_the_kind_and_the_due_date()
    {
        var unit = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
        new WarrantyReminder(WarrantyReminderKind.Expiry, End).DedupKey(unit).ShouldBe($"warranty-expiry:{unit}:2027-01-14");
        new WarrantyReminder(WarrantyReminderKind.Maintenance, Start).DedupKey(unit).ShouldBe($"maintenance:{unit}:2026-01-15");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void The_maintenance_interval_is_1_to_60_months_or_none(int months)
    {
        WarrantyPolicy.Check("Garansi", 12, WarrantyStart.Registration, 0, "Kerusakan pabrik", "Factory defects", null, months)
            .Select(e => (e.Code, e.Field)).ShouldBe([("Warranty.MaintenanceMonthsRange", "MaintenanceMonths")]);
        WarrantyPolicy.Check("Garansi", 12, WarrantyStart.Registration, 0, "Kerusakan pabrik", "Factory defects", null, null).ShouldBeEmpty();
    }

    [Fact]
    public void The_texts_are_short_indonesian_by_default_and_english_for_english_tenants()
    {
        var facts = new WarrantyReminderFacts("Budi", "Kulkas 2 Pintu", "KL-00012", "https://demo.sidig.id/u/abc", "Demo Elektronik");
        var id = WarrantyReminderTexts.Build("id-ID", new WarrantyReminder(WarrantyReminderKind.Expiry, new DateOnly(2027, 8, 17)), facts);
        id.Text.ShouldBe("Demo Elektronik: garansi Kulkas 2 Pintu Anda (nomor seri KL-00012) berakhir pada 17 Agu 2027. Cek garansi atau minta servis: https://demo.sidig.id/u/abc");
        id.Body.ShouldStartWith("Yth. Budi,");
        var en = WarrantyReminderTexts.Build("en-US", new WarrantyReminder(WarrantyReminderKind.Maintenance, new DateOnly(2027, 8, 17)), facts);
        en.Text.ShouldBe("Demo Elektronik: periodic maintenance of your Kulkas 2 Pintu (serial KL-00012) is due on 17 Aug 2027. Request service: https://demo.sidig.id/u/abc");
        en.Subject.ShouldBe("Maintenance due for Kulkas 2 Pintu KL-00012 on 17 Aug 2027");
    }
}
