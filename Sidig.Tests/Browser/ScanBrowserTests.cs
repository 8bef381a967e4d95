using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sidig.Domain.Common;
using Sidig.Web.Features.StockAudits;
using Sidig.Web.Features.Units;
using Sidig.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Sidig.Tests.Browser;

/// <summary>
/// Camera scanning on the unit lookup page. Headless Chromium has neither a camera nor a BarcodeDetector, so an init
/// script provides both the way a phone's browser does: getUserMedia answers with a canvas stream, and the detector
/// "reads" the unit's QR URL from the video. Without a detector the camera button is absent and typing works.
/// </summary>
public sealed class ScanBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private readonly Builders _make = new(app);

    private static ILocator LookupInput(IPage page) =>
        page.Locator("input[data-testid='unit-lookup-input'], [data-testid='unit-lookup-input'] input").First;

    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new ViewportSize { Width = 390, Height = 800 }, IsMobile = true, HasTouch = true };

    private async Task<Sidig.Domain.Units.Unit> AUnit(Guid? warehouseId = null)
    {
        var product = await _make.Product(serialised: true);
        warehouseId ??= (await _make.Warehouse()).Id;
        var batch = (await app.Handle<CreateUnitBatchHandler, Result<CreatedUnitBatch>>("demo", "warehouse@demo.test", h => h.HandleAsync(
            new CreateUnitBatch(product.Id, Builders.Unique("L"), new DateOnly(2026, 11, 20), 2, "{sku}-{n:4}", warehouseId)))).Value!;
        return await _make.Query(db => db.Units.Where(u => u.BatchId == batch.Id).OrderBy(u => u.Serial).FirstAsync());
    }

    /// <summary>A fake camera (an animated canvas) and a detector that finds <paramref name="code"/> in any frame it is shown.</summary>
    private static string FakeCameraAndDetector(string code) => $$"""
        window.__scan = { constraints: null, stream: null, detectorFormats: null };
        window.BarcodeDetector = class {
            static async getSupportedFormats() { return ['qr_code', 'code_128', 'ean_13']; }
            constructor(options) { window.__scan.detectorFormats = options?.formats ?? null; }
            async detect(source) {
                if (!(source instanceof HTMLVideoElement) || source.readyState < 2) return [];
                return [{ rawValue: {{System.Text.Json.JsonSerializer.Serialize(code)}}, format: 'qr_code', boundingBox: new DOMRect(0, 0, 10, 10), cornerPoints: [] }];
            }
        };
        const media = {
            getUserMedia: async constraints => {
                window.__scan.constraints = constraints;
                const canvas = document.createElement('canvas');
                canvas.width = 320; canvas.height = 240;
                const ctx = canvas.getContext('2d');
                let n = 0;
                setInterval(() => { ctx.fillStyle = n++ % 2 ? '#222' : '#eee'; ctx.fillRect(0, 0, 320, 240); }, 50);
                const stream = canvas.captureStream(20);
                window.__scan.stream = stream;
                return stream;
            },
        };
        Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true });
        """;

    [Fact]
    public async Task A_scanned_qr_code_fills_the_field_the_lookup_opens_the_unit_and_the_camera_stops()
    {
        var unit = await AUnit();
        var url = app.Url("demo", UnitEndpoints.ScanPath(unit.PublicCode));

        await app.InBrowser(async page =>
        {
            await page.AddInitScriptAsync(FakeCameraAndDetector(url));
            await page.SignInAsync(app, "demo", "technician@demo.test");
            await page.GotoAsync(app.Url("demo", "/units"));
            await page.WaitForCircuitAsync();

            var camera = page.TestId("unit-lookup-input-camera");
            await Expect(camera).ToBeVisibleAsync();
            await camera.ClickAsync();

            // The lookup found exactly this unit and opened it.
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(app.Url("demo", "/units/")) + "[0-9a-f-]{36}$"));
            await Expect(page.TestId("unit-serial")).ToHaveTextAsync(unit.Serial);
            await Expect(page.TestId("scan-dialog")).ToHaveCountAsync(0);
            (await page.EvaluateAsync<string>("window.__scan.constraints.video.facingMode")).ShouldBe("environment");
            (await page.EvaluateAsync<string[]>("window.__scan.detectorFormats")).ShouldBe(["qr_code", "code_128"]);
            (await page.EvaluateAsync<bool>("window.__scan.stream.getTracks().every(t => t.readyState === 'ended')")).ShouldBeTrue();
        }, Phone);
    }

    [Fact]
    public async Task The_scanned_value_stays_in_the_field_as_read()
    {
        var url = app.Url("demo", UnitEndpoints.ScanPath("zzzzzzzzzzzz")); // no such unit: the page stays, showing what was read
        await app.InBrowser(async page =>
        {
            await page.AddInitScriptAsync(FakeCameraAndDetector(url));
            await page.SignInAsync(app, "demo", "technician@demo.test");
            await page.GotoAsync(app.Url("demo", "/units"));
            await page.WaitForCircuitAsync();
            await page.TestId("unit-lookup-input-camera").ClickAsync();
            await Expect(page.TestId("unit-lookup-none")).ToBeVisibleAsync();
            await Expect(LookupInput(page)).ToHaveValueAsync(url);
        }, Phone);
    }

    [Fact]
    public async Task Closing_the_scan_dialog_stops_the_camera()
    {
        await app.InBrowser(async page =>
        {
            // A detector that never finds anything: the user gives up and cancels.
            await page.AddInitScriptAsync(FakeCameraAndDetector("") + "window.BarcodeDetector.prototype.detect = async () => [];");
            await page.SignInAsync(app, "demo", "technician@demo.test");
            await page.GotoAsync(app.Url("demo", "/units"));
            await page.WaitForCircuitAsync();
            await page.TestId("unit-lookup-input-camera").ClickAsync();
            await Expect(page.TestId("scan-video")).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("window.__scan.stream !== null && window.__scan.stream.getTracks()[0].readyState === 'live'");
            await page.TestId("scan-cancel").ClickAsync();
            await Expect(page.TestId("scan-dialog")).ToHaveCountAsync(0);
            await page.WaitForFunctionAsync("window.__scan.stream.getTracks().every(t => t.readyState === 'ended')");
        }, Phone);
    }

    [Fact]
    public async Task On_a_stock_count_a_scanned_unit_shows_the_line_of_its_product()
    {
        var warehouse = await _make.Warehouse();
        var unit = await AUnit(warehouse.Id);
        var other = await _make.Product();
        await _make.Receive(warehouse.Id, other.Id, 4);
        var sku = await _make.Query(db => db.Products.Where(p => p.Id == unit.ProductId).Select(p => p.Sku).SingleAsync());
        var auditId = (await app.Handle<OpenStockAuditHandler, Result<Guid>>("demo", "admin@demo.test",
            h => h.HandleAsync(new OpenStockAudit(warehouse.Id, false, null)))).Value;

        await app.InBrowser(async page =>
        {
            await page.AddInitScriptAsync(FakeCameraAndDetector(app.Url("demo", UnitEndpoints.ScanPath(unit.PublicCode))));
            await page.SignInAsync(app, "demo", "admin@demo.test");
            await page.GotoAsync(app.Url("demo", $"/stock/audits/{auditId}"));
            await page.WaitForCircuitAsync();
            await Expect(page.TestId($"count-line-{other.Sku}")).ToBeVisibleAsync();

            await page.TestId("count-search-camera").ClickAsync();

            await Expect(page.Locator("input[data-testid='count-search'], [data-testid='count-search'] input").First).ToHaveValueAsync(sku);
            await Expect(page.TestId($"count-line-{sku}")).ToBeVisibleAsync();
            await Expect(page.TestId($"count-line-{other.Sku}")).ToHaveCountAsync(0);
        }, Phone);
    }

    [Fact]
    public async Task Without_a_barcode_detector_there_is_no_camera_button_and_typing_finds_the_unit()
    {
        var unit = await AUnit();
        await app.InBrowser(async page =>
        {
            await page.SignInAsync(app, "demo", "technician@demo.test");
            await page.GotoAsync(app.Url("demo", "/units"));
            await page.WaitForCircuitAsync();
            (await page.EvaluateAsync<bool>("'BarcodeDetector' in window")).ShouldBeFalse(); // headless Chromium on Linux has none
            var input = LookupInput(page);
            await input.FillAsync(unit.Serial);
            await Expect(input).ToHaveValueAsync(unit.Serial);
            await Expect(page.TestId("unit-lookup-input-camera")).ToHaveCountAsync(0);
            await input.PressAsync("Enter");
            await Expect(page.TestId("unit-serial")).ToHaveTextAsync(unit.Serial);
        }, Phone);
    }
}
