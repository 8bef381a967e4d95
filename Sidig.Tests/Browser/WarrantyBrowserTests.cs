using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>A buyer scans a unit's QR code on a phone and registers its warranty; customer service approves it in the queue.</summary>
public sealed class WarrantyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly BrowserNewContextOptions Phone =
        new() { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task A_buyer_registers_on_a_phone_with_a_receipt_and_customer_service_approves_it()
    {
        var unit = (await new WarrantyBuilders(app).Units(receiptRequired: true)).Single();
        var receipt = Path.Combine(Path.GetTempPath(), $"nota-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(receipt, TestImages.Photo());

        await app.InBrowser(async phone =>
        {
            await phone.GotoAsync(app.Url("demo", UnitEndpoints.ScanPath(unit.PublicCode)));
            await Expect(phone.TestId("scan-genuine")).ToBeVisibleAsync();
            await phone.TestId("scan-register").ClickAsync();

            // First a mistake: the number is not a mobile number, and nothing else is lost.
            await phone.TestId("register-name").FillAsync("Budi Santoso");
            await phone.TestId("register-phone").FillAsync("021 555 1234");
            await phone.TestId("register-purchase-date").FillAsync("2026-11-20");
            await phone.TestId("register-seller").FillAsync("Toko Elektronik Jaya");
            await phone.TestId("area-province").SelectOptionAsync("32");
            await phone.TestId("area-regency").SelectOptionAsync("32.73");
            await phone.TestId("register-receipt").SetInputFilesAsync(receipt);
            await phone.TestId("register-consent").CheckAsync();
            await phone.TestId("register-submit").ClickAsync();
            await Expect(phone.TestId("error-Phone")).ToBeVisibleAsync();
            await Expect(phone.TestId("register-name")).ToHaveValueAsync("Budi Santoso");
            await Expect(phone.TestId("area-regency")).ToHaveValueAsync("32.73");

            await phone.TestId("register-phone").FillAsync("0812 3456 7890");
            await phone.TestId("register-receipt").SetInputFilesAsync(receipt); // a browser never keeps a file across a post
            await phone.TestId("register-submit").ClickAsync();
            await Expect(phone.TestId("register-done")).ToHaveAttributeAsync("data-status", "Pending");
            (await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        }, Phone);

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "cs@demo.test");
            await page.GotoAsync(app.Url("demo", "/warranty/registrations"));
            await page.WaitForCircuitAsync();
            await page.Locator("input[data-testid='registrations-search'], [data-testid='registrations-search'] input").First.FillAsync(unit.Serial);
            await Expect(page.TestId("registration-serial")).ToHaveCountAsync(1);
            await page.TestId("registration-serial").ClickAsync();
            await Expect(page.TestId("registration-buyer")).ToHaveTextAsync("Budi Santoso");
            await Expect(page.TestId("registration-receipt")).ToBeVisibleAsync();
            await page.TestId("registration-approve").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(2); // the confirmation over the registration
            await page.Locator(".mud-dialog .mud-button").Filter(new LocatorFilterOptions { HasText = "Setujui" }).Last.ClickAsync();
            await Expect(page.TestId("registration-dialog")).ToHaveCountAsync(0);
            await Expect(page.TestId("registrations-empty")).ToBeVisibleAsync(); // the search finds nothing pending any more
        });

        await app.InBrowser(async phone =>
        {
            await phone.GotoAsync(app.Url("demo", UnitEndpoints.ScanPath(unit.PublicCode)));
            await Expect(phone.TestId("scan-warranty")).ToHaveAttributeAsync("data-state", "Active");
            await Expect(phone.TestId("scan-register")).ToHaveCountAsync(0);
        }, Phone);
        File.Delete(receipt);
    }
}
