using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Features.Import;

/// <summary>The real app with the test-only importer registered the way a module registers its own.</summary>
public sealed class ImportApp : SidigAppFactory
{
    private readonly TestItemsDatabase _items = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IDbContextFactory<TestItemsDb>>(_items);
            services.AddImporter<TestItemImporter>();
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _items.Dispose();
    }
}

public sealed class TemplateEndpointTests(ImportApp app) : IClassFixture<ImportApp>
{
    [Fact]
    public async Task A_user_with_the_importers_policy_downloads_a_workbook_template_that_reads_back()
    {
        using var client = await app.Client("demo").SignedInAs("warehouse@demo.test");

        var response = await client.Http.GetAsync("/import/test-items/template.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(TabularExport.ContentType(ExportFormat.Xlsx));
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("test-items-template.xlsx");
        var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
        var file = await reader.ReadAsync(await response.Content.ReadAsStreamAsync(), "template.xlsx");
        file.Value!.Headers.ShouldBe(new TestItemImporter(null!).Schema.Headers);
    }

    [Fact]
    public async Task The_csv_template_follows_the_request_language()
    {
        using var client = await app.Client("demo").SignedInAs("warehouse@demo.test");

        var indonesian = await client.Http.GetStringAsync("/import/test-items/template.csv?culture=id-ID");
        var english = await client.Http.GetStringAsync("/import/test-items/template.csv?culture=en-US");

        indonesian.TrimStart('\uFEFF').ShouldStartWith("SKU;Nama;Harga");
        english.TrimStart('\uFEFF').ShouldStartWith("SKU,Nama,Harga");
    }

    [Fact]
    public async Task A_user_without_the_importers_policy_is_refused()
    {
        using var client = await app.Client("demo").SignedInAs("distributor@demo.test");

        var response = await client.Http.GetAsync("/import/test-items/template.xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = app.Client("demo");

        var response = await client.Http.GetAsync("/import/test-items/template.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Theory]
    [InlineData("/import/unknown/template.xlsx")]
    [InlineData("/import/test-items/template.pdf")]
    public async Task Unknown_importers_and_formats_are_not_found(string url)
    {
        using var client = await app.Client("demo").SignedInAs("warehouse@demo.test");

        (await client.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
