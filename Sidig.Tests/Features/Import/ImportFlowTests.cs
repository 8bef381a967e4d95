using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Features.Import;

/// <summary>Preview → commit through the real handlers, with a test-only importer writing to its own SQLite table.</summary>
public sealed class ImportFlowTests : IDisposable
{
    private readonly TestItemsDatabase _database = new();
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    public ImportFlowTests()
    {
        _services = ImportServices.Create(_database, Roles.Warehouse);
        _scope = _services.CreateAsyncScope();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
        _database.Dispose();
    }

    private TestItemImporter Importer => _scope.ServiceProvider.GetRequiredService<TestItemImporter>();

    private async Task<ImportPreview> PreviewAsync(byte[] content, string name = "barang.csv", IProgress<ImportProgress>? progress = null)
    {
        var result = await _scope.ServiceProvider.GetRequiredService<PreviewImportHandler>()
            .HandleAsync(new PreviewImport(Importer, new MemoryStream(content), name), progress);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    private Task<Sidig.Domain.Common.Result<int>> CommitAsync(ImportPreview preview, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        _scope.ServiceProvider.GetRequiredService<CommitImportHandler>().HandleAsync(new CommitImport(Importer, preview), progress, ct);

    [Fact]
    public async Task A_valid_workbook_is_previewed_and_then_written_with_its_values()
    {
        var preview = await PreviewAsync(TestFiles.Xlsx(
            ["SKU", "Nama", "Harga", "Jumlah", "Aktif", "Tanggal Rilis", "Satuan"],
            ["TV-32", "Televisi", 1500000, 3, "tidak", new DateTime(2025, 1, 31), "box"],
            ["HP-1", "Ponsel", "2,5", null, null, "01/02/2025", null]), "barang.xlsx");

        preview.CanCommit.ShouldBeTrue();
        (preview.RowCount, preview.ValidCount).ShouldBe((2, 2));
        _database.Items().ShouldBeEmpty(); // a preview writes nothing

        var result = await CommitAsync(preview);

        result.Value.ShouldBe(2);
        var items = _database.Items();
        items.Select(i => (i.Sku, i.Name, i.Price, i.Quantity, i.Active, i.ReleasedOn, i.Kind)).ShouldBe([
            ("HP-1", "Ponsel", 2.5m, 0, true, new DateOnly(2025, 2, 1), TestKind.Pcs),
            ("TV-32", "Televisi", 1500000m, 3, false, new DateOnly(2025, 1, 31), TestKind.Box),
        ]);
    }

    [Fact]
    public async Task One_bad_row_among_many_valid_ones_means_nothing_is_committed()
    {
        var lines = TestFiles.ValidRows(1200).Split('\n');
        lines[800] = "SKU-0800;Barang 800;1.500;1;ya;2025-01-31;Box"; // ambiguous price in row 801
        var preview = await PreviewAsync(TestFiles.Csv(string.Join('\n', lines)));

        var error = preview.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Code).ShouldBe((801, "Harga", "Import.NumberAmbiguous"));
        (preview.RowCount, preview.ValidCount, preview.CanCommit).ShouldBe((1200, 1199, false));

        var result = await CommitAsync(preview);

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.HasErrors");
        Importer.Commits.ShouldBe(0);
        _database.Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_row_the_database_refuses_after_earlier_batches_were_saved_rolls_back_every_row()
    {
        var lines = TestFiles.ValidRows(1200).Split('\n');
        lines[700] = $"SKU-0700;{TestItemsDb.RefusedName};1;1;ya;2025-01-31;Box"; // in the second batch of 500
        var preview = await PreviewAsync(TestFiles.Csv(string.Join('\n', lines)));
        preview.CanCommit.ShouldBeTrue();

        var result = await CommitAsync(preview);

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.SaveFailed");
        Importer.Commits.ShouldBe(1);
        _database.Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_while_saving_rolls_back_what_was_saved()
    {
        var preview = await PreviewAsync(TestFiles.Csv(TestFiles.ValidRows(1200)));
        using var cancel = new CancellationTokenSource();
        var progress = new Recorder(p => { if (p is { Stage: ImportStage.Saving, Done: 500 }) cancel.Cancel(); });

        await Should.ThrowAsync<OperationCanceledException>(() => CommitAsync(preview, progress, cancel.Token));

        _database.Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Business_checks_against_the_database_mark_their_rows()
    {
        _database.Add(new TestItem { Sku = "SKU-0002", Name = "Sudah ada" });

        var preview = await PreviewAsync(TestFiles.Csv(TestFiles.ValidRows(3)));

        var error = preview.Errors.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Code, error.Args.Single()).ShouldBe((3, "SKU", "Test.SkuTaken", (object)"SKU-0002"));
        preview.ValidCount.ShouldBe(2);
    }

    [Fact]
    public async Task The_commit_checks_again_and_writes_nothing_when_the_database_changed_since_the_preview()
    {
        var preview = await PreviewAsync(TestFiles.Csv(TestFiles.ValidRows(3)));
        preview.CanCommit.ShouldBeTrue();
        _database.Add(new TestItem { Sku = "SKU-0003", Name = "Baru saja dibuat" });

        var result = await CommitAsync(preview);

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.ChangedSincePreview");
        Importer.Commits.ShouldBe(0);
        _database.Items().Select(i => i.Sku).ShouldBe(["SKU-0003"]);
        var recheck = await _scope.ServiceProvider.GetRequiredService<PreviewImportHandler>().RecheckAsync(Importer, preview);
        recheck.Value!.Errors.ShouldHaveSingleItem().Row.ShouldBe(4);
    }

    [Fact]
    public async Task A_file_problem_comes_back_as_an_error_not_a_preview()
    {
        var result = await _scope.ServiceProvider.GetRequiredService<PreviewImportHandler>()
            .HandleAsync(new PreviewImport(Importer, new MemoryStream(TestFiles.Csv(TestFiles.Header)), "kosong.csv"));

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.NoDataRows");
    }

    [Fact]
    public async Task Users_without_the_importers_policy_can_neither_preview_nor_commit()
    {
        var preview = await PreviewAsync(TestFiles.Csv(TestFiles.ValidRows(2)));
        await using var partner = ImportServices.Create(_database, Roles.DistributorUser);
        await using var scope = partner.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<TestItemImporter>();

        var previewed = await scope.ServiceProvider.GetRequiredService<PreviewImportHandler>()
            .HandleAsync(new PreviewImport(importer, new MemoryStream(TestFiles.Csv(TestFiles.ValidRows(2))), "barang.csv"));
        var committed = await scope.ServiceProvider.GetRequiredService<CommitImportHandler>().HandleAsync(new CommitImport(importer, preview));

        previewed.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        committed.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        _database.Items().ShouldBeEmpty();
    }

    [Fact]
    public async Task Progress_is_reported_for_checking_and_saving()
    {
        var seen = new List<ImportProgress>();
        var progress = new Recorder(p => { lock (seen) seen.Add(p); });
        var preview = await PreviewAsync(TestFiles.Csv(TestFiles.ValidRows(1200)), progress: progress);

        await CommitAsync(preview, progress);

        seen.ShouldContain(p => p.Stage == ImportStage.Checking && p.Done == 500 && p.Total == 1200);
        seen.Where(p => p.Stage == ImportStage.Saving).Select(p => p.Done).ShouldBe([500, 1000, 1200]);
        seen.Last().Percent.ShouldBe(100);
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts later, which would make the assertions racy).</summary>
    private sealed class Recorder(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
