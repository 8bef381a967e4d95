using Microsoft.Playwright;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>An admin finds a WhatsApp text on the outbox page by the number as people type it, and reads it.</summary>
public sealed class OutboxBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_whatsapp_text_is_listed_with_its_channel_number_and_text_and_opens_in_full()
    {
        var phone = OutboxKit.Mobile();
        var stored = ContactRules.IndonesianMobile(phone).Value!;
        var text = "Yth. Budi, garansi unit SN-0001 telah disetujui dan berlaku sampai 2 Des 2027. Terima kasih.";
        await app.EnqueueAsync("demo", OutboxKit.Text(phone, text));

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "admin@demo.test");
            await page.GotoAsync(app.Url("demo", "/admin/outbox"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId("outbox-phone-log")).ToBeVisibleAsync(); // no gateway configured in tests

            var search = page.Locator("input[data-testid='outbox-search'], [data-testid='outbox-search'] input").First;
            await search.FillAsync(phone);
            var rows = page.TestId("outbox-grid").Locator("tr").Filter(new LocatorFilterOptions { Has = page.TestId("outbox-to-cell") });
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.First.Locator("[data-testid='outbox-to-cell']")).ToHaveTextAsync(stored);
            await Expect(rows.First.Locator("[data-testid='outbox-channel'] title")).ToHaveTextAsync("WhatsApp");
            await Expect(rows.First.Locator("[data-testid='outbox-subject-cell']")).ToHaveTextAsync(text[..80] + "…");

            await rows.First.Locator("[data-testid='outbox-open']").ClickAsync();
            await Expect(page.TestId("outbox-detail-channel")).ToHaveTextAsync("WhatsApp");
            await Expect(page.TestId("outbox-detail-to")).ToHaveTextAsync(stored);
            await Expect(page.TestId("outbox-detail-body")).ToHaveTextAsync(text);
            await Expect(page.TestId("outbox-detail-subject")).ToHaveCountAsync(0);
        });
    }
}
