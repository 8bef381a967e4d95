using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Lookups;

/// <summary>Calendar days as the tenant sees them (its time zone), for document dates and number periods.</summary>
public static class TenantDates
{
    public static DateOnly Today(TimeProvider clock, string timeZoneId) =>
        DateOnly.FromDateTime(DisplayTime.InZone(clock.GetUtcNow(), timeZoneId).DateTime);
}
