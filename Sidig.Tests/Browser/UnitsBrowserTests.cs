using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>A warehouse user makes a unit batch, finds one of its units, and its QR page opens on a phone without signing in.</summary>
public sealed class UnitsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly Builders _make = new(app);

    private static ILocator Input(IPage page, string id) => page.Locator($"input[data-testid='{id}'], [data-testid='{id}'] input").First;

    [Fact]
    public async Task A_batch_is_created_its_unit_found_and_its_scan_page_opens_on_a_phone()
    {
        var product = await _make.Product(serialised: true);
        var warehouse = await _make.Warehouse();
        var lot = Builders.Unique("L");
        string? scanPath = null;

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "warehouse@demo.test");
            await page.GotoAsync(app.Url("demo", "/units/batches"));
            await page.WaitForCircuitAsync();
            await page.TestId("unit-batch-new").ClickAsync();

            var productInput = Input(page, "unit-batch-product");
            await productInput.ClickAsync();
            await productInput.FillAsync(product.Sku);
            var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = product.Sku });
            await Expect(option).ToHaveCountAsync(1);
            await option.ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await Expect(productInput).ToHaveValueAsync(new Regex(Regex.Escape(product.Sku)));

            await Input(page, "unit-batch-lot").FillAsync(lot);
            await Input(page, "unit-batch-lot").PressAsync("Tab");
            await Input(page, "unit-batch-quantity").FillAsync("3");
            await Input(page, "unit-batch-quantity").PressAsync("Tab");
            await Expect(Input(page, "unit-batch-quantity")).ToHaveValueAsync("3");
            await page.TestId("unit-batch-warehouse").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = warehouse.Code }).ClickAsync();
            await Expect(page.TestId("unit-batch-preview")).ToContainTextAsync(product.Sku);
            await page.TestId("unit-batch-create").ClickAsync();

            await Expect(page.TestId("unit-batch-dialog")).ToHaveCountAsync(0);
            await Input(page, "unit-batches-search").FillAsync(lot);
            await Expect(page.TestId("unit-batch-lot")).ToHaveCountAsync(1); // the search has reached the server
            await Expect(page.TestId("unit-batch-lot")).ToHaveTextAsync(lot);
            await Expect(page.TestId("unit-batch-quantity")).ToHaveTextAsync("3");

            await page.TestId("unit-batch-first").ClickAsync(); // the first serial opens the lookup, which opens the unit
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(app.Url("demo", "/units/")) + "[0-9a-f-]{36}$"));
            await Expect(page.TestId("unit-serial")).ToHaveTextAsync(new Regex("^" + Regex.Escape(product.Sku)));
            await Expect(page.TestId("unit-warehouse")).ToContainTextAsync(warehouse.Code);
            await Expect(page.TestId("unit-event")).ToContainTextAsync(lot);
            scanPath = await page.TestId("unit-scan-link").GetAttributeAsync("href");
        });
        scanPath.ShouldNotBeNull();

        await app.InBrowser(async phone =>
        {
            await phone.GotoAsync(app.Url("demo", scanPath!));
            await Expect(phone.TestId("scan-genuine")).ToBeVisibleAsync();
            await Expect(phone.TestId("scan-product")).ToHaveTextAsync(product.Name);
            await Expect(phone.TestId("scan-serial")).ToHaveTextAsync(new Regex("^" + Regex.Escape(product.Sku)));
            // Fits the phone: nothing wider than the screen.
            (await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        (await _make.OnHand(warehouse.Id, product.Id)).ShouldBe(3m);
    }
}
