using System.Globalization;
using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Components;

public sealed class ExportMenuTests : ComponentTest, IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private readonly List<(string Name, byte[] Content)> _downloads = [];
    private readonly List<string?> _queriedFilters = [];

    public ExportMenuTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        // Read the stream while the call is in progress: the component deletes its temporary file right after.
        Ctx.JSInterop.SetupVoid("sidig.downloadFileFromStream", call =>
        {
            using var copy = new MemoryStream();
            ((DotNetStreamReference)call.Arguments[1]!).Stream.CopyTo(copy);
            _downloads.Add(((string)call.Arguments[0]!, copy.ToArray()));
            return true;
        }).SetVoidResult();
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);

    /// <summary>Stands in for a page's query: every matching row, however many pages the grid shows.</summary>
    private IAsyncEnumerable<TestItemRow> AllMatching(string? filter, CancellationToken ct)
    {
        _queriedFilters.Add(filter);
        return TabularExport.AsAsync(Enumerable.Range(1, 60).Select(i => new TestItemRow { Sku = $"SKU-{i:D2}", Name = $"Barang {i}", Price = i + 0.5m }), ct);
    }

    [Theory]
    [InlineData("export-xlsx", "barang.xlsx")]
    [InlineData("export-csv", "barang.csv")]
    public async Task Exporting_downloads_every_row_the_page_query_returns(string item, string fileName)
    {
        var source = ExportSource.Create<TestItemRow>("barang",
            [new("SKU", r => r.Sku), new("Nama", r => r.Name), new("Harga", r => r.Price)], ct => AllMatching("tv", ct));
        var popovers = Ctx.Render<MudPopoverProvider>();
        var menu = Ctx.Render<ExportMenu>(p => p.Add(x => x.Source, source));

        menu.Find("[data-testid=export-menu] button").Click();
        await menu.InvokeAsync(() => popovers.Find($"[data-testid={item}]").Click());

        menu.WaitForAssertion(() => _downloads.Count.ShouldBe(1), TimeSpan.FromSeconds(5));
        _downloads[0].Name.ShouldBe(fileName);
        _queriedFilters.ShouldBe(["tv"]);
        var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
        var file = (await reader.ReadAsync(new MemoryStream(_downloads[0].Content), fileName)).Value!;
        file.Headers.ShouldBe(["SKU", "Nama", "Harga"]);
        file.Rows.Count.ShouldBe(60);
        file.Rows[59].Cells[0].ShouldBe("SKU-60");
    }
}
