using System.Globalization;
using Sidig.Web.Components.Shared;

namespace Sidig.Tests.Components;

public sealed class DisplayTimeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 7, 5, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public void Times_show_in_the_tenant_zone_as_day_month_year_and_a_colon_time(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);

        DisplayTime.DateTime(At, "Asia/Jakarta").ShouldBe("22 Nov 2026 14:05");
        DisplayTime.DateTime(At, "Asia/Jayapura").ShouldBe("22 Nov 2026 16:05");
        DisplayTime.Date(At.AddHours(17), "Asia/Jakarta").ShouldBe("23 Nov 2026");
    }

    [Fact]
    public void A_day_in_Jakarta_starts_at_17_00_utc_the_day_before() =>
        DisplayTime.StartOfDayUtc(new DateOnly(2026, 3, 11), "Asia/Jakarta").ShouldBe(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.Zero));
}
