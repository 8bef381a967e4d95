using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Web.Features.Catalog;
using Sidig.Web.Features.Catalog.Components;

namespace Sidig.Tests.Components;

public sealed class ProductFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly List<ProductDetails> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private Result _answer = Result.Ok();

    private static readonly CatalogOptions Options = new(
        [new CategoryNode(Guid.NewGuid(), "TV", "Televisi", null, 0, "Televisi", 0, 0)], [new NamedOption(Guid.NewGuid(), "Garansi 12 bulan")], ["Demo"]);

    private static readonly ProductDetails Saved = new("TV-43", "Smart TV 43 inci", null, "Demo", "UNIT", 7.5m, "85287292", false, 2, null);

    public ProductFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    private IRenderedComponent<ProductForm> RenderForm(ProductDetails? value = null, bool hasStock = false)
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<ProductForm>(p => p
            .Add(x => x.Value, value ?? Saved)
            .Add(x => x.Options, Options)
            .Add(x => x.HasStock, hasStock)
            .Add(x => x.Submit, details =>
            {
                _submitted.Add(details);
                return Task.FromResult(_answer);
            }));
    }

    [Fact]
    public void A_sku_with_a_space_shows_its_message_and_nothing_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=product-sku]").Change("TV 43");
        form.Find("button[data-testid=product-save]").Click();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Use only letters, digits and - _ . / (no spaces)."));
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_new_empty_product_is_blocked_with_the_required_fields_named()
    {
        var form = RenderForm(ProductPage.New);
        form.Find("button[data-testid=product-save]").Click();

        form.WaitForAssertion(() =>
        {
            form.Markup.ShouldContain("Enter the SKU.");
            form.Markup.ShouldContain("Enter the product name.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_goods_code_with_letters_is_refused_next_to_its_field()
    {
        var form = RenderForm();
        form.Find("input[data-testid=product-goods-code]").Change("8528AB");
        form.Find("button[data-testid=product-save]").Click();

        form.WaitForAssertion(() => form.Markup.ShouldContain("The goods code (HS/Coretax) has 6 to 10 digits."));
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void Valid_input_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=product-name]").Change("Smart TV 43 inci v2");
        form.Find("button[data-testid=product-save]").Click();

        form.WaitForAssertion(() => _submitted.ShouldHaveSingleItem().Name.ShouldBe("Smart TV 43 inci v2"));
    }

    [Fact]
    public void A_taken_sku_answered_by_the_server_is_shown_at_the_sku_field()
    {
        _answer = Result.Fail("Product.SkuTaken", nameof(ProductDetails.Sku));
        var form = RenderForm();
        form.Find("button[data-testid=product-save]").Click();

        form.WaitForAssertion(() => form.Markup.ShouldContain("Another product already has this SKU."));
    }

    [Fact]
    public void The_serialised_switch_is_locked_when_stock_exists()
    {
        var form = RenderForm(hasStock: true);
        form.Find("input[data-testid=product-serialised]").HasAttribute("disabled").ShouldBeTrue();
        form.Find("[data-testid=product-serialised-help]").TextContent.ShouldContain("Locked: stock of this product exists.");
    }
}
