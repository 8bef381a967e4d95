using System.Net;
using Sidig.Domain.Common;
using Sidig.Domain.Units;

namespace Sidig.Tests.Domain;

public sealed class UnitScanRulesTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0/24")]
    [InlineData("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48")]
    public void A_scan_place_is_the_client_network_not_its_address(string address, string place) =>
        ScanPlace.Of(IPAddress.Parse(address)).ShouldBe(place);

    [Fact]
    public void Without_an_address_there_is_no_place() => ScanPlace.Of(null).ShouldBeNull();

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void A_unit_is_flagged_when_its_places_reach_the_threshold()
    {
        UnitAnomaly.IsDue(4, 5, null, Now, Day).ShouldBeFalse();
        UnitAnomaly.IsDue(5, 5, null, Now, Day).ShouldBeTrue();
    }

    [Fact]
    public void A_unit_flagged_within_the_window_is_not_flagged_again_until_the_window_has_passed()
    {
        UnitAnomaly.IsDue(9, 5, Now.AddHours(-23), Now, Day).ShouldBeFalse();
        UnitAnomaly.IsDue(9, 5, Now.AddHours(-24), Now, Day).ShouldBeTrue();
    }

    [Fact]
    public void An_anomaly_is_marked_reviewed_once()
    {
        var anomaly = UnitAnomaly.ManyPlaces(Guid.NewGuid(), 6, Now);

        anomaly.MarkReviewed("cs@demo.test", Now.AddHours(1));

        anomaly.ReviewedBy.ShouldBe("cs@demo.test");
        Should.Throw<DomainException>(() => anomaly.MarkReviewed("admin@demo.test", Now.AddHours(2))).Code.ShouldBe("Anomaly.AlreadyReviewed");
    }
}
