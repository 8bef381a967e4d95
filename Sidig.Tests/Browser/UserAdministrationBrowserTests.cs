using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>The users page in a real browser: the grid, the invite dialog with its link, and the confirmation before deactivating.</summary>
public sealed class UserAdministrationBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocator Row(IPage page, string email) =>
        page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator($"[data-testid='user-email-cell']:text-is('{email}')") });

    [Fact]
    public Task An_admin_invites_a_user_who_then_sets_a_password_through_the_link() => app.InBrowser(async page =>
    {
        await page.SignInAsync(app, "demo", "admin@demo.test");
        await page.GotoAsync(app.Url("demo", "/admin/users"));
        await page.WaitForCircuitAsync();
        await Expect(Row(page, "warehouse@demo.test")).ToBeVisibleAsync();

        await page.TestId("invite-user").ClickAsync();
        await page.TestId("invite-submit").ClickAsync();
        await Expect(page.TestId("roles-error")).ToBeVisibleAsync(); // nothing chosen yet
        await page.Locator("input[data-testid='invite-email']").FillAsync("rina.wijaya@demo.test");
        await page.Locator("input[data-testid='invite-name']").FillAsync("Rina Wijaya");
        await page.TestId("role-CustomerService").ClickAsync();
        await page.TestId("invite-submit").ClickAsync();

        var linkField = page.Locator("[data-testid='invitation-link'] input, input[data-testid='invitation-link']").First;
        await Expect(linkField).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.Url("demo", "/account/accept-invite?u="))}"));
        var link = await linkField.InputValueAsync();
        await page.TestId("invite-close").ClickAsync();
        await Expect(Row(page, "rina.wijaya@demo.test").Locator("[data-testid='user-status']")).ToBeVisibleAsync();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(link);
        await page.TestId("new-password").FillAsync("Rina-Wijaya-2026");
        await page.TestId("confirm-password").FillAsync("Rina-Wijaya-2026");
        await page.TestId("password-submit").ClickAsync();
        await Expect(page.TestId("login-notice")).ToBeVisibleAsync();
        await page.SubmitSignInAsync("rina.wijaya@demo.test", "Rina-Wijaya-2026");
        await Expect(page).ToHaveURLAsync(app.Url("demo", "/"));
    });

    [Fact]
    public Task Deactivating_asks_for_confirmation_first() => app.InBrowser(async page =>
    {
        await page.SignInAsync(app, "demo", "admin@demo.test");
        await page.GotoAsync(app.Url("demo", "/admin/users"));
        await page.WaitForCircuitAsync();
        var row = Row(page, "technician@demo.test");
        var status = row.Locator("[data-testid='user-status']");
        var activeText = await status.InnerTextAsync();

        await row.Locator("[data-testid='user-actions'] button").ClickAsync();
        await page.TestId("action-deactivate").ClickAsync();
        await page.Locator(".mud-dialog .mud-button").Filter(new LocatorFilterOptions { HasText = "Batal" }).ClickAsync();
        await Expect(status).ToHaveTextAsync(activeText);

        await row.Locator("[data-testid='user-actions'] button").ClickAsync();
        await page.TestId("action-deactivate").ClickAsync();
        await page.Locator(".mud-dialog .mud-button").Filter(new LocatorFilterOptions { HasText = "Nonaktifkan" }).ClickAsync();
        await Expect(status).ToHaveTextAsync("Dinonaktifkan");
    });
}
