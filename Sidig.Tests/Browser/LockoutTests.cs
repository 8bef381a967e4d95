using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Xml.Linq;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

public sealed class LockoutTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task Five_wrong_passwords_lock_the_account_so_the_sixth_attempt_is_refused() => app.InBrowser(async page =>
    {
        // The demo tenant's language is Indonesian, so the texts come from the id-ID resources of the sign-in page.
        var failed = LoginText("Failed");
        var minutes = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
        var lockedOut = string.Format(LoginText("LockedOut"), minutes);
        await page.GotoAsync(app.Url("demo", "/account/login"));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SubmitSignInAsync("warehouse@demo.test", "Wrong-Password-2026");
            await Expect(page.TestId("login-error")).ToHaveTextAsync(failed);
        }
        await page.SubmitSignInAsync("warehouse@demo.test", "Wrong-Password-2026");

        // Sixth attempt, with the right password: the account is locked.
        await page.SubmitSignInAsync("warehouse@demo.test");
        await Expect(page.TestId("login-error")).ToHaveTextAsync(lockedOut);
        await page.ExpectSignInPageAsync(app, "demo");
    });

    private static string LoginText(string key) =>
        XDocument.Load(Path.Combine(TestPaths.WebProjectDirectory, "Features", "Account", "LoginPage.id-ID.resx"))
            .Root!.Elements("data").Single(d => (string?)d.Attribute("name") == key).Element("value")!.Value;
}
