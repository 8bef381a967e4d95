using Sidig.Domain.Service;

namespace Sidig.Tests.TestSupport;

public static class ServiceTesting
{
    /// <summary>The default business hours (Mon–Fri 08:00–17:00) in UTC: easy to count by hand.</summary>
    public static BusinessCalendar Calendar { get; } = new(ServiceSettings.CreateDefault(), TimeZoneInfo.Utc);
}
