using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import;

/// <summary>The one way an importer writes: every row in one database transaction, committed at the very end.</summary>
public static class ImportTransaction
{
    public const int BatchSize = 500;

    /// <summary>
    /// Calls <paramref name="add"/> for each row on one context, saving every <see cref="BatchSize"/> rows inside the
    /// same transaction. The change tracker is cleared after each batch so 50,000 rows stay fast: set foreign keys
    /// by id rather than attaching entities loaded earlier. An exception (including a <see cref="DomainException"/>
    /// from an entity or a unique index violation) or a cancellation rolls everything back and propagates; the
    /// commit handler turns the expected ones into messages.
    /// </summary>
    public static async Task<int> RunAsync<TContext, TItem>(IDbContextFactory<TContext> factory, IReadOnlyList<TItem> rows,
        Func<TContext, TItem, CancellationToken, ValueTask> add, IProgress<ImportProgress>? progress, CancellationToken ct)
        where TContext : DbContext
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            await add(db, rows[i], ct);
            if ((i + 1) % BatchSize != 0 && i + 1 != rows.Count) continue;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(ImportStage.Saving, i + 1, rows.Count));
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}
