using System.Globalization;
using Sidig.Domain.Common;

namespace Sidig.Tests.Domain;

public class IdrTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1500000", "Rp 1.500.000")]
    [InlineData("0", "Rp 0")]
    [InlineData("999", "Rp 999")]
    [InlineData("1234567890123", "Rp 1.234.567.890.123")]
    public void Rupiah_use_dots_between_thousands_and_no_decimals(string amount, string shown) =>
        Idr.Format(D(amount)).ShouldBe(shown);

    [Fact]
    public void Negative_amounts_put_the_minus_before_Rp() =>
        Idr.Format(-1_500_000m).ShouldBe("-Rp 1.500.000");

    [Theory]
    [InlineData("1500000.5", 2, "Rp 1.500.000,50")]
    [InlineData("-1500000.25", 2, "-Rp 1.500.000,25")]
    [InlineData("1500000.5", 0, "Rp 1.500.001")]
    [InlineData("1500000.49", 0, "Rp 1.500.000")]
    public void Decimals_are_optional_after_a_comma_and_rounded_half_up(string amount, int decimals, string shown) =>
        Idr.Format(D(amount), decimals).ShouldBe(shown);

    [Fact]
    public void A_tiny_negative_amount_that_rounds_to_zero_shows_no_minus() =>
        Idr.Format(-0.4m).ShouldBe("Rp 0");

    [Fact]
    public void The_plain_number_is_for_columns_whose_header_names_the_currency() =>
        Idr.Number(1_234_567m).ShouldBe("1.234.567");

    [Fact]
    public void The_output_does_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            Idr.Format(1_500_000.5m, 2).ShouldBe("Rp 1.500.000,50");
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
