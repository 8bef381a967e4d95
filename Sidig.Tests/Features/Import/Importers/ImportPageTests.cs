using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;
using Sidig.Web.Features.Import.Importers;

namespace Sidig.Tests.Features.Import.Importers;

/// <summary>The /import page and the templates of the concrete importers over HTTP.</summary>
public abstract class ImportPageTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private static readonly string[] All = [ProductImporter.ImportName, PartnerImporter.ImportName, WarehouseImporter.ImportName, OpeningStockImporter.ImportName, SellOutImporter.ImportName];

    [Theory]
    [InlineData("admin@demo.test", new[] { "products", "partners", "warehouses", "opening-stock", "sell-out" })]
    [InlineData("sales@demo.test", new[] { "products", "partners", "sell-out" })]
    [InlineData("warehouse@demo.test", new[] { "warehouses", "opening-stock" })]
    public async Task The_page_shows_a_card_for_each_importer_the_user_may_use(string email, string[] cards)
    {
        using var client = await app.Client("demo").SignedInAs(email);

        var html = await client.Http.GetStringAsync("/import");

        html.ShouldContain("data-testid=\"import-title\"");
        foreach (var name in All)
            html.Contains($"data-testid=\"import-card-{name}\"").ShouldBe(cards.Contains(name), name);
        foreach (var name in cards)
        {
            html.ShouldContain($"href=\"/import/{name}/template.xlsx\"");
            html.ShouldContain($"href=\"/import/{name}/template.csv\"");
        }
    }

    [Theory]
    [InlineData("products", "SKU")]
    [InlineData("partners", "Code")]
    [InlineData("warehouses", "Code")]
    [InlineData("opening-stock", "WarehouseCode")]
    [InlineData("sell-out", "Date")]
    public async Task An_admin_downloads_every_template_and_it_reads_back_with_the_importers_columns(string name, string firstColumn)
    {
        using var client = await app.Client("demo").SignedInAs("admin@demo.test");

        var xlsx = await client.Http.GetAsync($"/import/{name}/template.xlsx");
        var csv = await client.Http.GetStringAsync($"/import/{name}/template.csv?culture=id-ID");

        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
        var file = await reader.ReadAsync(await xlsx.Content.ReadAsStreamAsync(), "template.xlsx");
        file.Value!.Headers[0].ShouldBe(firstColumn);
        file.Value.Rows.Count.ShouldBe(1); // the example row
        csv.TrimStart('\uFEFF').ShouldStartWith(firstColumn + ";");
    }

    [Theory]
    [InlineData("warehouse@demo.test", "products", false)]
    [InlineData("warehouse@demo.test", "opening-stock", true)]
    [InlineData("sales@demo.test", "partners", true)]
    [InlineData("sales@demo.test", "warehouses", false)]
    [InlineData("finance@demo.test", "products", false)]
    public async Task Templates_follow_the_importers_own_policy(string email, string name, bool allowed)
    {
        using var client = await app.Client("demo").SignedInAs(email);

        var response = await client.Http.GetAsync($"/import/{name}/template.xlsx");

        if (allowed) response.StatusCode.ShouldBe(HttpStatusCode.OK);
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
        }
    }
}

public sealed class ImportPageTests_Sqlite(SqliteApp app) : ImportPageTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ImportPageTests_Postgres(PostgresApp app) : ImportPageTests<PostgresApp>(app), IClassFixture<PostgresApp>;
