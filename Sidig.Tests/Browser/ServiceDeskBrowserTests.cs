using Microsoft.Playwright;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>
/// The whole after-sales story as the people in it would live it: a buyer scans the QR code on a phone, registers the
/// warranty and asks for service; customer service assigns the technician and replies; the technician works it on a phone and
/// resolves it; customer service closes it; the buyer follows it with the number and phone and rates the service.
/// </summary>
public sealed class ServiceDeskBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly BrowserNewContextOptions Phone =
        new() { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };

    private static ILocator Input(IPage page, string id) =>
        page.Locator($"input[data-testid='{id}'], textarea[data-testid='{id}'], [data-testid='{id}'] input, [data-testid='{id}'] textarea").First;

    private static ILocator DialogButton(IPage page, string text) =>
        page.Locator(".mud-dialog .mud-button").Filter(new LocatorFilterOptions { HasText = text }).Last;

    private static Task<bool> FitsTheScreen(IPage page) => page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");

    [Fact]
    public async Task A_buyer_registers_and_asks_for_service_on_a_phone_staff_work_it_to_closed_and_the_buyer_rates_it()
    {
        var unit = (await new WarrantyBuilders(app).Units()).Single();
        var number = "";

        await app.InBrowser(async phone =>
        {
            await phone.GotoAsync(app.Url("demo", UnitEndpoints.ScanPath(unit.PublicCode)));
            await phone.TestId("scan-register").ClickAsync();
            await phone.TestId("register-name").FillAsync("Ratna Purnamasari");
            await phone.TestId("register-phone").FillAsync("0812 3456 7890");
            await phone.TestId("register-purchase-date").FillAsync("2026-11-20");
            await phone.TestId("register-seller").FillAsync("Toko Elektronik Jaya");
            await phone.TestId("area-province").SelectOptionAsync("31");
            await phone.TestId("area-regency").SelectOptionAsync("31.71");
            await phone.TestId("register-consent").CheckAsync();
            await phone.TestId("register-submit").ClickAsync();
            await Expect(phone.TestId("register-done")).ToHaveAttributeAsync("data-status", "Approved");

            await phone.GotoAsync(app.Url("demo", UnitEndpoints.ScanPath(unit.PublicCode)));
            await Expect(phone.TestId("scan-warranty")).ToHaveAttributeAsync("data-state", "Active");
            await phone.TestId("scan-service").ClickAsync();
            await phone.TestId("service-type").SelectOptionAsync("Repair");
            await phone.TestId("service-description").FillAsync("AC tidak dingin dan menetes di dalam ruangan.");
            await phone.TestId("service-name").FillAsync("Ratna Purnamasari");
            await phone.TestId("service-phone").FillAsync("0812 3456 7890");
            await phone.TestId("service-consent").CheckAsync();
            await phone.TestId("service-submit").ClickAsync();
            number = (await phone.TestId("service-number").InnerTextAsync()).Trim();
            (await FitsTheScreen(phone)).ShouldBeTrue();
        }, Phone);
        number.ShouldStartWith("TK-");

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "cs@demo.test");
            await page.GotoAsync(app.Url("demo", "/service/tickets"));
            await page.WaitForCircuitAsync();
            await Input(page, "tickets-search").FillAsync(number);
            await Expect(page.TestId("ticket-number")).ToHaveCountAsync(1);
            await page.TestId("ticket-number").ClickAsync();
            await Expect(page.TestId("ticket-title")).ToHaveTextAsync(number);
            await Expect(page.TestId("ticket-warranty")).ToHaveAttributeAsync("data-state", "Active");

            await page.TestId("ticket-assign").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "Technician" }).First.ClickAsync();
            await Expect(page.TestId("ticket-assignee")).ToContainTextAsync("Technician");
            await Input(page, "compose-body").FillAsync("Teknisi kami datang besok pukul 10.00.");
            await page.TestId("compose-send").ClickAsync();
            await Expect(page.TestId("ticket-status")).ToHaveTextAsync("Diterima");
            await Expect(page.TestId("ticket-message")).ToHaveCountAsync(1);
        });

        await app.InBrowser(async phone =>
        {
            await phone.SignInAsync(app, "demo", "technician@demo.test");
            await phone.GotoAsync(app.Url("demo", "/service/my"));
            await phone.WaitForCircuitAsync();
            await phone.TestId("ticket-number").Filter(new LocatorFilterOptions { HasText = number }).ClickAsync();
            await Expect(phone.TestId("ticket-title")).ToHaveTextAsync(number);
            await phone.TestId("ticket-to-InProgress").ClickAsync();
            await Expect(phone.TestId("ticket-status")).ToHaveTextAsync("Dikerjakan");
            await phone.TestId("compose-kind").GetByText("Laporan kunjungan").ClickAsync();
            await Input(phone, "compose-body").FillAsync("Filter kotor dan pipa pembuangan tersumbat; dibersihkan.");
            await phone.TestId("compose-send").ClickAsync();
            await Expect(phone.TestId("ticket-message")).ToHaveCountAsync(2);
            await phone.TestId("ticket-to-Resolved").ClickAsync();
            await Input(phone, "text-prompt-input").FillAsync("Filter dan pipa pembuangan dibersihkan; AC dingin kembali.");
            await phone.TestId("text-prompt-ok").ClickAsync();
            await Expect(phone.TestId("ticket-status")).ToHaveTextAsync("Selesai");
            (await FitsTheScreen(phone)).ShouldBeTrue();
        }, Phone);

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "cs@demo.test");
            await page.GotoAsync(app.Url("demo", $"/service/tickets/{number}"));
            await page.WaitForCircuitAsync();
            await page.TestId("ticket-to-Closed").ClickAsync();
            await DialogButton(page, "Tutup").ClickAsync();
            await Expect(page.TestId("ticket-status")).ToHaveTextAsync("Ditutup");
        });

        await app.InBrowser(async phone =>
        {
            await phone.GotoAsync(app.Url("demo", $"/t/{number}"));
            await phone.TestId("ticket-phone").FillAsync("+62 812-3456-7890");
            await phone.TestId("ticket-confirm").ClickAsync();
            await Expect(phone.TestId("ticket-status")).ToHaveAttributeAsync("data-status", "Closed");
            await Expect(phone.TestId("ticket-resolution")).ToContainTextAsync("AC dingin kembali");
            // The customer sees the reply, not the technician's internal visit report.
            await Expect(phone.TestId("ticket-public-message")).ToHaveCountAsync(1);
            await phone.TestId("ticket-stars").SelectOptionAsync("5");
            await phone.TestId("ticket-comment").FillAsync("Cepat dan rapi, terima kasih.");
            await phone.TestId("ticket-rate").ClickAsync();
            await Expect(phone.TestId("ticket-rated")).ToBeVisibleAsync();
            (await FitsTheScreen(phone)).ShouldBeTrue();
        }, Phone);

        var rated = await new Builders(app).Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Tickets, t => t.Number == number));
        (rated.Rating, rated.Status).ShouldBe((5, Sidig.Domain.Service.TicketStatus.Closed));
    }
}
