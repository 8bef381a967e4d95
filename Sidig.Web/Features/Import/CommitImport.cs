using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import;

/// <summary>Writes a previewed file: checked again first, then all rows or none.</summary>
public sealed record CommitImport(IImporter Importer, ImportPreview Preview);

public sealed class CommitImportHandler(Permissions permissions, ILogger<CommitImportHandler> logger)
{
    /// <returns>The number of rows written, or "Import.ChangedSincePreview" when the second check found errors.</returns>
    public async Task<Result<int>> HandleAsync(CommitImport command, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(command.Importer.Policy)) return Result<int>.Fail("Access.Denied");
        if (!command.Preview.CanCommit) return Result<int>.Fail("Import.HasErrors");
        try
        {
            return await command.Importer.CommitAsync(command.Preview.File, progress, ct) ?? Result<int>.Fail("Import.ChangedSincePreview");
        }
        catch (DomainException ex)
        {
            return Result<int>.Fail(ex.Code);
        }
        catch (DbUpdateException ex)
        {
            // Checked a moment ago, so most likely someone saved the same key in between (unique index).
            logger.LogWarning(ex, "Import into {Importer} was rolled back", command.Importer.Name);
            return Result<int>.Fail("Import.SaveFailed");
        }
    }
}
