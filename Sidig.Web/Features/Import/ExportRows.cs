using System.Runtime.CompilerServices;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import;

/// <summary>A list query that failed (e.g. the permission was revoked meanwhile); the export menu reports it as failed.</summary>
public sealed class ExportQueryFailedException(IReadOnlyList<string> errors)
    : IOException("Export query failed: " + string.Join(", ", errors));

/// <summary>
/// Turns a list handler's result (run with its <c>All</c> flag, so with the same permission and partner-scope checks
/// and no paging) into the rows of an <see cref="ExportSource"/>.
/// </summary>
public static class ExportRows
{
    public static async IAsyncEnumerable<TItem> From<TResult, TItem>(Func<CancellationToken, Task<Result<TResult>>> query,
        Func<TResult, IEnumerable<TItem>> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var result = await query(ct);
        if (!result.Succeeded) throw new ExportQueryFailedException(result.Errors.Select(e => e.Code).ToList());
        foreach (var item in items(result.Value!))
        {
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
    }
}
