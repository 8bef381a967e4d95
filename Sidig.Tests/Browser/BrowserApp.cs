using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel port (SQLite, demo data) plus one headless Chromium, shared by the tests of one
/// class. Every test gets its own browser context (own cookies), so tests never see each other's sign-ins.
/// Chromium resolves <c>*.localhost</c> to the loopback address, so each tenant is reached at its own host;
/// .NET's HttpClient does not, which is why these tests do everything through the browser.
/// </summary>
public sealed class BrowserApp : SidigAppFactory, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp() => UseKestrel(0);

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public int Port { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The address of a tenant (e.g. "demo" → http://demo.localhost:PORT), or of the platform host for null.</summary>
    public string Url(string? tenant, string path = "") =>
        $"http://{(tenant is null ? "" : tenant + ".")}localhost:{Port}{path}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run test.sh, which installs it (apt package 'chromium').");
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Port = new Uri(addresses.First()).Port;

        Assertions.SetDefaultExpectTimeout(15_000); // a shared 2-core machine may need more than the default 5 s
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Runs one test in a fresh browser context. When the test fails, a screenshot of the page is saved under
    /// Sidig.Tests/TestResults/browser/ (for the person debugging; the test never depends on it).
    /// </summary>
    public async Task InBrowser(Func<IPage, Task> test, BrowserNewContextOptions? options = null, [CallerMemberName] string testName = "")
    {
        await using var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            await TrySaveScreenshot(page, testName);
            throw;
        }
    }

    private static async Task TrySaveScreenshot(IPage page, string testName)
    {
        try
        {
            var dir = Path.Combine(TestPaths.TestProjectDirectory, "TestResults", "browser");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{testName}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 5_000 });
            Console.Error.WriteLine($"Browser test {testName} failed on {page.Url}; screenshot: {file}");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Browser test {testName} failed; no screenshot ({e.Message})");
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }
}
