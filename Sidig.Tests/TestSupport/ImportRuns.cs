using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Runs the real preview and commit handlers of one importer as a signed-in user, as the import dialog does. The tenant
/// is the one of the user's e-mail (admin@other.test → "other").
/// </summary>
public static class ImportRuns
{
    public static string TenantOf(string email) => email[(email.IndexOf('@') + 1)..].Split('.')[0];

    public static Task<Result<ImportPreview>> PreviewImportAsync<TImporter>(this SidigAppFactory app, string email, byte[] content, string fileName)
        where TImporter : IImporter =>
        app.AsUser(TenantOf(email), email, sp => sp.GetRequiredService<PreviewImportHandler>()
            .HandleAsync(new PreviewImport(sp.GetRequiredService<TImporter>(), new MemoryStream(content), fileName)));

    public static Task<Result<int>> CommitImportAsync<TImporter>(this SidigAppFactory app, string email, ImportPreview preview,
        IProgress<ImportProgress>? progress = null) where TImporter : IImporter =>
        app.AsUser(TenantOf(email), email, sp => sp.GetRequiredService<CommitImportHandler>()
            .HandleAsync(new CommitImport(sp.GetRequiredService<TImporter>(), preview), progress));

    /// <summary>Previews the file and, when it could be read, commits it (a file with errors is refused by the commit).</summary>
    public static async Task<ImportOutcome> ImportAsync<TImporter>(this SidigAppFactory app, string email, byte[] content, string fileName,
        IProgress<ImportProgress>? progress = null) where TImporter : IImporter
    {
        var preview = await app.PreviewImportAsync<TImporter>(email, content, fileName);
        if (!preview.Succeeded) return new ImportOutcome(preview, null);
        return new ImportOutcome(preview, await app.CommitImportAsync<TImporter>(email, preview.Value!, progress));
    }
}

/// <summary>What a preview and the commit after it returned.</summary>
public sealed record ImportOutcome(Result<ImportPreview> Preview, Result<int>? Commit)
{
    /// <summary>The preview's row errors (empty when the file could not even be read).</summary>
    public IReadOnlyList<ImportError> Errors => Preview.Value?.Errors ?? [];

    public IReadOnlyList<(int? Row, string? Column, string Code)> Problems => Errors.Select(e => (e.Row, e.Column, e.Code)).ToList();

    /// <summary>The number of rows written; fails the test with the errors when the import did not succeed.</summary>
    public int Written
    {
        get
        {
            Preview.Errors.ShouldBeEmpty();
            Errors.ShouldBeEmpty();
            Commit.ShouldNotBeNull().Errors.ShouldBeEmpty();
            return Commit.Value;
        }
    }

    /// <summary>The commit refused the file (it had errors).</summary>
    public void ShouldHaveWrittenNothing()
    {
        if (Commit is null) Preview.Succeeded.ShouldBeFalse();
        else Commit.Succeeded.ShouldBeFalse();
    }
}
