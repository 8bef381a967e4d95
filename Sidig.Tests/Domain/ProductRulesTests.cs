using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Tests.Domain;

public class ProductRulesTests
{
    private static ProductDetails Valid => new("TV-43-A1", "Smart TV 43 inci", null, "Demo", "UNIT", 7.5m, "85287292", true, 5, null);

    private static IEnumerable<(string Code, string? Field)> Errors(ProductDetails d) => Product.Check(d).Select(e => (e.Code, e.Field));

    [Fact]
    public void Valid_details_have_no_errors() => Product.Check(Valid).ShouldBeEmpty();

    [Theory]
    [InlineData("", "Product.SkuRequired")]
    [InlineData("   ", "Product.SkuRequired")]
    [InlineData("TV 43", "Code.Invalid")]
    [InlineData("TV#43", "Code.Invalid")]
    [InlineData("A123456789012345678901234567890123456789X", "Validation.TooLong")]
    public void Bad_skus_are_refused_at_the_sku_field(string sku, string code) =>
        Errors(Valid with { Sku = sku }).ShouldBe([(code, "Sku")]);

    [Fact]
    public void The_sku_is_stored_trimmed_and_in_upper_case() =>
        Product.Create(Valid with { Sku = "  tv-43-a1 " }).Sku.ShouldBe("TV-43-A1");

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901")]
    [InlineData("8528.72")]
    public void A_goods_code_has_6_to_10_digits(string code) =>
        Errors(Valid with { GoodsCode = code }).ShouldBe([("Product.GoodsCodeInvalid", "GoodsCode")]);

    [Fact]
    public void An_empty_goods_code_is_allowed() => Product.Create(Valid with { GoodsCode = " " }).GoodsCode.ShouldBeNull();

    [Fact]
    public void Name_and_unit_are_required() =>
        Errors(Valid with { Name = "", Unit = " " }).ShouldBe([("Product.NameRequired", "Name"), ("Product.UnitRequired", "Unit")]);

    [Fact]
    public void Negative_weight_and_minimum_stock_are_refused() =>
        Errors(Valid with { WeightKg = -1, MinStockDefault = -1 }).Select(e => e.Field).ShouldBe(["WeightKg", "MinStockDefault"]);

    [Fact]
    public void Serialised_cannot_change_once_stock_exists()
    {
        var product = Product.Create(Valid);
        Should.Throw<DomainException>(() => product.Update(Valid with { IsSerialised = false }, hasStock: true)).Code.ShouldBe("Product.SerialisedLocked");
        product.IsSerialised.ShouldBeTrue();
    }

    [Fact]
    public void Serialised_can_change_while_no_stock_exists()
    {
        var product = Product.Create(Valid);
        product.Update(Valid with { IsSerialised = false }, hasStock: false);
        product.IsSerialised.ShouldBeFalse();
    }

    [Fact]
    public void Other_fields_change_while_stock_exists()
    {
        var product = Product.Create(Valid);
        product.Update(Valid with { Name = "Smart TV 43 inci v2" }, hasStock: true);
        product.Name.ShouldBe("Smart TV 43 inci v2");
    }
}
