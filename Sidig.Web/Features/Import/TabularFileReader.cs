using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Sidig.Domain.Common;

namespace Sidig.Web.Features.Import;

/// <summary>
/// Reads an uploaded .csv or .xlsx into text cells. The extension only says which of the two the user meant; the
/// content is checked before it is parsed, and every problem comes back as an error code, never as an exception.
/// </summary>
public sealed class TabularFileReader(IOptions<ImportOptions> options, ILogger<TabularFileReader> logger)
{
    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".csv"];

    static TabularFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ImportOptions Limits => options.Value;

    public async Task<Result<TabularFile>> ReadAsync(Stream content, string fileName, IProgress<ImportProgress>? progress = null,
        CancellationToken ct = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension)) return Result<TabularFile>.Fail([new Error("Import.UnsupportedFileType", null, fileName)]);
        var bytes = await ReadLimitedAsync(content, Limits.MaxFileBytes, ct);
        if (bytes is null) return Result<TabularFile>.Fail([new Error("Import.FileTooLarge", null, Megabytes(Limits.MaxFileBytes))]);
        if (bytes.Length == 0) return Result<TabularFile>.Fail("Import.FileEmpty");
        progress?.Report(new ImportProgress(ImportStage.Reading, 0, 0));

        return extension == ".xlsx" ? ReadXlsx(bytes, progress, ct) : ReadCsv(bytes, progress, ct);
    }

    /// <summary>The whole stream, or null when it is longer than <paramref name="max"/> (at most max + 1 bytes are read).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream content, long max, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max) return null;
        }
        return buffer.ToArray();
    }

    public static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.CurrentCulture);

    private Result<TabularFile> ReadXlsx(byte[] bytes, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (!LooksLikeXlsx(bytes)) return Result<TabularFile>.Fail("Import.NotXlsx");
        try
        {
            var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select((row, index) => (Number: index + 1, Cells: row.Values.Select(XlsxCellText).ToArray()));
            return Build(rows, progress, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MiniExcel throws many kinds (zip, XML, its own); for the user they all mean the same.
            logger.LogWarning(ex, "An uploaded .xlsx could not be read");
            return Result<TabularFile>.Fail("Import.XlsxUnreadable");
        }
    }

    /// <summary>A zip with the parts every workbook has; a renamed text file, a plain zip or an old .xls is not.</summary>
    private static bool LooksLikeXlsx(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                   && zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Typed cells become the text <see cref="CellFormat"/> writes, so the parsers read them like CSV text.</summary>
    private static string XlsxCellText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => double.IsFinite(d) && Math.Abs(d) < 7.9e27 ? CellFormat.Number(Convert.ToDecimal(d)) : d.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => CellFormat.DateTime(d),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    private Result<TabularFile> ReadCsv(byte[] bytes, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var text = Decode(bytes);
        if (text is null) return Result<TabularFile>.Fail("Import.NotCsv");
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = DetectDelimiter(text),
            HasHeaderRecord = false,
            IgnoreBlankLines = false, // a blank line is an (empty) row, so numbers stay those Excel shows
            BadDataFound = null,      // a stray quote inside a field (12" TV) is kept as text
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        try
        {
            return Build(ParseCsv(text, config), progress, ct);
        }
        catch (CsvHelperException ex)
        {
            logger.LogWarning(ex, "An uploaded .csv could not be read");
            return Result<TabularFile>.Fail("Import.NotCsv");
        }
    }

    private static IEnumerable<(int Number, string[] Cells)> ParseCsv(string text, CsvConfiguration config)
    {
        using var parser = new CsvParser(new StringReader(text), config);
        var number = 0;
        while (parser.Read()) yield return (++number, parser.Record!.Select(c => c.Trim()).ToArray());
    }

    /// <summary>
    /// UTF-8 with or without BOM (UTF-16 with BOM too). Bytes that are not UTF-8 are read as Windows-1252, which is
    /// what Excel's plain "CSV" writes on Windows in Indonesia. Null when the content is binary (e.g. an .xlsx renamed .csv).
    /// </summary>
    private static string? Decode(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        var start = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        if (bytes.AsSpan(start).Contains((byte)0)) return null;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes, start, bytes.Length - start);
        }
    }

    /// <summary>The separator used most in the first non-blank line outside quotes; comma when there is none.</summary>
    public static string DetectDelimiter(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        var seenContent = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') { if (seenContent) break; continue; }
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
            if (!char.IsWhiteSpace(c)) seenContent = true;
        }
        if (semicolons > commas && semicolons >= tabs) return ";";
        if (tabs > commas && tabs > semicolons) return "\t";
        return ",";
    }

    private Result<TabularFile> Build(IEnumerable<(int Number, string[] Cells)> source, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        string[]? headers = null;
        var rows = new List<TabularRow>();
        // Beyond this many physical rows a sheet is refused even if most are blank (a cell at row 1,000,000 is enough to make one).
        var lastRow = 2L * Limits.MaxRows + 1;
        foreach (var (number, cells) in source)
        {
            if (number > lastRow) return TooManyRows();
            if (cells.All(string.IsNullOrEmpty)) continue;
            if (headers is null)
            {
                headers = TrimEnd(cells);
                if (headers.Length > Limits.MaxColumns) return Result<TabularFile>.Fail([new Error("Import.TooManyColumns", null, Limits.MaxColumns)]);
                continue;
            }
            if (rows.Count == Limits.MaxRows) return TooManyRows();
            rows.Add(new TabularRow(number, TrimEnd(cells)));
            if (rows.Count % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportStage.Reading, rows.Count, 0));
            }
        }
        if (headers is null) return Result<TabularFile>.Fail("Import.FileEmpty");
        if (rows.Count == 0) return Result<TabularFile>.Fail("Import.NoDataRows");
        return Result<TabularFile>.Ok(new TabularFile(headers, rows));
    }

    private Result<TabularFile> TooManyRows() => Result<TabularFile>.Fail([new Error("Import.TooManyRows", null, Limits.MaxRows)]);

    private static string[] TrimEnd(string[] cells)
    {
        var length = cells.Length;
        while (length > 0 && string.IsNullOrEmpty(cells[length - 1])) length--;
        return length == cells.Length ? cells : cells[..length];
    }
}
