using System.Globalization;

namespace Sidig.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown in the tenant's time zone: <c>22 Nov 2026</c> and <c>22 Nov 2026 14:05</c>.</summary>
public static class DisplayTime
{
    public const string DateFormat = "d MMM yyyy";
    /// <summary>The colon is literal: id-ID's own time separator is a dot.</summary>
    public const string DateTimeFormat = "d MMM yyyy HH':'mm";

    public static DateTimeOffset InZone(DateTimeOffset at, string timeZoneId) =>
        TimeZoneInfo.ConvertTime(at, Zone(timeZoneId));

    public static string Date(DateTimeOffset at, string timeZoneId) =>
        InZone(at, timeZoneId).ToString(DateFormat, CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset? at, string timeZoneId) => at is { } v ? Date(v, timeZoneId) : "—";

    /// <summary>A calendar day (no time zone to apply): due dates, production dates, periods.</summary>
    public static string Date(DateOnly day) => day.ToString(DateFormat, CultureInfo.CurrentCulture);

    public static string Date(DateOnly? day) => day is { } d ? Date(d) : "—";

    public static string DateTime(DateTimeOffset at, string timeZoneId) =>
        InZone(at, timeZoneId).ToString(DateTimeFormat, CultureInfo.CurrentCulture);

    /// <summary>The UTC instant at which the given calendar day starts in the time zone.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day, string timeZoneId)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone(timeZoneId)), TimeSpan.Zero);
    }

    private static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
