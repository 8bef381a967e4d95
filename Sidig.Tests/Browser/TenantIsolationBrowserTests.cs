using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

public sealed class TenantIsolationBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task A_sign_in_on_one_tenant_host_is_not_a_sign_in_on_another() => app.InBrowser(async page =>
    {
        await page.SignInAsync(app, "demo", "sales@demo.test");
        await Expect(page.TestId("dashboard-title")).ToContainTextAsync("Sales Demo Elektronik");

        await page.GotoAsync(app.Url("other", "/"));
        await page.ExpectSignInPageAsync(app, "other");
        (await page.Context.CookiesAsync([app.Url("other")])).ShouldNotContain(c => c.Name.StartsWith("sidig.auth"));

        await page.GotoAsync(app.Url("demo", "/")); // still signed in where the user signed in
        await page.WaitForCircuitAsync();
        await Expect(page.TestId("dashboard-title")).ToContainTextAsync("Sales Demo Elektronik");
    });

    [Fact]
    public Task An_address_of_no_tenant_shows_the_not_found_page() => app.InBrowser(async page =>
    {
        var response = await page.GotoAsync(app.Url("nope", "/"));

        response.ShouldNotBeNull().Status.ShouldBe(404);
        await Expect(page.TestId("host-page")).ToContainTextAsync("Address not found");
    });
}
