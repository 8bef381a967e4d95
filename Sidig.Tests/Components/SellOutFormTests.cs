using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Reference;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.SellOuts;
using Sidig.Web.Features.SellOuts.Components;

namespace Sidig.Tests.Components;

/// <summary>The sell-out form shows each problem next to its field and sends nothing until the input is valid.</summary>
public sealed class SellOutFormTests : ComponentTest, IDisposable
{
    private static readonly WarehouseOption Warehouse = new(Guid.NewGuid(), "WH-JKT", "Gudang Jakarta", Guid.NewGuid(), "PT Mitra Jaya");
    private static readonly ProductOption Product = new(Guid.NewGuid(), "TV-43", "Smart TV 43\"", "UNIT", 12);
    private static readonly DateOnly Today = new(2026, 11, 22);

    private readonly List<RecordSellOut> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    public SellOutFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        Ctx.Services.AddSingleton<IndonesianAreas>();
        OnHost(Demo);
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);

    private IRenderedComponent<SellOutForm> RenderForm()
    {
        Ctx.Render<MudPopoverProvider>();
        return Ctx.Render<SellOutForm>(p => p
            .Add(x => x.Warehouses, [Warehouse])
            .Add(x => x.Today, Today)
            .Add(x => x.SearchProducts, (_, _, _) => Task.FromResult<IEnumerable<ProductOption>>([Product]))
            .Add(x => x.Submit, command =>
            {
                _submitted.Add(command);
                return Task.FromResult(Result.Ok());
            }));
    }

    [Fact]
    public void An_empty_form_shows_what_is_missing_and_sends_nothing()
    {
        var form = RenderForm();
        form.Find("button[data-testid=sell-out-submit]").Click();

        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("Enter the customer's name.");
            Text(form).ShouldContain("Choose a product.");
            Text(form).ShouldContain("Enter a quantity above 0.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_phone_number_is_shown_next_to_the_phone_field()
    {
        var form = RenderForm();
        form.Find("input[data-testid=customer-name]").Change("Budi Santoso");
        form.Find("input[data-testid=customer-phone]").Change("0812-ABC");
        form.Find("button[data-testid=sell-out-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain(PhoneMessage));
        Text(form).ShouldNotContain("Enter the customer's name.");
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_line_without_a_product_is_not_sent_even_when_the_rest_is_valid()
    {
        var form = RenderForm();
        form.Find("input[data-testid=customer-name]").Change("Budi Santoso");
        form.Find("input[data-testid=customer-phone]").Change("+62 812 3456 7890");
        form.Find("input[data-testid=line-quantity-0]").Change("2");
        form.Find("button[data-testid=sell-out-submit]").Click();

        form.WaitForAssertion(() => Text(form).ShouldContain("Choose a product."));
        Text(form).ShouldNotContain(PhoneMessage);
        Text(form).ShouldContain("WH-JKT · Gudang Jakarta"); // the only warehouse is chosen for the user
        _submitted.ShouldBeEmpty();
    }

    /// <summary>The rendered markup as the user reads it (entities decoded).</summary>
    private static string Text(IRenderedComponent<SellOutForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);

    private static string PhoneMessage => ReadShared("Validation.PhoneInvalid");

    private static string ReadShared(string key)
    {
        var path = Path.Combine(TestPaths.WebProjectDirectory, "Resources", "SharedResource.en-US.resx");
        var doc = System.Xml.Linq.XDocument.Load(path);
        var value = doc.Root!.Elements("data").First(d => (string?)d.Attribute("name") == key).Element("value")!.Value;
        return value;
    }
}
