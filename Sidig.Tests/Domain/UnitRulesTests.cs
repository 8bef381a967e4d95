using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Units;

namespace Sidig.Tests.Domain;

public class SerialPatternTests
{
    private static readonly DateOnly Nov26 = new(2026, 11, 5);

    [Fact]
    public void Tokens_are_filled_from_the_product_lot_date_and_counter() =>
        SerialPattern.Format("{sku}/{lot}-{yyyy}{MM}-{n:6}", "RC-1000", "L7", Nov26, 42).ShouldBe("RC-1000/L7-202611-000042");

    [Fact]
    public void The_default_pattern_gives_sku_year_month_and_six_digits() =>
        SerialPattern.Format(SerialPattern.Default, "AC-05", "X", Nov26, 1).ShouldBe("AC-05-2611-000001");

    [Theory]
    [InlineData(null, "Units.PatternRequired")]
    [InlineData("{sku}-{yy}", "Units.PatternNeedsCounter")]
    [InlineData("{n}-{n:3}", "Units.PatternNeedsCounter")]
    [InlineData("{sku}-{n:0}", "Units.PatternWidth")]
    [InlineData("{sku} {n:4}", "Units.PatternCharacters")]
    [InlineData("<b>{n}</b>", "Units.PatternCharacters")]
    [InlineData("{sku}-{n:6}-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Units.PatternTooLong")]
    public void Unusable_patterns_are_refused_with_their_reason(string? pattern, string code) => SerialPattern.Check(pattern).ShouldBe(code);

    [Fact]
    public void A_usable_pattern_passes() => SerialPattern.Check("SN{yy}{n:7}").ShouldBeNull();
}

public class PublicCodeTests
{
    [Fact]
    public void Codes_are_twelve_url_safe_characters_without_look_alikes()
    {
        var code = PublicCode.New();
        code.Length.ShouldBe(12);
        code.ShouldAllBe(c => PublicCode.Alphabet.Contains(c));
        PublicCode.IsWellFormed(code).ShouldBeTrue();
        code.ShouldNotContain("0");
        code.ShouldNotContain("l");
    }

    [Fact]
    public void Ten_thousand_codes_are_all_different_and_use_the_whole_alphabet()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => PublicCode.New()).ToList();
        codes.Distinct().Count().ShouldBe(10_000);
        string.Concat(codes).Distinct().Count().ShouldBe(PublicCode.Alphabet.Length);
    }

    [Theory]
    [InlineData(null), InlineData(""), InlineData("abc"), InlineData("ABCDEFGHJKMN"), InlineData("abcdefghjkm0"), InlineData("abcdefghjkmn1"),
     InlineData("<script>x</s")]
    public void Anything_else_is_not_a_code(string? text) => PublicCode.IsWellFormed(text).ShouldBeFalse();
}

public class UnitBatchTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_batch_makes_its_units_with_consecutive_serials_from_the_counter_in_its_warehouse()
    {
        var warehouse = Guid.NewGuid();
        var (batch, units, events) = UnitBatch.Create(Guid.NewGuid(), "RC-1000", "L1", Today, 3, "{sku}-{n:4}", warehouse, 41, Today, Now, "gudang");

        units.Select(u => u.Serial).ShouldBe(["RC-1000-0041", "RC-1000-0042", "RC-1000-0043"]);
        (batch.FirstSerial, batch.LastSerial, batch.Quantity).ShouldBe(("RC-1000-0041", "RC-1000-0043", 3));
        units.ShouldAllBe(u => u.WarehouseId == warehouse && u.Status == UnitStatus.InStock && u.BatchId == batch.Id && u.OwnerPartnerId == null);
        units.Select(u => u.PublicCode).Distinct().Count().ShouldBe(3);
        units.ShouldAllBe(u => !u.PublicCode.Contains("0041") && !u.PublicCode.Contains("rc")); // not derived from the serial
        events.Select(e => (e.UnitId, e.Kind, e.DocumentNumber)).ShouldBe(units.Select(u => (u.Id, UnitEventKind.Created, (string?)"L1")));
    }

    [Theory]
    [InlineData("", 1, "Units.LotRequired")]
    [InlineData("L 1", 1, "Units.LotCharacters")]
    [InlineData("L1", 0, "Units.QuantityRange")]
    [InlineData("L1", 10_001, "Units.QuantityRange")]
    public void Bad_batches_are_refused(string lot, int quantity, string code) =>
        UnitBatch.Check(lot, Today, quantity, SerialPattern.Default, Today).Select(e => e.Code).ShouldContain(code);

    [Fact]
    public void A_production_date_in_the_future_is_refused() =>
        UnitBatch.Check("L1", Today.AddDays(1), 1, SerialPattern.Default, Today).Single().Code.ShouldBe("Units.ProducedInFuture");

    [Fact]
    public void Serials_longer_than_the_column_are_refused_before_anything_is_saved() =>
        Should.Throw<DomainException>(() => UnitBatch.Create(Guid.NewGuid(), new string('S', 60), "L1", Today, 1, "{sku}-{n:6}", Guid.NewGuid(), 1, Today, Now, null))
            .Code.ShouldBe("Units.SerialTooLong");
}

public class WarrantyViewTests
{
    private static WarrantyPolicy Policy(WarrantyStart start, int months = 12, int grace = 0) =>
        WarrantyPolicy.Create("Garansi", months, start, grace, "Suku cadang dan jasa", "Parts and labour", false);

    private static readonly DateOnly Jan15 = new(2026, 1, 15);

    [Fact]
    public void Without_a_policy_there_is_no_warranty() =>
        WarrantyView.Of(null, Jan15, null, null, null, Jan15).State.ShouldBe(WarrantyState.None);

    [Fact]
    public void A_registration_policy_without_registration_is_not_registered() =>
        WarrantyView.Of(Policy(WarrantyStart.Registration), null, Jan15, Jan15, null, Jan15).State.ShouldBe(WarrantyState.NotRegistered);

    [Fact]
    public void The_warranty_is_active_through_its_last_day_and_expired_the_day_after()
    {
        var policy = Policy(WarrantyStart.Registration);
        var last = WarrantyView.Of(policy, Jan15, null, null, null, new DateOnly(2027, 1, 14));
        (last.State, last.Start, last.End).ShouldBe((WarrantyState.Active, Jan15, new DateOnly(2027, 1, 14)));
        WarrantyView.Of(policy, Jan15, null, null, null, new DateOnly(2027, 1, 15)).State.ShouldBe(WarrantyState.Expired);
    }

    [Fact]
    public void Sell_out_and_delivery_plus_grace_policies_start_from_their_own_dates()
    {
        WarrantyView.Of(Policy(WarrantyStart.SellOut), Jan15, new DateOnly(2026, 3, 1), null, null, Jan15).Start.ShouldBe(new DateOnly(2026, 3, 1));
        WarrantyView.Of(Policy(WarrantyStart.DeliveryPlusGrace, grace: 30), null, null, Jan15, null, Jan15).Start.ShouldBe(new DateOnly(2026, 2, 14));
        WarrantyView.Of(Policy(WarrantyStart.SellOut), Jan15, null, Jan15, null, Jan15).State.ShouldBe(WarrantyState.NotRegistered);
    }

    [Fact]
    public void A_void_warranty_stays_void_with_its_reason_even_within_the_period()
    {
        var view = WarrantyView.Of(Policy(WarrantyStart.Registration), Jan15, null, null, "Segel rusak", Jan15.AddDays(10));
        (view.State, view.VoidReason).ShouldBe((WarrantyState.Void, "Segel rusak"));
    }
}
