using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>
/// A warehouse user asks for the labels of a large batch: the label prints page shows the job's progress as it changes
/// and a Download button when it is done. The browser app runs no job server, so the test runs the job itself at the
/// moment it chooses (nothing races the assertions).
/// </summary>
public sealed class LabelPrintsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly Builders _make = new(app);

    [Fact]
    public async Task A_large_batchs_labels_show_their_progress_then_a_download()
    {
        var product = await _make.Product(serialised: true);
        var warehouse = await _make.Warehouse();
        var lot = Builders.Unique("L");
        const int quantity = LabelPrintJob.DirectDownloadLimit + 1;
        var batch = (await app.Handle<CreateUnitBatchHandler, Result<CreatedUnitBatch>>("demo", "warehouse@demo.test", h => h.HandleAsync(
            new CreateUnitBatch(product.Id, lot, new DateOnly(2026, 11, 20), quantity, "{sku}-{n:4}", warehouse.Id)))).Value!;

        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "warehouse@demo.test");
            await page.GotoAsync(app.Url("demo", "/units/batches"));
            await page.WaitForCircuitAsync();
            await page.Locator("input[data-testid='unit-batches-search'], [data-testid='unit-batches-search'] input").First.FillAsync(lot);
            await Expect(page.TestId("unit-batch-lot")).ToHaveCountAsync(1);
            await page.TestId("unit-batch-labels").Locator("button").ClickAsync();
            await page.TestId("unit-batch-labels-a4-3x8").ClickAsync();

            await Expect(page).ToHaveURLAsync(app.Url("demo", "/units/labels"));
            var print = page.Locator("tr").Filter(new LocatorFilterOptions { HasText = lot }).Locator("[data-testid='label-print']");
            await Expect(print).ToHaveAttributeAsync("data-status", "Queued");
            await Expect(print.Locator("[data-testid='label-print-count']")).ToContainTextAsync(quantity.ToString()); // "0 of 501"
            await Expect(print.Locator("[data-testid='label-print-download']")).ToHaveCountAsync(0);

            var jobId = await _make.Query(db => db.LabelPrintJobs.Where(j => j.BatchId == batch.Id).Select(j => j.Id).SingleAsync());
            // Half-way, as a running job's progress save leaves it: the open page shows it without a reload.
            await _make.Query(db => db.LabelPrintJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, LabelPrintStatus.Running).SetProperty(j => j.Progress, 250)));
            await Expect(print).ToHaveAttributeAsync("data-status", "Running");
            await Expect(print.Locator("[data-testid='label-print-progress']")).ToHaveAttributeAsync("data-value", "49");

            var tenantId = (await app.Services.GetRequiredService<TenantStore>().FindAsync("demo"))!.Id;
            await app.Services.GetRequiredService<RenderLabelPrintJob>().RunAsync(tenantId, jobId, CancellationToken.None);

            await Expect(print).ToHaveAttributeAsync("data-status", "Done");
            var download = page.Locator("tr").Filter(new LocatorFilterOptions { HasText = lot }).Locator("[data-testid='label-print-download']");
            await Expect(download).ToBeVisibleAsync();
            var href = await download.GetAttributeAsync("href");
            href.ShouldBe(UnitEndpoints.LabelPrintUrl(jobId));
            // Fetched by the page itself (its cookies, its host; Playwright's own HTTP client cannot resolve *.localhost).
            var pdf = await page.EvaluateAsync<string>("""
                async url => {
                    const r = await fetch(url);
                    if (!r.ok || r.headers.get('content-type') !== 'application/pdf') return 'HTTP ' + r.status;
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let s = ''; for (const b of bytes) s += String.fromCharCode(b);
                    return btoa(s);
                }
                """, href);
            PdfFiles.PageTexts(Convert.FromBase64String(pdf)).Count.ShouldBe((quantity + 23) / 24);
        });
    }
}
