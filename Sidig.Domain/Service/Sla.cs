using System.Globalization;
using Sidig.Domain.Common;

namespace Sidig.Domain.Service;

/// <summary>
/// The tenant's service desk settings: the business hours SLA clocks run in (the same hours on every working day, in the
/// tenant's time zone), public holidays (the clock stops), and when a ticket counts as near its breach.
/// </summary>
public sealed class ServiceSettings : Entity, ITenantOwned, IAuditable
{
    public const int MaxHolidays = 100;

    private ServiceSettings() { Holidays = ""; }

    public Guid TenantId { get; set; }
    /// <summary>Working days, bit (1 &lt;&lt; DayOfWeek): Monday–Friday by default.</summary>
    public int WorkDays { get; private set; }
    public TimeOnly OpensAt { get; private set; }
    public TimeOnly ClosesAt { get; private set; }
    /// <summary>Holidays as ISO dates, one per line (yyyy-MM-dd).</summary>
    public string Holidays { get; private set; }
    /// <summary>A ticket is near its breach once this share (%) of a target's business time has passed.</summary>
    public int NearBreachPercent { get; private set; }

    public static ServiceSettings CreateDefault() => new()
    {
        WorkDays = Days(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
        OpensAt = new TimeOnly(8, 0), ClosesAt = new TimeOnly(17, 0), NearBreachPercent = 80,
    };

    public static int Days(params DayOfWeek[] days) => days.Aggregate(0, (mask, d) => mask | 1 << (int)d);

    public bool IsWorkDay(DayOfWeek day) => (WorkDays & 1 << (int)day) != 0;

    public IReadOnlyList<DateOnly> HolidayDates => ParseHolidays(Holidays).Dates;

    public static (IReadOnlyList<DateOnly> Dates, string? Error) ParseHolidays(string? text)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var line in (text ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return ([], "Service.HolidayInvalid");
            dates.Add(d);
        }
        return dates.Count > MaxHolidays ? ([], "Service.TooManyHolidays") : (dates.ToList(), null);
    }

    public void Update(int workDays, TimeOnly opensAt, TimeOnly closesAt, string? holidays, int nearBreachPercent)
    {
        if ((workDays & 0x7F) == 0 || workDays is < 0 or > 0x7F) throw new DomainException("Service.WorkDaysRequired");
        if (closesAt <= opensAt) throw new DomainException("Service.HoursInvalid");
        if (nearBreachPercent is < 50 or > 95) throw new DomainException("Service.NearBreachRange");
        var (dates, error) = ParseHolidays(holidays);
        if (error is not null) throw new DomainException(error);
        WorkDays = workDays;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        Holidays = string.Join('\n', dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        NearBreachPercent = nearBreachPercent;
    }
}

/// <summary>Targets for one ticket type × priority, in business minutes.</summary>
public sealed class SlaPolicy : Entity, ITenantOwned, IAuditable
{
    /// <summary>A resolution target longer than ~6 months of business time is a typo.</summary>
    public const int MaxMinutes = 60 * 9 * 130;

    private SlaPolicy() { }

    public Guid TenantId { get; set; }
    public TicketType Type { get; private set; }
    public TicketPriority Priority { get; private set; }
    public int FirstResponseMinutes { get; private set; }
    public int ResolutionMinutes { get; private set; }

    public static SlaPolicy Create(TicketType type, TicketPriority priority, int firstResponseMinutes, int resolutionMinutes)
    {
        var p = new SlaPolicy { Type = type, Priority = priority };
        p.Set(firstResponseMinutes, resolutionMinutes);
        return p;
    }

    public void Set(int firstResponseMinutes, int resolutionMinutes)
    {
        var t = SlaTargets.Check(firstResponseMinutes, resolutionMinutes);
        (FirstResponseMinutes, ResolutionMinutes) = (t.FirstResponseMinutes, t.ResolutionMinutes);
    }
}

public sealed record SlaTargets(int FirstResponseMinutes, int ResolutionMinutes)
{
    public static SlaTargets Check(int firstResponseMinutes, int resolutionMinutes)
    {
        if (firstResponseMinutes <= 0 || resolutionMinutes <= 0) throw new DomainException("Service.SlaPositive");
        if (firstResponseMinutes > SlaPolicy.MaxMinutes || resolutionMinutes > SlaPolicy.MaxMinutes) throw new DomainException("Service.SlaTooLong");
        if (resolutionMinutes < firstResponseMinutes) throw new DomainException("Service.SlaResolutionBeforeResponse");
        return new SlaTargets(firstResponseMinutes, resolutionMinutes);
    }

    /// <summary>Targets when the tenant has no policy for a type × priority: by priority, a working day being 9 hours.</summary>
    public static SlaTargets Default(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => new(60, 9 * 60),
        TicketPriority.High => new(4 * 60, 2 * 9 * 60),
        TicketPriority.Normal => new(9 * 60, 5 * 9 * 60),
        _ => new(2 * 9 * 60, 10 * 9 * 60),
    };

    public static SlaTargets For(IEnumerable<SlaPolicy> policies, TicketType type, TicketPriority priority) =>
        policies.FirstOrDefault(p => p.Type == type && p.Priority == priority) is { } p
            ? new(p.FirstResponseMinutes, p.ResolutionMinutes) : Default(priority);
}

/// <summary>
/// Business time in the tenant's zone: adds business minutes to an instant and measures business minutes between two
/// instants, skipping nights, non-working days and holidays. Pure, so SLA rules are tested with a fake clock.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly ServiceSettings _settings;
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(ServiceSettings settings, TimeZoneInfo zone)
    {
        _settings = settings;
        _zone = zone;
        _holidays = [.. settings.HolidayDates];
    }

    private bool IsOpenDay(DateOnly day) => _settings.IsWorkDay(day.DayOfWeek) && !_holidays.Contains(day);

    /// <summary>The business window of <paramref name="day"/> as UTC instants (null when closed that day).</summary>
    private (DateTimeOffset Open, DateTimeOffset Close)? Window(DateOnly day)
    {
        if (!IsOpenDay(day)) return null;
        return (ToUtc(day.ToDateTime(_settings.OpensAt)), ToUtc(day.ToDateTime(_settings.ClosesAt)));
    }

    private DateTimeOffset ToUtc(DateTime local) => new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone), TimeSpan.Zero);

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    public DateTimeOffset Add(DateTimeOffset start, int minutes)
    {
        if (minutes < 0) throw new ArgumentOutOfRangeException(nameof(minutes));
        var left = TimeSpan.FromMinutes(minutes);
        var day = LocalDay(start);
        for (var i = 0; i < 3660; i++, day = day.AddDays(1)) // ten years of closed days would be a broken calendar
        {
            if (Window(day) is not { } window) continue;
            var (open, close) = window;
            var from = start > open ? start : open;
            if (from >= close) continue;
            if (from + left <= close) return from + left;
            left -= close - from;
        }
        throw new DomainException("Service.CalendarClosed");
    }

    public int MinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var total = TimeSpan.Zero;
        for (var day = LocalDay(from); day <= LocalDay(to); day = day.AddDays(1))
        {
            if (Window(day) is not { } window) continue;
            var (open, close) = window;
            var a = from > open ? from : open;
            var b = to < close ? to : close;
            if (b > a) total += b - a;
        }
        return (int)total.TotalMinutes;
    }
}
