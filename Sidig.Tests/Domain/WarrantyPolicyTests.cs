using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Tests.Domain;

public class WarrantyPolicyTests
{
    private static IReadOnlyList<Error> Check(string name = "Garansi 12 bulan", int months = 12, WarrantyStart start = WarrantyStart.Registration,
        int grace = 0, string coverageId = "Kerusakan pabrik", string coverageEn = "Factory defects", int? maxClaims = null) =>
        WarrantyPolicy.Check(name, months, start, grace, coverageId, coverageEn, maxClaims);

    private static WarrantyPolicy Policy(int months, WarrantyStart start = WarrantyStart.Registration, int grace = 0) =>
        WarrantyPolicy.Create("Garansi", months, start, grace, "Kerusakan pabrik", "Factory defects", false);

    [Fact]
    public void A_valid_policy_has_no_errors() => Check().ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(241)]
    public void The_length_must_be_between_1_and_240_months(int months) =>
        Check(months: months).Select(e => (e.Code, e.Field)).ShouldBe([("Warranty.MonthsRange", "Months")]);

    [Fact]
    public void Grace_days_are_refused_unless_the_warranty_starts_at_delivery()
    {
        Check(start: WarrantyStart.SellOut, grace: 7).Single().Code.ShouldBe("Warranty.GraceDaysInvalid");
        Check(start: WarrantyStart.DeliveryPlusGrace, grace: 7).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void Grace_days_stay_within_a_year(int grace) =>
        Check(start: WarrantyStart.DeliveryPlusGrace, grace: grace).Single().Field.ShouldBe("GraceDays");

    [Fact]
    public void Both_coverage_texts_are_required()
    {
        Check(coverageId: " ", coverageEn: "").Select(e => e.Field).ShouldBe(["CoverageId", "CoverageEn"]);
    }

    [Fact]
    public void The_name_is_required() => Check(name: "").Single().Code.ShouldBe("Warranty.NameRequired");

    [Fact]
    public void Max_claims_is_empty_or_at_least_one()
    {
        Check(maxClaims: 0).Single().Code.ShouldBe("Warranty.MaxClaimsInvalid");
        Check(maxClaims: 1).ShouldBeEmpty();
    }

    [Fact]
    public void Create_refuses_an_invalid_policy() =>
        Should.Throw<DomainException>(() => Policy(0)).Code.ShouldBe("Warranty.MonthsRange");

    [Fact]
    public void The_last_covered_day_is_the_day_before_the_same_date_months_later() =>
        Policy(12).EndDate(new DateOnly(2026, 11, 22)).ShouldBe(new DateOnly(2027, 11, 21));

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")] // no 31 February: covered to the month's last day, not 27 February
    [InlineData("2026-01-29", 1, "2026-02-28")]
    [InlineData("2026-01-28", 1, "2026-02-27")]
    [InlineData("2026-03-01", 1, "2026-03-31")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2028-02-29", 12, "2029-02-28")] // leap day
    [InlineData("2026-12-31", 24, "2028-12-30")]
    public void Month_ends_are_covered_to_the_day_before_the_same_date_or_the_shorter_months_last_day(string start, int months, string end) =>
        Policy(months).EndDate(DateOnly.Parse(start)).ShouldBe(DateOnly.Parse(end));

    [Fact]
    public void Delivery_plus_grace_starts_the_grace_days_after_delivery() =>
        Policy(12, WarrantyStart.DeliveryPlusGrace, 14).StartDate(null, null, new DateOnly(2026, 12, 25)).ShouldBe(new DateOnly(2027, 1, 8));

    [Fact]
    public void Each_start_kind_reads_its_own_date()
    {
        DateOnly registered = new(2026, 1, 10), sold = new(2026, 1, 5), delivered = new(2026, 1, 1);
        Policy(12).StartDate(registered, sold, delivered).ShouldBe(registered);
        Policy(12, WarrantyStart.SellOut).StartDate(registered, sold, delivered).ShouldBe(sold);
        Policy(12, WarrantyStart.DeliveryPlusGrace).StartDate(registered, sold, delivered).ShouldBe(delivered);
    }

    [Fact]
    public void No_start_date_while_the_start_event_has_not_happened() =>
        Policy(12, WarrantyStart.SellOut).StartDate(new DateOnly(2026, 1, 10), null, null).ShouldBeNull();
}
