using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Sidig.Domain.Access;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Components;

public sealed class ImportDialogTests : ComponentTest, IDisposable
{
    private readonly TestItemsDatabase _database = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private IRenderedComponent<ContainerFragment> _host = default!;
    private IDialogReference _dialog = default!;

    public ImportDialogTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        Ctx.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Ctx.Services.AddScoped<Permissions>();
        Ctx.Services.AddSidigImport();
        Ctx.Services.AddScoped<PreviewImportHandler>();
        Ctx.Services.AddScoped<CommitImportHandler>();
        Ctx.Services.AddSingleton<IDbContextFactory<TestItemsDb>>(_database);
        Ctx.Services.AddImporter<TestItemImporter>();
        OnHost(Demo);
        SignedInAs(Demo, "Wati Gudang", Roles.Warehouse);
    }

    public void Dispose()
    {
        _database.Dispose();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    private async Task OpenAsync(string? listUrl = null, string? listText = null)
    {
        _host = Ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(2);
            b.CloseComponent();
        });
        var dialogs = Ctx.Services.GetRequiredService<IDialogService>();
        var importer = Ctx.Services.GetRequiredService<TestItemImporter>();
        _dialog = await _host.InvokeAsync(() => ImportDialog.ShowAsync(dialogs, "Import items", importer, listUrl, listText));
    }

    private void Upload(byte[] content, string name) =>
        _host.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, name));

    private IElement CommitButton => _host.Find("[data-testid=import-commit]");

    [Fact]
    public async Task A_file_with_bad_rows_lists_each_problem_and_keeps_the_import_button_disabled()
    {
        await OpenAsync();
        CommitButton.HasAttribute("disabled").ShouldBeTrue(); // nothing chosen yet

        Upload(TestFiles.Csv("SKU;Nama;Harga;Tanggal Rilis\nTV-32;Televisi;1.500;2025-01-31\nHP-1;Ponsel;2;31-01-2025\nTV-32;Lagi;3;\n"), "barang.csv");

        _host.WaitForAssertion(() => _host.FindAll("[data-testid=import-error-row]").Count.ShouldBe(3), TimeSpan.FromSeconds(5));
        var rows = _host.FindAll("[data-testid=import-errors] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        rows[0].ShouldBe(["2", "Harga", "“1.500” is unclear: write 1500 for one thousand five hundred or 1,5 for one and a half (three decimals: add a zero, 1,1250)."]);
        rows[1].ShouldBe(["3", "Tanggal Rilis", "Enter a date as 2025-01-31 or 31/01/2025."]);
        rows[2].ShouldBe(["4", "SKU", "“TV-32” is already in row 2."]);
        _host.Find("[data-testid=import-summary]").TextContent.ShouldContain("barang.csv: 3 rows, 0 without problems.");
        CommitButton.HasAttribute("disabled").ShouldBeTrue();
        _database.Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_missing_column_is_shown_as_a_problem_of_the_whole_file()
    {
        await OpenAsync();

        Upload(TestFiles.Csv("SKU;Warna\nTV-32;Hitam\n"), "barang.csv");

        _host.WaitForAssertion(() => _host.FindAll("[data-testid=import-error-row]").Count.ShouldBe(3), TimeSpan.FromSeconds(5));
        _host.FindAll("[data-testid=import-error-row]").Select(td => td.TextContent).ShouldAllBe(t => t == "File");
        _host.FindAll("[data-testid=import-error-message]").Select(td => td.TextContent)
            .ShouldBe(["Column “Warna” is not known here. Rename or remove it (see the template).", "Column “Nama” is missing.", "Column “Harga” is missing."]);
        CommitButton.HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task A_text_file_named_xlsx_is_explained_and_cannot_be_imported()
    {
        await OpenAsync();

        Upload(TestFiles.Csv("SKU;Nama;Harga\nA;B;1\n"), "barang.xlsx");

        _host.WaitForAssertion(() => _host.Find("[data-testid=import-file-error]").TextContent.ShouldContain("is not an Excel workbook"), TimeSpan.FromSeconds(5));
        _host.FindAll("[data-testid=import-summary]").ShouldBeEmpty();
        CommitButton.HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task A_clean_file_is_imported_with_one_click_and_the_dialog_returns_the_count()
    {
        await OpenAsync();
        Upload(TestFiles.Csv(TestFiles.ValidRows(3)), "barang.csv");
        _host.WaitForAssertion(() => _host.Find("[data-testid=import-ready]"), TimeSpan.FromSeconds(5));
        CommitButton.HasAttribute("disabled").ShouldBeFalse();
        CommitButton.TextContent.Trim().ShouldBe("Import 3 rows");

        await _host.InvokeAsync(() => CommitButton.Click());

        var result = await _dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        result!.Canceled.ShouldBeFalse();
        result.Data.ShouldBe(3);
        _database.Items().Select(i => i.Sku).ShouldBe(["SKU-0001", "SKU-0002", "SKU-0003"]);
    }

    [Fact]
    public async Task After_an_import_the_message_links_to_the_list_of_the_imported_rows()
    {
        await OpenAsync("/catalog/products", "Open products");
        Upload(TestFiles.Csv(TestFiles.ValidRows(2)), "barang.csv");
        _host.WaitForAssertion(() => _host.Find("[data-testid=import-ready]"), TimeSpan.FromSeconds(5));

        await _host.InvokeAsync(() => CommitButton.Click());
        await _dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));

        var snackbar = Ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars.ShouldHaveSingleItem();
        snackbar.Message.ShouldBe("2 rows imported.");
        var action = _host.WaitForElement(".mud-snackbar button", TimeSpan.FromSeconds(5));
        action.TextContent.Trim().ShouldBe("Open products");
        await _host.InvokeAsync(() => action.Click());
        new Uri(Ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri).AbsolutePath.ShouldBe("/catalog/products");
    }

    [Fact]
    public async Task The_template_links_point_at_the_importers_download_endpoint()
    {
        await OpenAsync();

        _host.Find("[data-testid=import-template-xlsx]").GetAttribute("href").ShouldBe("/import/test-items/template.xlsx");
        _host.Find("[data-testid=import-template-csv]").GetAttribute("href").ShouldBe("/import/test-items/template.csv");
        _host.Find("[data-testid=import-template-csv]").HasAttribute("download").ShouldBeTrue(); // not caught by Blazor's router
    }
}
