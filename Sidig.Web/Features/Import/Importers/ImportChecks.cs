using Sidig.Domain.Catalog;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import.Importers;

/// <summary>Small pieces the concrete importers share: code normalisation, domain errors on columns, extra cell parsers.</summary>
public static class ImportChecks
{
    /// <summary>A code as the domain stores it (trimmed, upper case); an invalid one is compared upper-cased as typed.</summary>
    public static string Code(string? text) => Codes.Check(text, "Code.Required").Value ?? (text ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// Adds the domain's errors to the row, each on the column its field maps to (<paramref name="columns"/>: field →
    /// column header); a field without a column lands on <paramref name="fallback"/>.
    /// </summary>
    public static void AddDomainErrors<TRow>(this ImportErrors errors, ImportRow<TRow> row, IEnumerable<Error> domain,
        IReadOnlyDictionary<string, string> columns, string? fallback = null)
    {
        foreach (var error in domain)
            errors.Add(row, error.Field is { } f && columns.TryGetValue(f, out var column) ? column : fallback, error.Code, error.Args);
    }

    /// <summary>A quantity above 0 with at most 3 decimals (what the stock ledger accepts).</summary>
    public static CellParser<decimal> Quantity(bool allowZero = false) => text =>
    {
        var parsed = CellParsers.Decimal()(text);
        if (!parsed.Succeeded) return parsed;
        if (parsed.Value < 0 || (!allowZero && parsed.Value == 0))
            return CellResult<decimal>.Fail(allowZero ? "Import.QuantityNegative" : "Import.QuantityPositive");
        if (decimal.Round(parsed.Value, 3) != parsed.Value) return CellResult<decimal>.Fail("Import.QuantityPrecision");
        if (parsed.Value > 1_000_000_000m) return CellResult<decimal>.Fail("Import.NumberTooLarge", 1_000_000_000m);
        return parsed;
    };

    /// <summary>Parses one of the listed words (any case, surrounding spaces ignored); the error lists the first word of each value.</summary>
    public static CellParser<T> Choice<T>(IReadOnlyDictionary<string, T> words, string shown) => text =>
        words.TryGetValue(text.Trim(), out var value) ? CellResult<T>.Ok(value) : CellResult<T>.Fail("Import.ChoiceInvalid", shown);
}
