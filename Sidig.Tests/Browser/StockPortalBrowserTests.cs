using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>The partner portal and a stock count in a real browser, on data set up through the builders.</summary>
public sealed class StockPortalBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly Builders _make = new(app);

    /// <summary>An input by its test id, whether the id sits on the input itself or on its wrapper.</summary>
    private static ILocator Input(IPage page, string id) => page.Locator($"input[data-testid='{id}'], [data-testid='{id}'] input").First;

    private static ILocator OpenPopoverItem(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = text }).First;

    private static ILocator DialogButton(IPage page, string text) =>
        page.Locator(".mud-dialog .mud-button").Filter(new LocatorFilterOptions { HasText = text }).Last;

    [Fact]
    public async Task A_distributor_sees_its_stock_on_the_portal_and_records_a_sell_out()
    {
        var partner = await _make.Partner();
        var warehouse = await _make.Warehouse(partner.Id);
        var product = await _make.Product();
        (await _make.Receive(warehouse.Id, product.Id, 10)).Errors.ShouldBeEmpty();
        var email = await PartnerUsers.CreateAsync(app, partner.Id);

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", email);
            await page.GotoAsync(app.Url("demo", "/portal"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("portal-partner")).ToHaveTextAsync(partner.LegalName);
            await Expect(page.TestId($"portal-stock-{product.Sku}").Locator("[data-testid='portal-stock-onhand']")).ToHaveTextAsync("10");

            await page.TestId("portal-record-sell-out").ClickAsync();
            await Expect(page).ToHaveURLAsync(app.Url("demo", "/sell-out/new"));
            await page.WaitForCircuitAsync();
            await Expect(Input(page, "sell-out-warehouse")).ToHaveValueAsync(new Regex(Regex.Escape(warehouse.Code))); // its only warehouse is chosen
            await Input(page, "customer-name").FillAsync("Siti Rahayu");
            await Input(page, "customer-phone").FillAsync("0812-3456-7890");
            var productInput = Input(page, "line-product-0");
            await productInput.ClickAsync();
            await productInput.PressSequentiallyAsync(product.Sku);
            await OpenPopoverItem(page, product.Sku).ClickAsync();
            // The choice is on the server once the popover has closed and the field shows it (with its stock as helper).
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await Expect(productInput).ToHaveValueAsync(new Regex(Regex.Escape(product.Sku)));
            await Expect(page.TestId("sell-out-line-0")).ToContainTextAsync("stok 10");
            await Input(page, "line-quantity-0").FillAsync("3");
            await Input(page, "line-quantity-0").PressAsync("Tab");
            await Expect(Input(page, "line-quantity-0")).ToHaveValueAsync("3");
            await page.TestId("sell-out-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(app.Url("demo", "/sell-out"));
            await Expect(page.TestId("sell-out-customer").First).ToHaveTextAsync("Siti Rahayu");
            await page.GotoAsync(app.Url("demo", "/portal"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId($"portal-stock-{product.Sku}").Locator("[data-testid='portal-stock-onhand']")).ToHaveTextAsync("7");
            await Expect(page.TestId("portal-movements")).ToContainTextAsync("SLO/");
        });
        (await _make.OnHand(warehouse.Id, product.Id)).ShouldBe(7m);
    }

    [Fact]
    public async Task An_admin_runs_a_stock_count_from_opening_to_posted_corrections()
    {
        var warehouse = await _make.Warehouse();
        var (shortOne, exact) = (await _make.Product(), await _make.Product());
        await _make.Receive(warehouse.Id, shortOne.Id, 10);
        await _make.Receive(warehouse.Id, exact.Id, 5);

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "admin@demo.test");
            await page.GotoAsync(app.Url("demo", "/stock/audits"));
            await page.WaitForCircuitAsync();
            await page.TestId("audit-open").ClickAsync();
            await page.Locator(".mud-dialog .mud-select").First.ClickAsync();
            await OpenPopoverItem(page, warehouse.Code).ClickAsync();
            await page.TestId("open-submit").ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(app.Url("demo", "/stock/audits/")) + "[0-9a-f-]{36}$"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("audit-frozen")).ToContainTextAsync(warehouse.Code);
            await Input(page, $"count-input-{shortOne.Sku}").FillAsync("8");
            await Input(page, $"count-input-{shortOne.Sku}").PressAsync("Tab");
            await Input(page, $"count-input-{exact.Sku}").FillAsync("5");
            await Input(page, $"count-input-{exact.Sku}").PressAsync("Tab");
            await Expect(page.TestId("count-progress")).ToContainTextAsync("2 dari 2");

            await page.TestId("audit-submit").ClickAsync();
            await DialogButton(page, "Kirim hasil hitung").ClickAsync();
            await Expect(page.TestId("audit-status")).ToHaveTextAsync("Dikirim");
            var row = page.TestId($"variance-row-{shortOne.Sku}");
            await Expect(row).ToHaveAttributeAsync("data-differs", "true");
            await Expect(row.Locator("[data-testid='variance-value']")).ToContainTextAsync("−2");
            await Expect(page.TestId($"variance-row-{exact.Sku}")).ToHaveAttributeAsync("data-differs", "false");

            await page.TestId("audit-approve").ClickAsync();
            await DialogButton(page, "Setujui dan bukukan").ClickAsync();
            await Expect(page.TestId("audit-status")).ToHaveTextAsync("Dibukukan");
            await Expect(page.TestId("audit-posted")).ToContainTextAsync("1 koreksi");
            await Expect(page.TestId("audit-frozen")).ToHaveCountAsync(0);
        });
        (await _make.OnHand(warehouse.Id, shortOne.Id)).ShouldBe(8m);
        (await _make.OnHand(warehouse.Id, exact.Id)).ShouldBe(5m);
    }
}
