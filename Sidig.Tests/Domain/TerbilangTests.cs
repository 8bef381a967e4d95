using Sidig.Domain.Common;

namespace Sidig.Tests.Domain;

public class TerbilangTests
{
    [Theory]
    [InlineData(0, "nol")]
    [InlineData(1, "satu")]
    [InlineData(10, "sepuluh")]
    [InlineData(11, "sebelas")]
    [InlineData(12, "dua belas")]
    [InlineData(19, "sembilan belas")]
    [InlineData(20, "dua puluh")]
    [InlineData(21, "dua puluh satu")]
    [InlineData(100, "seratus")]
    [InlineData(101, "seratus satu")]
    [InlineData(110, "seratus sepuluh")]
    [InlineData(111, "seratus sebelas")]
    [InlineData(1000, "seribu")]
    [InlineData(1001, "seribu satu")]
    [InlineData(1100, "seribu seratus")]
    [InlineData(2000, "dua ribu")]
    [InlineData(11_000, "sebelas ribu")]
    [InlineData(101_000, "seratus satu ribu")]
    [InlineData(1_000_000, "satu juta")]
    [InlineData(1_001_000, "satu juta seribu")]
    [InlineData(1_500_000, "satu juta lima ratus ribu")]
    [InlineData(12_345_678, "dua belas juta tiga ratus empat puluh lima ribu enam ratus tujuh puluh delapan")]
    [InlineData(1_000_000_000, "satu miliar")]
    [InlineData(1_234_567_890_123, "satu triliun dua ratus tiga puluh empat miliar lima ratus enam puluh tujuh juta delapan ratus sembilan puluh ribu seratus dua puluh tiga")]
    public void Numbers_are_spelt_as_on_Indonesian_invoices(long number, string words) =>
        Terbilang.Words(number).ShouldBe(words);

    [Fact]
    public void The_largest_supported_amount_is_just_below_one_thousand_trillion() =>
        Terbilang.Words(Terbilang.Max).ShouldBe(
            "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar " +
            "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu " +
            "sembilan ratus sembilan puluh sembilan");

    [Fact]
    public void Larger_amounts_are_refused_rather_than_misread()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Terbilang.Words(Terbilang.Max + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Terbilang.Rupiah(1_000_000_000_000_000m));
    }

    [Theory]
    [InlineData("1500000", "satu juta lima ratus ribu rupiah")]
    [InlineData("0", "nol rupiah")]
    [InlineData("0.4", "nol rupiah")]
    public void Rupiah_amounts_end_with_rupiah(string amount, string words) =>
        Terbilang.Rupiah(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(words);

    [Theory]
    [InlineData("1500.5", "seribu lima ratus satu rupiah")]
    [InlineData("1500.49", "seribu lima ratus rupiah")]
    [InlineData("-1500.5", "minus seribu lima ratus satu rupiah")]
    public void Sen_are_rounded_half_up_to_whole_rupiah_and_never_spelt(string amount, string words) =>
        Terbilang.Rupiah(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(words);

    [Fact]
    public void Negative_amounts_read_minus() =>
        Terbilang.Rupiah(-5_000m).ShouldBe("minus lima ribu rupiah");
}
