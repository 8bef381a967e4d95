using Sidig.Domain.Catalog;

namespace Sidig.Tests.Domain;

public class PriceLookupTests
{
    private static readonly Guid Partner = Guid.NewGuid(), OtherPartner = Guid.NewGuid();
    private static readonly DateOnly Jan1 = new(2026, 1, 1), Jun30 = new(2026, 6, 30), Mar15 = new(2026, 3, 15);

    private static IEnumerable<PriceCandidate> List(string name, Guid? partner, PriceTier tier, DateOnly from, DateOnly? to, params (decimal Min, decimal Price)[] lines)
    {
        var id = Guid.NewGuid();
        return lines.Select(l => new PriceCandidate(id, name, partner, tier, from, to, l.Min, l.Price));
    }

    private static PriceQuote? Find(IEnumerable<PriceCandidate> candidates, DateOnly date, decimal quantity, PriceTier tier = PriceTier.Distributor) =>
        PriceLookup.Find(candidates, Partner, tier, date, quantity);

    [Fact]
    public void The_partners_own_list_beats_its_tiers_list()
    {
        var candidates = List("Distributor 2026", null, PriceTier.Distributor, Jan1, null, (1, 100_000))
            .Concat(List("Khusus Mitra", Partner, PriceTier.Distributor, Jan1, null, (1, 90_000)));
        var quote = Find(candidates, Mar15, 1)!;
        quote.UnitPrice.ShouldBe(90_000);
        quote.IsPartnerList.ShouldBeTrue();
    }

    [Fact]
    public void The_tier_list_answers_when_the_partners_own_list_has_no_line_for_the_quantity()
    {
        var candidates = List("Distributor 2026", null, PriceTier.Distributor, Jan1, null, (1, 100_000))
            .Concat(List("Khusus Mitra", Partner, PriceTier.Distributor, Jan1, null, (10, 80_000)));
        Find(candidates, Mar15, 5)!.UnitPrice.ShouldBe(100_000);
    }

    [Fact]
    public void Another_partners_list_and_another_tiers_list_are_ignored()
    {
        var candidates = List("Mitra Lain", OtherPartner, PriceTier.Distributor, Jan1, null, (1, 50_000))
            .Concat(List("Retail 2026", null, PriceTier.Retail, Jan1, null, (1, 150_000)));
        Find(candidates, Mar15, 1).ShouldBeNull();
    }

    [Theory]
    [InlineData(1, 100_000)]
    [InlineData(9.5, 100_000)]
    [InlineData(10, 95_000)]
    [InlineData(49, 95_000)]
    [InlineData(50, 90_000)]
    [InlineData(1000, 90_000)]
    public void The_volume_break_with_the_largest_minimum_not_above_the_quantity_applies(decimal quantity, decimal expected)
    {
        var candidates = List("Distributor 2026", null, PriceTier.Distributor, Jan1, null, (10, 95_000), (1, 100_000), (50, 90_000));
        Find(candidates, Mar15, quantity)!.UnitPrice.ShouldBe(expected);
    }

    [Fact]
    public void The_chosen_break_is_reported()
    {
        var candidates = List("Distributor 2026", null, PriceTier.Distributor, Jan1, null, (1, 100_000), (10, 95_000));
        Find(candidates, Mar15, 12)!.MinQuantity.ShouldBe(10);
    }

    [Fact]
    public void A_quantity_below_every_break_has_no_price()
    {
        var candidates = List("Grosir", null, PriceTier.Distributor, Jan1, null, (10, 95_000));
        Find(candidates, Mar15, 9).ShouldBeNull();
    }

    [Theory]
    [InlineData(2026, 1, 1, true)]
    [InlineData(2026, 6, 30, true)]
    [InlineData(2025, 12, 31, false)]
    [InlineData(2026, 7, 1, false)]
    public void Validity_dates_are_inclusive(int year, int month, int day, bool priced)
    {
        var candidates = List("Semester 1", null, PriceTier.Distributor, Jan1, Jun30, (1, 100_000));
        (Find(candidates, new DateOnly(year, month, day), 1) is not null).ShouldBe(priced);
    }

    [Fact]
    public void Of_two_valid_lists_of_the_tier_the_one_that_started_last_wins()
    {
        var candidates = List("Lama", null, PriceTier.Distributor, Jan1, null, (1, 100_000))
            .Concat(List("Baru", null, PriceTier.Distributor, new DateOnly(2026, 3, 1), null, (1, 110_000)));
        Find(candidates, Mar15, 1)!.PriceListName.ShouldBe("Baru");
        Find(candidates, new DateOnly(2026, 2, 28), 1)!.PriceListName.ShouldBe("Lama");
    }

    [Fact]
    public void No_candidates_means_no_price()
    {
        Find([], Mar15, 1).ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_quantity_of_zero_or_less_has_no_price(decimal quantity)
    {
        var candidates = List("Distributor 2026", null, PriceTier.Distributor, Jan1, null, (1, 100_000));
        Find(candidates, Mar15, quantity).ShouldBeNull();
    }
}
