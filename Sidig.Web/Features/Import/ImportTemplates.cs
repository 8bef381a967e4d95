using System.Globalization;

namespace Sidig.Web.Features.Import;

/// <summary>Empty files to fill in: the schema's header row and, when the schema has examples, one example row.</summary>
public static class ImportTemplates
{
    public static async Task<byte[]> CreateAsync(ImportSchema schema, ExportFormat format, CultureInfo culture, CancellationToken ct = default)
    {
        var columns = schema.Columns.Select((c, i) => new ExportColumn<string[]>(c.Name, row => row[i])).ToList();
        string[][] rows = schema.Columns.Any(c => c.Example is not null) ? [schema.Columns.Select(c => c.Example ?? "").ToArray()] : [];
        using var output = new MemoryStream();
        await TabularExport.WriteAsync(format, output, columns, TabularExport.AsAsync(rows, ct), culture, ct);
        return output.ToArray();
    }
}
