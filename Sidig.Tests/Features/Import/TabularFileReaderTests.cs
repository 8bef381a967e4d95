using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Features.Import;

public sealed class TabularFileReaderTests
{
    private static TabularFileReader Reader(long maxBytes = 10 * 1024 * 1024, int maxRows = 50_000) =>
        new(Options.Create(new ImportOptions { MaxFileBytes = maxBytes, MaxRows = maxRows }), NullLogger<TabularFileReader>.Instance);

    private static Task<Result<TabularFile>> Read(byte[] content, string name, TabularFileReader? reader = null) =>
        (reader ?? Reader()).ReadAsync(new MemoryStream(content), name);

    private static async Task<TabularFile> ReadOk(byte[] content, string name)
    {
        var result = await Read(content, name);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    private static async Task<string> ReadError(byte[] content, string name, TabularFileReader? reader = null)
    {
        var result = await Read(content, name, reader);
        result.Succeeded.ShouldBeFalse();
        return result.Errors.ShouldHaveSingleItem().Code;
    }

    [Fact]
    public async Task A_semicolon_csv_as_Indonesian_Excel_writes_it_is_split_on_semicolons()
    {
        var file = await ReadOk(TestFiles.Csv("SKU;Nama;Harga\nTV-32;Televisi, 32 inci;1,5\n"), "barang.csv");

        file.Headers.ShouldBe(["SKU", "Nama", "Harga"]);
        file.Rows.ShouldHaveSingleItem().Cells.ShouldBe(["TV-32", "Televisi, 32 inci", "1,5"]);
    }

    [Fact]
    public async Task A_comma_csv_with_quoted_commas_is_split_on_commas()
    {
        var file = await ReadOk(TestFiles.Csv("SKU,Name,Price\r\nTV-32,\"TV; 32\"\", black\",1.5\r\n"), "items.csv");

        file.Rows.ShouldHaveSingleItem().Cells.ShouldBe(["TV-32", "TV; 32\", black", "1.5"]);
    }

    [Fact]
    public async Task A_byte_order_mark_does_not_end_up_in_the_first_header()
    {
        var file = await ReadOk(TestFiles.Csv("SKU;Nama\nA;Kopi Gayo\n", bom: true), "bom.csv");

        file.Headers[0].ShouldBe("SKU");
        file.Rows[0].Cells[1].ShouldBe("Kopi Gayo");
    }

    [Fact]
    public async Task A_csv_that_is_not_utf8_is_read_as_windows_1252()
    {
        var bytes = Encoding.Latin1.GetBytes("SKU;Nama\nA;Café\n");

        var file = await ReadOk(bytes, "ansi.csv");

        file.Rows[0].Cells[1].ShouldBe("Café");
    }

    [Fact]
    public async Task Row_numbers_are_the_spreadsheet_rows_even_after_blank_rows()
    {
        var file = await ReadOk(TestFiles.Csv("SKU;Nama\nA;Satu\n\n;\nB;Dua\n"), "gaps.csv");

        file.Rows.Select(r => r.Number).ShouldBe([2, 5]);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        (await ReadError([], "kosong.csv")).ShouldBe("Import.FileEmpty");
        (await ReadError(TestFiles.Csv("\n \n"), "blank.csv")).ShouldBe("Import.FileEmpty");
    }

    [Fact]
    public async Task A_file_with_only_a_header_is_refused()
    {
        (await ReadError(TestFiles.Csv("SKU;Nama\n"), "header.csv")).ShouldBe("Import.NoDataRows");
        (await ReadError(TestFiles.Xlsx(["SKU", "Nama"]), "header.xlsx")).ShouldBe("Import.NoDataRows");
    }

    [Fact]
    public async Task A_text_file_renamed_to_xlsx_is_refused_by_its_content()
    {
        (await ReadError(TestFiles.Csv("SKU;Nama\nA;B\n"), "barang.xlsx")).ShouldBe("Import.NotXlsx");
    }

    [Fact]
    public async Task A_zip_that_is_not_a_workbook_is_refused()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            await entry.WriteAsync("not a workbook");
        }

        (await ReadError(zip.ToArray(), "arsip.xlsx")).ShouldBe("Import.NotXlsx");
    }

    [Fact]
    public async Task A_damaged_workbook_becomes_a_message_not_an_exception()
    {
        var workbook = TestFiles.Xlsx(["SKU"], ["A"]);
        using var zip = new MemoryStream();
        await zip.WriteAsync(workbook);
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = archive.GetEntry("xl/worksheets/sheet1.xml")!;
            sheet.Delete();
            await using var broken = new StreamWriter(archive.CreateEntry(sheet.FullName).Open());
            await broken.WriteAsync("<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"str\"><x:v>SKU</x:v></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\"");
        }

        (await ReadError(zip.ToArray(), "rusak.xlsx")).ShouldBe("Import.XlsxUnreadable");
    }

    [Fact]
    public async Task A_workbook_renamed_to_csv_is_refused()
    {
        (await ReadError(TestFiles.Xlsx(["SKU"], ["A"]), "barang.csv")).ShouldBe("Import.NotCsv");
    }

    [Theory]
    [InlineData("barang.xls")]
    [InlineData("barang.txt")]
    [InlineData("barang")]
    public async Task Other_file_types_are_refused(string name)
    {
        (await ReadError(TestFiles.Csv("SKU\nA\n"), name)).ShouldBe("Import.UnsupportedFileType");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        var reader = Reader(maxBytes: 2048);
        (await ReadError(TestFiles.Csv(TestFiles.ValidRows(100)), "besar.csv", reader)).ShouldBe("Import.FileTooLarge");
        (await Read(TestFiles.Csv(TestFiles.ValidRows(5)), "kecil.csv", reader)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused()
    {
        var reader = Reader(maxRows: 10);
        (await ReadError(TestFiles.Csv(TestFiles.ValidRows(11)), "baris.csv", reader)).ShouldBe("Import.TooManyRows");
        (await Read(TestFiles.Csv(TestFiles.ValidRows(10)), "baris.csv", reader)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Typed_xlsx_cells_become_text_the_parsers_read_back()
    {
        var file = await ReadOk(TestFiles.Xlsx(
            ["SKU", "Harga", "Tanggal", "Aktif", "Jumlah"],
            ["0012", 1.125, new DateTime(2025, 1, 31), true, 1500],
            [null, null, null, null, null],
            ["B", 12345678.9, new DateTime(2025, 2, 1, 13, 4, 0), false, -3]), "barang.xlsx");

        file.Headers.ShouldBe(["SKU", "Harga", "Tanggal", "Aktif", "Jumlah"]);
        file.Rows[0].Number.ShouldBe(2);
        file.Rows[0].Cells.ShouldBe(["0012", "1.1250", "2025-01-31", "true", "1500"]);
        file.Rows[1].Number.ShouldBe(4);
        file.Rows[1].Cells.ShouldBe(["B", "12345678.9", "2025-02-01 13:04:00", "false", "-3"]);
    }
}
