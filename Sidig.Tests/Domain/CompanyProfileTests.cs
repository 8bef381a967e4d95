using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Reference;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Domain;

public class CompanyProfileTests
{
    private static readonly IndonesianAreas Areas = new();

    /// <summary>A valid edit: DKI Jakarta / Kota Administrasi Jakarta Selatan.</summary>
    private static CompanyDetails Valid => new("PT Maju Jaya", "0013456789012000", null,
        "Jl. Sudirman 1", "31", "31.71", "12190", "+62 21 555 0100", "Info@Maju.co.id", 12m, 11, 12);

    private static CompanyProfile Saved()
    {
        var profile = CompanyProfile.Create("PT Maju Jaya");
        profile.Update(Valid, Areas);
        return profile;
    }

    [Fact]
    public void A_valid_edit_is_applied_with_normalised_values()
    {
        var profile = Saved();
        profile.Npwp.ShouldBe("0013456789012000");
        profile.Nitku.ShouldBe("0013456789012000000000");
        profile.Email.ShouldBe("info@maju.co.id");
        profile.RegencyCode.ShouldBe("31.71");
    }

    [Fact]
    public void A_regency_outside_the_chosen_province_is_refused()
    {
        var profile = Saved();
        // 32.73 is Kota Bandung, in Jawa Barat (32), not DKI Jakarta (31).
        Should.Throw<DomainException>(() => profile.UpdateContact(null, "31", "32.73", null, null, null, Areas))
            .Code.ShouldBe("Address.RegencyNotInProvince");
        profile.RegencyCode.ShouldBe("31.71");
    }

    [Fact]
    public void A_regency_without_a_province_is_refused()
    {
        Should.Throw<DomainException>(() => Saved().UpdateContact(null, null, "31.71", null, null, null, Areas))
            .Code.ShouldBe("Address.ProvinceRequired");
    }

    [Fact]
    public void An_unknown_province_code_is_refused()
    {
        Should.Throw<DomainException>(() => Saved().UpdateContact(null, "99", null, null, null, null, Areas))
            .Code.ShouldBe("Address.ProvinceInvalid");
    }

    [Theory]
    [InlineData("1219")]
    [InlineData("121900")]
    [InlineData("12a90")]
    [InlineData("01234")]
    public void A_postal_code_that_is_not_five_digits_is_refused(string postalCode)
    {
        Should.Throw<DomainException>(() => Saved().UpdateContact(null, null, null, postalCode, null, null, Areas))
            .Code.ShouldBe("Address.PostalCodeInvalid");
    }

    [Theory]
    [InlineData("info@")]
    [InlineData("info maju@maju.co.id")]
    [InlineData("info@localhost")]
    public void An_invalid_email_is_refused(string email)
    {
        Should.Throw<DomainException>(() => Saved().UpdateContact(null, null, null, null, null, email, Areas))
            .Code.ShouldBe("Validation.EmailInvalid");
    }

    [Theory]
    [InlineData("0812-abc-999")]
    [InlineData("+")]
    [InlineData("12345")]
    [InlineData("62+21 555 0100")]
    public void An_invalid_phone_is_refused(string phone)
    {
        Should.Throw<DomainException>(() => Saved().UpdateContact(null, null, null, null, phone, null, Areas))
            .Code.ShouldBe("Validation.PhoneInvalid");
    }

    [Theory]
    [InlineData(-1, 11, 12, "Ppn.RateInvalid")]
    [InlineData(100.01, 11, 12, "Ppn.RateInvalid")]
    [InlineData(11.005, 11, 12, "Ppn.RateInvalid")]
    [InlineData(12, 13, 12, "Ppn.BaseInvalid")]
    [InlineData(12, 0, 12, "Ppn.BaseInvalid")]
    [InlineData(12, 11, 0, "Ppn.BaseInvalid")]
    public void Ppn_outside_its_bounds_is_refused(decimal rate, int numerator, int denominator, string code)
    {
        Should.Throw<DomainException>(() => PpnSettings.Create(rate, numerator, denominator)).Code.ShouldBe(code);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(100, 1, 1)]
    [InlineData(12, 11, 12)]
    public void Ppn_within_its_bounds_is_accepted(decimal rate, int numerator, int denominator)
    {
        PpnSettings.Create(rate, numerator, denominator).RatePercent.ShouldBe(rate);
    }

    [Fact]
    public void Settings_built_around_the_rules_are_refused_by_the_profile()
    {
        Should.Throw<DomainException>(() => Saved().SetPpn(new PpnSettings(150m, 11, 12))).Code.ShouldBe("Ppn.RateInvalid");
    }

