using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sidig.Domain.Partners;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>A partner's users in a real browser: the admin invites a distributor user from the partner page, who then signs in.</summary>
public sealed class PartnerUsersBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task The_admin_invites_a_distributor_user_for_a_partner_who_accepts_and_signs_in() => app.InBrowser(async page =>
    {
        var partner = await new Builders(app).Partner(PartnerType.Distributor, code: Builders.Unique("BRW"));
        await page.SignInAsync(app, "demo", "admin@demo.test");
        await page.GotoAsync(app.Url("demo", $"/partners/{partner.Id}"));
        await page.WaitForCircuitAsync();
        await Expect(page.TestId("partner-title")).ToHaveTextAsync(partner.LegalName);

        await page.Locator(".mud-tab").Filter(new LocatorFilterOptions { HasText = "Pengguna" }).ClickAsync();
        await Expect(page.TestId("partner-users-empty")).ToBeVisibleAsync();
        await page.TestId("partner-invite-user").ClickAsync();
        await Expect(page.Locator("input[data-testid='invite-partner-fixed'], [data-testid='invite-partner-fixed'] input").First)
            .ToHaveValueAsync($"{partner.Code} — {partner.LegalName}");
        await page.Locator("input[data-testid='invite-email']").FillAsync("dewi.distributor@demo.test");
        await page.Locator("input[data-testid='invite-name']").FillAsync("Dewi Lestari");
        await page.TestId("invite-submit").ClickAsync();

        var linkField = page.Locator("[data-testid='invitation-link'] input, input[data-testid='invitation-link']").First;
        await Expect(linkField).ToHaveValueAsync(new Regex($"^{Regex.Escape(app.Url("demo", "/account/accept-invite?u="))}"));
        var link = await linkField.InputValueAsync();
        await page.TestId("invite-close").ClickAsync();
        await Expect(page.TestId("partner-user-email")).ToHaveTextAsync("dewi.distributor@demo.test");

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(link);
        await page.TestId("new-password").FillAsync("Dewi-Lestari-2026");
        await page.TestId("confirm-password").FillAsync("Dewi-Lestari-2026");
        await page.TestId("password-submit").ClickAsync();
        await Expect(page.TestId("login-notice")).ToBeVisibleAsync();
        await page.SubmitSignInAsync("dewi.distributor@demo.test", "Dewi-Lestari-2026");
        await Expect(page).ToHaveURLAsync(app.Url("demo", "/"));
    });
}
