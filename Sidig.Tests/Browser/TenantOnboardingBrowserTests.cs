using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>The platform operator onboards a principal; its first admin opens the link and signs in on the new subdomain.</summary>
public sealed class TenantOnboardingBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task The_operator_creates_a_tenant_and_its_first_admin_signs_in_on_the_new_subdomain() => app.InBrowser(async page =>
    {
        await page.SignInAsync(app, null, "operator@sidig.test");
        await page.GotoAsync(app.Url(null, "/platform/tenants"));
        await page.WaitForCircuitAsync();

        await page.TestId("tenant-create").ClickAsync();
        await page.Locator("input[data-testid='tenant-slug']").FillAsync("maju-jaya");
        await page.Locator("input[data-testid='tenant-name']").FillAsync("PT Maju Jaya Abadi");
        await page.Locator("input[data-testid='tenant-admin-email']").FillAsync("budi@majujaya.co.id");
        await page.Locator("input[data-testid='tenant-admin-name']").FillAsync("Budi Santoso");
        await page.TestId("create-tenant-submit").ClickAsync();

        await Expect(page.TestId("tenant-created")).ToBeVisibleAsync();
        var linkField = page.Locator("textarea[data-testid='invitation-link'], [data-testid='invitation-link'] textarea").First;
        await Expect(linkField).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.Url("maju-jaya", "/account/accept-invite?u="))}"));
        var link = await linkField.InputValueAsync();
        await page.TestId("create-tenant-close").ClickAsync();
        await Expect(page.Locator("[data-testid='tenant-row'][data-slug='maju-jaya']")).ToBeVisibleAsync();

        // The first admin, in their own browser session, on the new subdomain.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(link);
        await page.TestId("new-password").FillAsync("Maju-Jaya-2026");
        await page.TestId("confirm-password").FillAsync("Maju-Jaya-2026");
        await page.TestId("password-submit").ClickAsync();
        await Expect(page.TestId("login-notice")).ToBeVisibleAsync();
        await page.SubmitSignInAsync("budi@majujaya.co.id", "Maju-Jaya-2026");
        await Expect(page).ToHaveURLAsync(app.Url("maju-jaya", "/"));
        await page.WaitForCircuitAsync();
        await Expect(page.TestId("tenant-brand")).ToContainTextAsync("PT Maju Jaya Abadi");
        await Expect(page.TestId("dashboard-title")).ToContainTextAsync("Budi Santoso");
        await Expect(page.TestId("nav-users")).ToBeVisibleAsync(); // a principal admin of the new tenant

        // The new tenant's users page lists only its own admin, none of demo's users.
        await page.GotoAsync(app.Url("maju-jaya", "/admin/users"));
        await page.WaitForCircuitAsync();
        await Expect(page.Locator("[data-testid='user-email-cell']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='user-email-cell']")).ToHaveTextAsync("budi@majujaya.co.id");
    });
}
