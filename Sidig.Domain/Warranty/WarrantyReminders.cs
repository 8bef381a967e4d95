using Sidig.Domain.Units;

namespace Sidig.Domain.Warranty;

public enum WarrantyReminderKind { Expiry = 0, Maintenance = 1 }

/// <summary>One reminder due for a unit: the warranty ends on <see cref="DueDate"/>, or maintenance is due on it.</summary>
public sealed record WarrantyReminder(WarrantyReminderKind Kind, DateOnly DueDate)
{
    /// <summary>Unique per unit × kind × due date: the outbox queues it at most once, whatever runs again.</summary>
    public string DedupKey(Guid unitId) =>
        $"{(Kind == WarrantyReminderKind.Expiry ? "warranty-expiry" : "maintenance")}:{unitId}:{DueDate:yyyy-MM-dd}";
}

/// <summary>
/// The reminder rules (docs/decisions/warranty-reminders.md), a pure function of the unit's warranty, the settings and today (tenant's calendar):
/// <list type="bullet">
/// <item>expiry: on end − N days (N = <see cref="WarrantySettings.ExpiryReminderDays"/>, 0 = off), or on a later day
/// up to <see cref="CatchUpDays"/> days late when runs were missed, never after the end;</item>
/// <item>maintenance: on start + k × interval months (k ≥ 1, anchored to the start so month ends do not drift) that fall
/// within the warranty, or up to <see cref="CatchUpDays"/> days late; only the latest such date, so missed ones are not sent late.</item>
/// </list>
/// Only an active (not void, started) warranty has reminders.
/// </summary>
public static class WarrantyReminderSchedule
{
    public const int CatchUpDays = 7;

    public static IEnumerable<WarrantyReminder> Due(WarrantyView warranty, int expiryDaysBefore, int? maintenanceMonths, DateOnly today)
    {
        if (warranty is not { State: WarrantyState.Active, Start: { } start, End: { } end }) yield break;
        if (expiryDaysBefore > 0)
        {
            var late = today.DayNumber - end.AddDays(-expiryDaysBefore).DayNumber;
            if (late is >= 0 and <= CatchUpDays && today <= end) yield return new(WarrantyReminderKind.Expiry, end);
        }
        if (maintenanceMonths is > 0 and var every && LatestMaintenance(start, every, today) is { } due
            && due <= end && today.DayNumber - due.DayNumber <= CatchUpDays)
            yield return new(WarrantyReminderKind.Maintenance, due);
    }

    /// <summary>The latest start + k × <paramref name="months"/> (k ≥ 1) on or before <paramref name="today"/>, or null.</summary>
    public static DateOnly? LatestMaintenance(DateOnly start, int months, DateOnly today)
    {
        var k = ((today.Year - start.Year) * 12 + today.Month - start.Month) / months;
        if (k >= 1 && start.AddMonths(k * months) > today) k--;
        return k >= 1 ? start.AddMonths(k * months) : null;
    }
}
