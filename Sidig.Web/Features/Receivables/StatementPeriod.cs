using System.Globalization;

namespace Sidig.Web.Features.Receivables;

/// <summary>The period of a statement page from its query string (<c>yyyy-MM-dd</c>); by default the current month so far.</summary>
public static class StatementPeriod
{
    public static (DateOnly From, DateOnly To) Parse(string? from, string? to, DateOnly today)
    {
        var end = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : today;
        var start = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : new DateOnly(end.Year, end.Month, 1);
        return start > end ? (end, end) : (start, end);
    }
}
