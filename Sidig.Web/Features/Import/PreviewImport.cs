using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import;

/// <summary>Reads and checks an uploaded file for one importer; nothing is written.</summary>
public sealed record PreviewImport(IImporter Importer, Stream Content, string FileName);

/// <summary>
/// What the user sees before confirming: row counts and every error. <see cref="File"/> is kept for the commit, which
/// checks it again (the database may have changed since).
/// </summary>
public sealed record ImportPreview(string FileName, int RowCount, int ValidCount, IReadOnlyList<ImportError> Errors, TabularFile File)
{
    public bool CanCommit => Errors.Count == 0 && RowCount > 0;
}

public sealed class PreviewImportHandler(Permissions permissions, TabularFileReader reader)
{
    public async Task<Result<ImportPreview>> HandleAsync(PreviewImport command, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(command.Importer.Policy)) return Result<ImportPreview>.Fail("Access.Denied");
        var file = await reader.ReadAsync(command.Content, command.FileName, progress, ct);
        if (!file.Succeeded) return Result<ImportPreview>.Fail(file.Errors);
        return Result<ImportPreview>.Ok(await CheckAsync(command.Importer, command.FileName, file.Value!, progress, ct));
    }

    /// <summary>Checks an already read file again, e.g. after the commit found that the database changed meanwhile.</summary>
    public async Task<Result<ImportPreview>> RecheckAsync(IImporter importer, ImportPreview preview, IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(importer.Policy)) return Result<ImportPreview>.Fail("Access.Denied");
        return Result<ImportPreview>.Ok(await CheckAsync(importer, preview.FileName, preview.File, progress, ct));
    }

    private static async Task<ImportPreview> CheckAsync(IImporter importer, string fileName, TabularFile file, IProgress<ImportProgress>? progress,
        CancellationToken ct)
    {
        var check = await importer.CheckAsync(file, progress, ct);
        return new ImportPreview(fileName, check.RowCount, check.ValidCount, check.Errors, file);
    }
}
