using Sidig.Domain.Common;

namespace Sidig.Tests.Domain;

public class NpwpTests
{
    [Fact]
    public void A_16_digit_npwp_is_accepted_as_is()
    {
        Npwp.ParseNpwp("0013456789012000").ShouldBe(("0013456789012000", null));
    }

    [Fact]
    public void The_old_15_digit_form_gets_a_leading_zero()
    {
        Npwp.ParseNpwp("013456789012000").Value.ShouldBe("0013456789012000");
    }

    [Theory]
    [InlineData("01.345.678.9-012.000")]
    [InlineData("0013 4567 8901 2000")]
    [InlineData("0013-4567-8901-2000")]
    public void Dots_dashes_and_spaces_are_removed(string input)
    {
        Npwp.ParseNpwp(input).Value.ShouldBe("0013456789012000");
    }

    [Theory]
    [InlineData("00134567890120OO")]
    [InlineData("0013456789012000x")]
    [InlineData("NPWP 0013456789012000")]
    public void Letters_are_refused(string input)
    {
        Npwp.ParseNpwp(input).ShouldBe((null, "Npwp.Invalid"));
    }

    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("000.000.000.0-000.000")]
    public void All_zeros_is_refused(string input)
    {
        Npwp.ParseNpwp(input).Error.ShouldBe("Npwp.Invalid");
    }

    [Theory]
    [InlineData("12345678901234")]
    [InlineData("12345678901234567")]
    public void Other_lengths_are_refused(string input)
    {
        Npwp.ParseNpwp(input).Error.ShouldBe("Npwp.Invalid");
    }

    [Fact]
    public void An_empty_npwp_is_reported_as_missing()
    {
        Npwp.ParseNpwp("  ").Error.ShouldBe("Npwp.Required");
    }

    [Fact]
    public void A_nitku_of_22_digits_starting_with_the_npwp_is_accepted()
    {
        Npwp.ParseNitku("0013456789012000 000123", "0013456789012000").Value.ShouldBe("0013456789012000000123");
    }

    [Fact]
    public void An_empty_nitku_defaults_to_the_head_office()
    {
        Npwp.ParseNitku(null, "0013456789012000").Value.ShouldBe("0013456789012000000000");
    }

    [Fact]
    public void A_nitku_of_another_npwp_is_refused()
    {
        Npwp.ParseNitku("0029876543210000000000", "0013456789012000").Error.ShouldBe("Nitku.NotMatchingNpwp");
    }

    [Theory]
    [InlineData("001345678901200000000")]
    [InlineData("00134567890120000000001")]
    [InlineData("0013456789012000-00000A")]
    public void A_nitku_that_is_not_22_digits_is_refused(string input)
    {
        Npwp.ParseNitku(input, "0013456789012000").Error.ShouldBe("Nitku.Invalid");
    }

    [Fact]
    public void Npwp_is_shown_in_groups_of_four()
    {
        Npwp.Format("0013456789012000").ShouldBe("0013.4567.8901.2000");
    }
}
