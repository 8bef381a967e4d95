using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Sidig.Web.Features.Import;

public enum ExportFormat { Csv, Xlsx }

/// <summary>One column of an export: its header (from resources, already in the user's language) and its value.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// Writes records to .csv or .xlsx as they are enumerated, so a large export never sits in memory as a list.
/// Values are written as <see cref="CellFormat"/> says, so an export can be imported again. Convert times to the
/// tenant's time zone before (a DateTimeOffset is written with its own offset's clock time).
/// </summary>
public static partial class TabularExport
{
    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? ".xlsx" : ".csv";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv";

    /// <summary>Semicolon where the decimal separator is a comma (id-ID), as Excel there expects; comma elsewhere.</summary>
    public static string CsvDelimiter(CultureInfo culture) => culture.NumberFormat.NumberDecimalSeparator == "," ? ";" : ",";

    public static Task WriteAsync<T>(ExportFormat format, Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        CultureInfo culture, CancellationToken ct = default) =>
        format == ExportFormat.Xlsx ? WriteXlsxAsync(output, columns, rows, ct) : WriteCsvAsync(output, columns, rows, culture, ct);

    /// <summary>UTF-8 with BOM (Excel reads it as UTF-8 only then), the culture's delimiter and number format.</summary>
    public static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        CultureInfo culture, CancellationToken ct = default)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        await using var csv = new CsvWriter(text, new CsvConfiguration(culture) { Delimiter = CsvDelimiter(culture) });
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns) csv.WriteField(Guard(CellFormat.Text(column.Value(row), culture)));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>Typed cells (numbers, dates, booleans) so the sheet can be summed and sorted; header frozen with a filter.</summary>
    public static async Task WriteXlsxAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        CancellationToken ct = default)
    {
        var headers = columns.Select(c => c.Header).ToList();
        if (headers.Distinct(StringComparer.OrdinalIgnoreCase).Count() != headers.Count)
            throw new ArgumentException("Export headers must be unique", nameof(columns));
        await using var enumerator = rows.GetAsyncEnumerator(ct);
        if (!await enumerator.MoveNextAsync())
        {
            // With no row there is no dictionary to take the header from; a table without rows still has its columns.
            using var table = new DataTable("Data");
            foreach (var header in headers) table.Columns.Add(header, typeof(string));
            await MiniExcel.SaveAsAsync(output, table, sheetName: "Data", cancellationToken: ct);
            return;
        }
        await MiniExcel.SaveAsAsync(output, Cells(enumerator, columns), sheetName: "Data", cancellationToken: ct);
    }

    private static async IAsyncEnumerable<IDictionary<string, object?>> Cells<T>(IAsyncEnumerator<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        do
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            foreach (var column in columns) cells[column.Header] = XlsxValue(column.Value(rows.Current));
            yield return cells;
        }
        while (await rows.MoveNextAsync());
    }

    private static object? XlsxValue(object? value) => value switch
    {
        null or string or bool or decimal or double or float or int or long or short or DateTime => value,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset d => d.DateTime,
        _ => CellFormat.Text(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A text starting with =, +, - or @ is a formula to Excel when it opens a CSV (CSV injection): such texts get a
    /// leading apostrophe, except numbers and phone numbers (+62 812-3456-789), which Excel reads as values.
    /// </summary>
    private static string Guard(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(text) ? "'" + text : text;

    [GeneratedRegex(@"^[+-]?[0-9][0-9 ().,-]*$")]
    private static partial Regex PlainNumber();

    /// <summary>A list as an async sequence, for pages whose query already returns a list.</summary>
    public static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }
        await Task.CompletedTask;
    }
}

/// <summary>
/// What an <c>ExportMenu</c> exports: a file name, the columns and the query for all rows matching the page's
/// current filters (not just the page on screen). Made by the page with <see cref="Create{T}"/>.
/// </summary>
public abstract class ExportSource
{
    /// <summary>File name without extension, e.g. "produk-2026-11-23".</summary>
    public abstract string FileName { get; }

    public abstract Task WriteAsync(ExportFormat format, Stream output, CultureInfo culture, CancellationToken ct);

    public static ExportSource Create<T>(string fileName, IReadOnlyList<ExportColumn<T>> columns, Func<CancellationToken, IAsyncEnumerable<T>> rows) =>
        new Of<T>(fileName, columns, rows);

    private sealed class Of<T>(string fileName, IReadOnlyList<ExportColumn<T>> columns, Func<CancellationToken, IAsyncEnumerable<T>> rows) : ExportSource
    {
        public override string FileName => fileName;

        public override Task WriteAsync(ExportFormat format, Stream output, CultureInfo culture, CancellationToken ct) =>
            TabularExport.WriteAsync(format, output, columns, rows(ct), culture, ct);
    }
}
