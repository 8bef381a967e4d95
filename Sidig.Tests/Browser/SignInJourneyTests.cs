using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>The first minutes of a new user, in a real browser: sign in, dashboard, language, sign out, phone.</summary>
public sealed class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task A_new_user_signs_in_switches_to_English_and_signs_out() => app.InBrowser(async page =>
    {
        await page.GotoAsync(app.Url("demo", "/"));
        await page.ExpectSignInPageAsync(app, "demo");

        await page.SubmitSignInAsync("admin@demo.test");
        await Expect(page).ToHaveURLAsync(app.Url("demo", "/"));
        await page.WaitForCircuitAsync();
        var title = page.TestId("dashboard-title");
        await Expect(title).ToContainTextAsync("Admin Demo Elektronik");
        await Expect(title).ToContainTextAsync("Selamat datang"); // the tenant's language until the user picks one

        await page.TestId("language-menu").ClickAsync();
        await page.TestId("lang-en-US").ClickAsync();
        await Expect(title).ToContainTextAsync("Welcome");
        await Expect(title).ToContainTextAsync("Admin Demo Elektronik");
        await page.WaitForCircuitAsync();

        await page.TestId("user-menu").ClickAsync();
        await page.TestId("sign-out").ClickAsync();
        await page.ExpectSignInPageAsync(app, "demo");

        await page.GotoAsync(app.Url("demo", "/"));
        await page.ExpectSignInPageAsync(app, "demo");
    });

    [Fact]
    public Task The_dashboard_fits_a_phone_screen_without_horizontal_scrolling() => app.InBrowser(async page =>
    {
        await page.SignInAsync(app, "demo", "admin@demo.test");
        await Expect(page.TestId("dashboard-title")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[1].ShouldBe(390); // the phone viewport is really in effect (a page too wide would be zoomed out)
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the page scrolls sideways on a phone");
    }, new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        DeviceScaleFactor = 3,
    });
}
