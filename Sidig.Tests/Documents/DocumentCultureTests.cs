using Sidig.Infrastructure.Documents.Business;

namespace Sidig.Tests.Documents;

public class DocumentCultureTests
{
    [Fact]
    public void Indonesian_dates_use_indonesian_month_abbreviations()
    {
        var c = DocumentCulture.For("id-ID");
        Enumerable.Range(1, 12).Select(m => c.Date(new DateOnly(2026, m, 22)))
            .ShouldBe(["22 Jan 2026", "22 Feb 2026", "22 Mar 2026", "22 Apr 2026", "22 Mei 2026", "22 Jun 2026",
                       "22 Jul 2026", "22 Agu 2026", "22 Sep 2026", "22 Okt 2026", "22 Nov 2026", "22 Des 2026"]);
    }

    [Fact]
    public void English_dates_use_english_month_abbreviations()
    {
        var c = DocumentCulture.For("en-US");
        c.Date(new DateOnly(2026, 5, 1)).ShouldBe("1 May 2026");
        c.Date(new DateOnly(2026, 8, 17)).ShouldBe("17 Aug 2026");
        c.Date(new DateOnly(2026, 12, 31)).ShouldBe("31 Dec 2026");
    }

    [Fact]
    public void An_instant_is_shown_as_the_day_in_the_time_zone_and_a_calendar_day_as_it_is()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 21, 17, 5, 0, TimeSpan.Zero);
        DocumentCulture.For("id-ID", "Asia/Jakarta").Date(lateUtc).ShouldBe("22 Nov 2026");
        DocumentCulture.For("id-ID", "Asia/Jakarta").Date(new DateTimeOffset(2026, 11, 21, 16, 59, 0, TimeSpan.Zero)).ShouldBe("21 Nov 2026");
        DocumentCulture.For("id-ID", "Asia/Jayapura").Date(new DateOnly(2026, 11, 21)).ShouldBe("21 Nov 2026");
        DocumentCulture.For("id-ID").Date((PrintDate?)null).ShouldBe("—");
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_rather_than_printing_a_wrong_date() =>
        Should.Throw<ArgumentException>(() => DocumentCulture.For("id-ID", "Mars/Olympus")).ParamName.ShouldBe("timeZoneId");

    [Fact]
    public void Money_quantities_and_rates_follow_the_language()
    {
        var id = DocumentCulture.For("id-ID");
        var en = DocumentCulture.For("en-US");
        id.Money(1_500_000).ShouldBe("Rp 1.500.000");
        en.Money(1_500_000).ShouldBe("Rp 1.500.000");
        id.Quantity(2.5m).ShouldBe("2,5");
        en.Quantity(2.5m).ShouldBe("2.5");
        id.Quantity(1250).ShouldBe("1.250");
        id.Percent(0.12m).ShouldBe("12%");
        id.Percent(0.011m).ShouldBe("1,1%");
        DocumentCulture.For("en-GB").Language.ShouldBe("en-US");
        DocumentCulture.For("xx").Language.ShouldBe("id-ID");
    }
}
