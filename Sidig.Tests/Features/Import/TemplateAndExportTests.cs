using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Features.Import;

public sealed class TemplateAndExportTests
{
    private static readonly CultureInfo Indonesian = new("id-ID"), English = new("en-US");
    private static readonly TestItemImporter Importer = new(null!);

    private static async Task<TabularFile> ReadBack(byte[] content, ExportFormat format)
    {
        var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
        var result = await reader.ReadAsync(new MemoryStream(content), "back" + TabularExport.Extension(format));
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    [Theory]
    [InlineData(ExportFormat.Xlsx, "id-ID")]
    [InlineData(ExportFormat.Csv, "id-ID")]
    [InlineData(ExportFormat.Csv, "en-US")]
    public async Task A_template_reads_back_with_the_schemas_headers_and_a_valid_example_row(ExportFormat format, string culture)
    {
        var content = await ImportTemplates.CreateAsync(Importer.Schema, format, new CultureInfo(culture));

        var file = await ReadBack(content, format);

        file.Headers.ShouldBe(Importer.Schema.Headers);
        var check = Importer.Schema.Parse(file);
        check.Errors.All.ShouldBeEmpty();
        var example = check.Valid.ShouldHaveSingleItem().Value;
        (example.Sku, example.Price, example.ReleasedOn).ShouldBe(("TV-32", 1500000m, new DateOnly(2025, 1, 31)));
    }

    [Fact]
    public async Task A_schema_without_examples_gives_a_header_only_workbook()
    {
        var schema = new ImportSchema<TestItemRow>().Required("SKU", CellParsers.Text(10), (r, v) => r.Sku = v);

        var content = await ImportTemplates.CreateAsync(schema, ExportFormat.Xlsx, Indonesian);

        var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
        (await reader.ReadAsync(new MemoryStream(content), "t.xlsx")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.NoDataRows");
    }

    private static readonly TestItemRow[] Records =
    [
        new() { Sku = "TV-32", Name = "Televisi; 32\" \"hitam\"", Price = 1500000m, Quantity = 3, Active = false, ReleasedOn = new DateOnly(2025, 1, 31), Kind = TestKind.Box },
        new() { Sku = "0012", Name = "Kabel, 2 m", Price = 1.125m, Quantity = 0, Active = true, ReleasedOn = null, Kind = TestKind.Pcs },
        new() { Sku = "NEG", Name = "Diskon", Price = 0.5m, Quantity = 12, Active = true, ReleasedOn = new DateOnly(2024, 12, 1), Kind = TestKind.Pcs },
    ];

    private static readonly IReadOnlyList<ExportColumn<TestItemRow>> Columns =
    [
        new("SKU", r => r.Sku), new("Nama", r => r.Name), new("Harga", r => r.Price), new("Jumlah", r => r.Quantity),
        new("Aktif", r => r.Active), new("Tanggal Rilis", r => r.ReleasedOn), new("Satuan", r => r.Kind),
    ];

    [Theory]
    [InlineData(ExportFormat.Xlsx, "id-ID")]
    [InlineData(ExportFormat.Csv, "id-ID")]
    [InlineData(ExportFormat.Csv, "en-US")]
    public async Task An_export_reads_back_to_the_same_records(ExportFormat format, string culture)
    {
        using var output = new MemoryStream();
        await TabularExport.WriteAsync(format, output, Columns, TabularExport.AsAsync(Records), new CultureInfo(culture));

        var file = await ReadBack(output.ToArray(), format);
        var check = Importer.Schema.Parse(file);

        file.Headers.ShouldBe(Columns.Select(c => c.Header));
        check.Errors.All.ShouldBeEmpty();
        check.Valid.Select(r => r.Value).ShouldBe(Records, new RowComparer());
        file.Rows.Select(r => r[0]).ShouldBe(["TV-32", "0012", "NEG"]); // text that looks like a number stays text
    }

    [Fact]
    public async Task An_Indonesian_csv_uses_semicolons_decimal_commas_and_a_byte_order_mark()
    {
        using var output = new MemoryStream();
        await TabularExport.WriteCsvAsync(output, Columns, TabularExport.AsAsync(Records.Skip(1).Take(1)), Indonesian);

        var bytes = output.ToArray();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe("SKU;Nama;Harga;Jumlah;Aktif;Tanggal Rilis;Satuan\r\n0012;Kabel, 2 m;1,1250;0;ya;;Pcs\r\n");
    }

    [Fact]
    public async Task Csv_cells_that_Excel_would_run_as_formulas_are_defused_but_phone_numbers_are_kept()
    {
        ExportColumn<string>[] columns = [new("Catatan", s => s)];
        using var output = new MemoryStream();

        await TabularExport.WriteCsvAsync(output, columns, TabularExport.AsAsync(["=HYPERLINK(\"http://x\")", "@SUM(A1)", "+62 812-3456-789", "-5"]), English);

        var lines = Encoding.UTF8.GetString(output.ToArray()[3..]).Split("\r\n");
        lines[1..5].ShouldBe(["\"'=HYPERLINK(\"\"http://x\"\")\"", "'@SUM(A1)", "+62 812-3456-789", "-5"]);
    }

    [Fact]
    public async Task An_export_without_rows_still_has_its_header()
    {
        using var output = new MemoryStream();
        await TabularExport.WriteXlsxAsync(output, Columns, TabularExport.AsAsync(Array.Empty<TestItemRow>()));

        var reader = new TabularFileReader(Options.Create(new ImportOptions()), NullLogger<TabularFileReader>.Instance);
        (await reader.ReadAsync(new MemoryStream(output.ToArray()), "e.xlsx")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Import.NoDataRows");
    }

    private sealed class RowComparer : IEqualityComparer<TestItemRow>
    {
        public bool Equals(TestItemRow? x, TestItemRow? y) => x is not null && y is not null
            && (x.Sku, x.Name, x.Price, x.Quantity, x.Active, x.ReleasedOn, x.Kind) == (y.Sku, y.Name, y.Price, y.Quantity, y.Active, y.ReleasedOn, y.Kind);

        public int GetHashCode(TestItemRow obj) => obj.Sku.GetHashCode();
    }
}
