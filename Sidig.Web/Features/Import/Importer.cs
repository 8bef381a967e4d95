using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import;

public enum ImportStage { Reading, Checking, Saving }

/// <summary>How far an import is; <see cref="Total"/> is 0 while it is not known (reading the file).</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total)
{
    public double Percent => Total <= 0 ? 0 : Math.Min(100, 100d * Done / Total);
}

/// <summary>An importer without its row type, as the import dialog, the handlers and the template endpoint see it.</summary>
public interface IImporter
{
    /// <summary>Route segment and template file name, e.g. "products" → /import/products/template.xlsx.</summary>
    string Name { get; }

    /// <summary>Authorization policy for importing and for downloading the template.</summary>
    string Policy { get; }

    ImportSchema Schema { get; }

    /// <summary>Schema and business checks of a whole file (nothing is written).</summary>
    Task<ImportFileCheck> CheckAsync(TabularFile file, IProgress<ImportProgress>? progress, CancellationToken ct);

    /// <summary>Checks the file again and writes it only when there is no error; null when the check found errors.</summary>
    Task<Result<int>?> CommitAsync(TabularFile file, IProgress<ImportProgress>? progress, CancellationToken ct);
}

/// <summary>The outcome of checking a file: how many rows it has, how many are valid, and every error.</summary>
public sealed record ImportFileCheck(int RowCount, int ValidCount, IReadOnlyList<ImportError> Errors);

/// <summary>
/// What a module writes to import one kind of record. Register it with <c>services.AddImporter&lt;T&gt;()</c>; the
/// import dialog, the preview/commit handlers and the template endpoint do the rest. The flow is fixed: parse with
/// <see cref="Schema"/> → <see cref="ValidateAsync"/> → preview → (user confirms) → parse and validate again →
/// <see cref="CommitAsync"/> only when there is no error at all. See docs/decisions/0003-import-export.md.
/// </summary>
public abstract class Importer<TRow> : IImporter where TRow : new()
{
    public abstract string Name { get; }
    public abstract string Policy { get; }
    public abstract ImportSchema<TRow> Schema { get; }
    ImportSchema IImporter.Schema => Schema;

    /// <summary>
    /// Business checks against the database (unknown category code, SKU already taken…), on the rows that passed the
    /// schema. Load what is needed in a few queries for all rows, not one query per row.
    /// </summary>
    protected virtual Task ValidateAsync(IReadOnlyList<ImportRow<TRow>> rows, ImportErrors errors, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Writes all rows in one transaction (<see cref="ImportTransaction.RunAsync{TContext,TItem}"/>): a failure, an
    /// exception or a cancellation must leave nothing written. Called only after a check without errors.
    /// </summary>
    protected abstract Task<Result<int>> CommitAsync(IReadOnlyList<TRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct);

    private async Task<ImportCheck<TRow>> CheckRowsAsync(TabularFile file, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Parsing 50,000 rows is CPU work: off the circuit's thread, so the dialog can show progress meanwhile.
        var check = await Task.Run(() => Schema.Parse(file, progress, ct), ct);
        if (check.Valid.Count > 0) await ValidateAsync(check.Valid, check.Errors, ct);
        progress?.Report(new ImportProgress(ImportStage.Checking, file.Rows.Count, file.Rows.Count));
        return check;
    }

    async Task<ImportFileCheck> IImporter.CheckAsync(TabularFile file, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var check = await CheckRowsAsync(file, progress, ct);
        var errors = check.Errors.All;
        var valid = check.Valid.Count(r => !check.Errors.HasErrorsIn(r.Number));
        return new ImportFileCheck(check.RowCount, valid, errors.OrderBy(e => e.Row ?? 0).ToList());
    }

    async Task<Result<int>?> IImporter.CommitAsync(TabularFile file, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var check = await CheckRowsAsync(file, progress, ct);
        if (check.Errors.Count > 0) return null;
        return await CommitAsync(check.Valid.Select(r => r.Value).ToList(), progress, ct);
    }
}
