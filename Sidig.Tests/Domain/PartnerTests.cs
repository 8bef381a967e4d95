using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Reference;

namespace Sidig.Tests.Domain;

public class PartnerTests
{
    private static readonly IndonesianAreas Areas = new();

    /// <summary>A valid distributor in DKI Jakarta / Jakarta Selatan serving Jakarta and West Java.</summary>
    private static PartnerDetails Valid => new("dist-jkt", "PT Sinar Distribusi", PartnerType.Distributor, null, PriceTier.Distributor,
        "0013456789012000", null, "Jl. Gatot Subroto 5", "31", "31.71", "12930", "+62 21 555 0101", "Info@Sinar.co.id", null,
        ["32", "31"], 30, 500_000_000m, 50_000_000m, null);

    private static IEnumerable<Error> Errors(PartnerDetails d) => Partner.Check(d, Areas);

    private static string Code(Action action) => Should.Throw<DomainException>(action).Code;

    [Fact]
    public void Valid_details_have_no_problem_and_are_stored_normalised()
    {
        Errors(Valid).ShouldBeEmpty();
        var p = Partner.Create(Valid, Areas, []);
        p.Code.ShouldBe("DIST-JKT");
        p.Nitku.ShouldBe("0013456789012000000000"); // head office when no NITKU is given
        p.Email.ShouldBe("info@sinar.co.id");
        p.Territory.ShouldBe("31,32");
    }

    [Theory]
    [InlineData("0013.4567.8901.20", "Npwp.Invalid")]
    [InlineData("00134567890120AB", "Npwp.Invalid")]
    [InlineData("0000000000000000", "Npwp.Invalid")]
    public void A_wrong_npwp_is_reported_at_its_field(string npwp, string code) =>
        Errors(Valid with { Npwp = npwp }).ShouldBe([new Error(code, "Npwp")]);

    [Fact]
    public void The_old_15_digit_npwp_is_accepted_with_a_leading_zero() =>
        Partner.Create(Valid with { Npwp = "01.345.678.9-012.000" }, Areas, []).Npwp.ShouldBe("0013456789012000");

    [Theory]
    [InlineData("001345678901200000001", "Nitku.Invalid")]
    [InlineData("9913456789012000000001", "Nitku.NotMatchingNpwp")]
    public void A_nitku_must_be_the_npwp_and_a_branch_number(string nitku, string code) =>
        Errors(Valid with { Nitku = nitku }).ShouldBe([new Error(code, "Nitku")]);

    [Fact]
    public void A_nitku_without_npwp_is_refused() =>
        Errors(Valid with { Npwp = null, Nitku = "0013456789012000000001" }).ShouldBe([new Error("Nitku.NeedsNpwp", "Nitku")]);

    [Fact]
    public void A_regency_outside_the_province_is_refused() =>
        Errors(Valid with { RegencyCode = "32.73" }).ShouldBe([new Error("Address.RegencyNotInProvince", "RegencyCode")]);

    [Fact]
    public void An_unknown_province_is_refused() =>
        Errors(Valid with { ProvinceCode = "99", RegencyCode = null }).ShouldBe([new Error("Address.ProvinceInvalid", "ProvinceCode")]);

    [Fact]
    public void A_territory_of_unknown_provinces_is_refused() =>
        Errors(Valid with { Territory = ["31", "XX"] }).ShouldBe([new Error("Partner.TerritoryInvalid", "Territory")]);

    [Fact]
    public void Only_agents_earn_commission()
    {
        Errors(Valid with { CommissionRatePercent = 2.5m }).ShouldBe([new Error("Partner.CommissionAgentsOnly", "CommissionRatePercent")]);
        Errors(Valid with { Type = PartnerType.Agent, PriceTier = PriceTier.Agent, CommissionRatePercent = 2.5m }).ShouldBeEmpty();
        Errors(Valid with { Type = PartnerType.Agent, CommissionRatePercent = 101m }).ShouldBe([new Error("Partner.CommissionInvalid", "CommissionRatePercent")]);
    }

