using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Features.Import;

public sealed class CellParsersTests
{
    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1,5", "1.5")]
    [InlineData("1500000", "1500000")]
    [InlineData("-2,25", "-2.25")]
    [InlineData("0,125", "0.125")]
    [InlineData("1.1250", "1.125")]
    public void Decimals_take_a_point_or_a_comma_as_the_decimal_separator(string text, string expected)
    {
        var result = CellParsers.Decimal()(text);

        result.Error.ShouldBeNull();
        result.Value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.500", "Import.NumberAmbiguous")]
    [InlineData("2,000", "Import.NumberAmbiguous")]
    [InlineData("1.500.000", "Import.NumberGrouped")]
    [InlineData("1,500.50", "Import.NumberGrouped")]
    [InlineData("Rp 1500", "Import.NumberInvalid")]
    [InlineData("1,5,5", "Import.NumberInvalid")]
    [InlineData("abc", "Import.NumberInvalid")]
    public void Decimals_that_could_be_misread_are_refused(string text, string error)
    {
        CellParsers.Decimal()(text).Error.ShouldBe(error);
    }

    [Fact]
    public void Decimal_limits_are_enforced()
    {
        CellParsers.Decimal(min: 0)("-1").Error.ShouldBe("Import.NumberTooSmall");
        CellParsers.Decimal(max: 100)("100,5").Error.ShouldBe("Import.NumberTooLarge");
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("-3", -3)]
    public void Integers_are_plain_digits(string text, int expected) => CellParsers.Integer()(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("1,5", "Import.IntegerInvalid")]
    [InlineData("1.000", "Import.NumberGrouped")]
    [InlineData("99999999999", "Import.NumberOutOfRange")]
    [InlineData("-1", "Import.NumberTooSmall")]
    public void Integers_refuse_fractions_groups_and_out_of_range(string text, string error) =>
        CellParsers.Integer(min: 0)(text).Error.ShouldBe(error);

    [Theory]
    [InlineData("ya", true)]
    [InlineData("Tidak", false)]
    [InlineData("YES", true)]
    [InlineData("no", false)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Booleans_are_read_in_both_languages(string text, bool expected) => CellParsers.Boolean()(text).Value.ShouldBe(expected);

    [Fact]
    public void Other_words_are_not_booleans() => CellParsers.Boolean()("mungkin").Error.ShouldBe("Import.BooleanInvalid");

    [Theory]
    [InlineData("2025-01-31")]
    [InlineData("31/01/2025")]
    [InlineData("31/1/2025")]
    [InlineData("2025-01-31 13:04:00")]
    public void Dates_are_iso_or_day_first(string text) => CellParsers.Date()(text).Value.ShouldBe(new DateOnly(2025, 1, 31));

    [Fact]
    public void Slashed_dates_are_day_first_not_month_first() => CellParsers.Date()("01/02/2025").Value.ShouldBe(new DateOnly(2025, 2, 1));

    [Theory]
    [InlineData("01/31/2025")]
    [InlineData("2025-02-30")]
    [InlineData("31-01-2025")]
    [InlineData("45688")]
    public void Other_dates_are_refused(string text) => CellParsers.Date()(text).Error.ShouldBe("Import.DateInvalid");

    [Fact]
    public void Enums_are_read_by_name_in_any_case_but_not_by_number()
    {
        CellParsers.Enum<TestKind>()("box").Value.ShouldBe(TestKind.Box);
        var refused = CellParsers.Enum<TestKind>()("1");
        refused.Error.ShouldBe("Import.ChoiceInvalid");
        refused.Args.ShouldBe(["Pcs, Box"]);
        CellParsers.Enum<TestKind>()("Karton").Error.ShouldBe("Import.ChoiceInvalid");
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        CellParsers.Text(5)("12345").Value.ShouldBe("12345");
        CellParsers.Text(5)("123456").Error.ShouldBe("Import.TooLong");
    }
}
