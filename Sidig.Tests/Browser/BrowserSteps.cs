using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>What a user does in the browser, in the words of the tests.</summary>
public static class BrowserSteps
{
    public static ILocator TestId(this IPage page, string id) => page.Locator($"[data-testid='{id}']");

    /// <summary>Waits until the page is on the sign-in form of the given host.</summary>
    public static async Task ExpectSignInPageAsync(this IPage page, BrowserApp app, string tenant)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(app.Url(tenant))}/account/login(\\?|$)"));
        await Expect(page.TestId("login-submit")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Fills and submits the static sign-in form on the page and waits until the browser shows the answer (a new
    /// document), so what the test reads next is never the previous attempt's page.
    /// </summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password = SidigClient.DemoPassword)
    {
        await page.TestId("login-email").FillAsync(email);
        await page.TestId("login-password").FillAsync(password);
        await page.Locator("body").EvaluateAsync("body => body.dataset.previousPage = 'true'");
        await page.TestId("login-submit").ClickAsync();
        await Expect(page.Locator("body[data-previous-page]")).ToHaveCountAsync(0);
    }

    /// <summary>Opens the sign-in page of a tenant, signs in and waits for the live dashboard.</summary>
    public static async Task SignInAsync(this IPage page, BrowserApp app, string tenant, string email)
    {
        await page.GotoAsync(app.Url(tenant, "/account/login"));
        await page.SubmitSignInAsync(email);
        await Expect(page).ToHaveURLAsync(app.Url(tenant, "/"));
        await page.WaitForCircuitAsync();
    }

    /// <summary>The interactive circuit is live (MainLayout sets the marker after its first interactive render).</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("#sidig-ready[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