    [Fact]
    public void The_default_ppn_is_12_percent_on_eleven_twelfths_so_11_percent_effective()
    {
        PpnSettings.Default.ShouldBe(new PpnSettings(12m, 11, 12));
        PpnSettings.Default.EffectiveRatePercent.ShouldBe(11m);
    }

    [Fact]
    public void Check_reports_every_problem_with_its_field()
    {
        var errors = CompanyProfile.Check(Valid with { LegalName = " ", Npwp = "12345", PostalCode = "1", PpnRatePercent = 101 }, Areas);
        errors.Select(e => (e.Code, e.Field)).ShouldBe(
        [
            ("Company.LegalNameRequired", "LegalName"),
            ("Npwp.Invalid", "Npwp"),
            ("Address.PostalCodeInvalid", "PostalCode"),
            ("Ppn.RateInvalid", "PpnRatePercent"),
        ]);
    }

    [Fact]
    public void An_edit_with_any_problem_changes_nothing()
    {
        var profile = Saved();
        Should.Throw<DomainException>(() => profile.Update(Valid with { LegalName = "PT Baru", Email = "nope" }, Areas));
        profile.LegalName.ShouldBe("PT Maju Jaya");
    }

    [Fact]
    public void An_invalid_npwp_leaves_the_legal_data_unchanged()
    {
        var profile = Saved();
        Should.Throw<DomainException>(() => profile.UpdateLegal("PT Baru", "0013-ABCD", null)).Code.ShouldBe("Npwp.Invalid");
        profile.LegalName.ShouldBe("PT Maju Jaya");
        profile.Npwp.ShouldBe("0013456789012000");
    }

    [Fact]
    public void A_nitku_without_an_npwp_is_refused()
    {
        Should.Throw<DomainException>(() => Saved().UpdateLegal("PT Maju Jaya", null, "0013456789012000000000"))
            .Code.ShouldBe("Nitku.NeedsNpwp");
    }

    [Fact]
    public void A_branch_nitku_is_kept()
    {
        var profile = Saved();
        profile.UpdateLegal("PT Maju Jaya", "0013456789012000", "0013456789012000-000007");
        profile.Nitku.ShouldBe("0013456789012000000007");
    }

    [Fact]
    public void A_zip_renamed_to_png_is_refused_as_logo()
    {
        Should.Throw<DomainException>(() => Saved().SetLogo(TestImages.Zip)).Code.ShouldBe("Logo.NotAnImage");
    }

    [Fact]
    public void A_logo_over_1_MB_is_refused()
    {
        Should.Throw<DomainException>(() => Saved().SetLogo(TestImages.PngOfSize(ImageContent.MaxLogoBytes + 1))).Code.ShouldBe("Logo.TooLarge");
    }

    [Fact]
    public void A_logo_of_exactly_1_MB_is_accepted_with_its_sniffed_type()
    {
        var profile = Saved();
        profile.SetLogo(TestImages.PngOfSize(ImageContent.MaxLogoBytes));
        profile.LogoContentType.ShouldBe("image/png");
    }

    [Fact]
    public void The_same_bank_account_cannot_be_added_twice()
    {
        var profile = Saved();
        profile.AddBankAccount("Bank Mandiri", "123-000-4567", "PT Maju Jaya");
        Should.Throw<DomainException>(() => profile.AddBankAccount("Bank Mandiri", "1230004567", "PT Maju Jaya")).Code.ShouldBe("Bank.Duplicate");
    }

    [Fact]
    public void Bank_account_check_reports_each_field()
    {
        BankAccount.Check("", "12", " ").Select(e => e.Field).ShouldBe(["BankName", "AccountNumber", "AccountHolder"]);
    }

    [Fact]
    public void Removing_an_unknown_bank_account_is_refused()
    {
        Should.Throw<DomainException>(() => Saved().RemoveBankAccount(Guid.NewGuid())).Code.ShouldBe("Bank.NotFound");
    }
}

public class TenantRegionalTests
{
    private static Tenant NewTenant() => Tenant.Create("maju", "Maju", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("Asia/Jakarta")]
    [InlineData("Asia/Makassar")]
    [InlineData("Asia/Jayapura")]
    public void Each_indonesian_time_zone_is_accepted(string zone)
    {
        var tenant = NewTenant();
        tenant.SetRegional(zone, "en-US");
        tenant.TimeZoneId.ShouldBe(zone);
    }

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    public void Other_time_zones_are_refused(string zone)
    {
        Should.Throw<DomainException>(() => NewTenant().SetRegional(zone, "id-ID")).Code.ShouldBe("Tenant.TimeZoneInvalid");
    }

    [Fact]
    public void Only_indonesian_and_english_are_default_languages()
    {
        Should.Throw<DomainException>(() => NewTenant().SetRegional("Asia/Jakarta", "fr-FR")).Code.ShouldBe("Tenant.LanguageInvalid");
    }
}