    [Fact]
    public void Limits_and_terms_must_be_in_range()
    {
        Errors(Valid with { CreditLimit = -1 }).ShouldBe([new Error("Partner.CreditLimitInvalid", "CreditLimit")]);
        Errors(Valid with { OverdueLimit = -0.01m }).ShouldBe([new Error("Partner.OverdueLimitInvalid", "OverdueLimit")]);
        Errors(Valid with { PaymentTermDays = 366 }).ShouldBe([new Error("Partner.PaymentTermsInvalid", "PaymentTermDays")]);
        Errors(Valid with { PaymentTermDays = 0, CreditLimit = 0, OverdueLimit = 0 }).ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors(Valid with { Code = " ", LegalName = "", Email = "info@", Phone = "abc" }).ToList();
        errors.Select(e => e.Field).ShouldBe(["Code", "LegalName", "Phone", "Email"], ignoreOrder: true);
    }

    [Fact]
    public void Each_type_has_its_default_price_tier()
    {
        Partner.DefaultTier(PartnerType.Distributor).ShouldBe(PriceTier.Distributor);
        Partner.DefaultTier(PartnerType.Dealer).ShouldBe(PriceTier.Dealer);
        Partner.DefaultTier(PartnerType.Agent).ShouldBe(PriceTier.Agent);
        Partner.DefaultTier(PartnerType.ServiceCentre).ShouldBe(PriceTier.Retail);
    }

    // Tree: A → B → C, and D alone.
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();
    private static readonly Dictionary<Guid, Guid?> ParentOf = new() { [A] = null, [B] = A, [C] = B, [D] = null };

    [Fact]
    public void Ancestors_are_listed_nearest_first()
    {
        PartnerTree.Ancestors(C, ParentOf).ShouldBe([B, A]);
        PartnerTree.Ancestors(A, ParentOf).ShouldBeEmpty();
    }

    [Fact]
    public void Descendants_are_every_partner_below()
    {
        PartnerTree.Descendants(A, ParentOf).ShouldBe([B, C], ignoreOrder: true);
        PartnerTree.Descendants(C, ParentOf).ShouldBeEmpty();
        PartnerTree.Descendants(D, ParentOf).ShouldBeEmpty();
    }

    [Fact]
    public void Ancestors_stop_at_a_broken_cycle_in_the_data()
    {
        var x = Guid.NewGuid();
        var y = Guid.NewGuid();
        PartnerTree.Ancestors(x, new Dictionary<Guid, Guid?> { [x] = y, [y] = x }).ShouldBe([y]);
    }

    [Fact]
    public void A_partner_cannot_be_moved_under_its_own_descendant()
    {
        var top = Partner.Create(Valid, Areas, []);
        var middle = Partner.Create(Valid with { Code = "MID", ParentId = top.Id }, Areas, []);
        var bottom = Partner.Create(Valid with { Code = "LOW", ParentId = middle.Id }, Areas, [top.Id]);
        var tree = new Dictionary<Guid, Guid?> { [top.Id] = null, [middle.Id] = top.Id, [bottom.Id] = middle.Id };

        Code(() => top.Update(Valid with { ParentId = bottom.Id }, Areas, PartnerTree.Ancestors(bottom.Id, tree))).ShouldBe("Partner.Cycle");
        Code(() => top.Update(Valid with { ParentId = top.Id }, Areas, PartnerTree.Ancestors(top.Id, tree))).ShouldBe("Partner.Cycle");
        top.ParentId.ShouldBeNull();
    }

    [Fact]
    public void A_partner_can_move_under_another_branch()
    {
        var top = Partner.Create(Valid, Areas, []);
        var other = Partner.Create(Valid with { Code = "OTHER" }, Areas, []);
        var child = Partner.Create(Valid with { Code = "KID", ParentId = top.Id }, Areas, []);
        var tree = new Dictionary<Guid, Guid?> { [top.Id] = null, [other.Id] = null, [child.Id] = top.Id };

        child.Update(Valid with { Code = "KID", ParentId = other.Id }, Areas, PartnerTree.Ancestors(other.Id, tree));

        child.ParentId.ShouldBe(other.Id);
    }

    [Fact]
    public void An_invalid_edit_changes_nothing()
    {
        var p = Partner.Create(Valid, Areas, []);
        Code(() => p.Update(Valid with { LegalName = "Baru", CreditLimit = -5 }, Areas, [])).ShouldBe("Partner.CreditLimitInvalid");
        p.LegalName.ShouldBe("PT Sinar Distribusi");
        p.CreditLimit.ShouldBe(500_000_000m);
    }
}
