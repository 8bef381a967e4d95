using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Import;

namespace Sidig.Tests.Features.Import;

public sealed class ImportSchemaTests
{
    private static readonly ImportSchema<TestItemRow> Schema = new TestItemImporter(null!).Schema;

    private static TabularFile File(string header, params string[] rows) =>
        new(header.Split(';'), rows.Select((r, i) => new TabularRow(i + 2, r.Split(';'))).ToList());

    [Fact]
    public void Headers_match_ignoring_case_and_spaces_and_by_alias()
    {
        var check = Schema.Parse(File(" sku ;NAME;price", "TV-32;Televisi;1,5"));

        check.Errors.All.ShouldBeEmpty();
        var row = check.Valid.ShouldHaveSingleItem();
        row.Number.ShouldBe(2);
        (row.Value.Sku, row.Value.Name, row.Value.Price).ShouldBe(("TV-32", "Televisi", 1.5m));
    }

    [Fact]
    public void Missing_required_and_unknown_columns_are_reported_once_for_the_file()
    {
        var check = Schema.Parse(File("SKU;Warna;Catatan", "A;Merah;x", "B;Biru;y"));

        check.Errors.All.Select(e => (e.Row, e.Code, string.Join(",", e.Args))).ShouldBe([
            (null, "Import.UnknownColumn", "Warna"),
            (null, "Import.UnknownColumn", "Catatan"),
            (null, "Import.MissingColumn", "Nama"),
            (null, "Import.MissingColumn", "Harga"),
        ]);
        check.Valid.ShouldBeEmpty();
    }

    [Fact]
    public void A_column_twice_is_a_file_error()
    {
        var check = Schema.Parse(File("SKU;Nama;Harga;Name", "A;B;1;C"));

        check.Errors.All.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("Import.DuplicateColumn"), e => e.Args.ShouldBe(["Name"]));
    }

    [Fact]
    public void Values_under_no_header_are_reported_with_the_column_letter()
    {
        var check = Schema.Parse(File("SKU;Nama;Harga", "A;B;1;lost"));

        var error = check.Errors.All.ShouldHaveSingleItem();
        error.Code.ShouldBe("Import.ColumnWithoutHeader");
        error.Args.ShouldBe(["D"]);
    }

    [Fact]
    public void Bad_cells_are_reported_with_row_column_and_message_and_their_rows_left_out()
    {
        var check = Schema.Parse(File("SKU;Nama;Harga;Jumlah;Aktif;Tanggal Rilis",
            "A;Satu;1,5;2;ya;2025-01-31",
            ";Dua;abc;1,5;mungkin;31-01-2025",
            "C;Tiga;3;;;"));

        check.Valid.Select(r => r.Number).ShouldBe([2, 4]);
        check.Errors.All.Select(e => (e.Row, e.Column, e.Code)).ShouldBe([
            (3, "SKU", "Import.Required"),
            (3, "Harga", "Import.NumberInvalid"),
            (3, "Jumlah", "Import.IntegerInvalid"),
            (3, "Aktif", "Import.BooleanInvalid"),
            (3, "Tanggal Rilis", "Import.DateInvalid"),
        ]);
    }

    [Fact]
    public void Empty_optional_cells_leave_the_row_default()
    {
        var row = Schema.Parse(File("SKU;Nama;Harga;Aktif;Satuan", "A;Satu;1;;")).Valid.ShouldHaveSingleItem().Value;

        row.Active.ShouldBeTrue();
        row.Kind.ShouldBe(TestKind.Pcs);
    }

    [Fact]
    public void A_key_repeated_in_the_file_is_an_error_on_the_later_row_naming_the_first()
    {
        var check = Schema.Parse(File("SKU;Nama;Harga", "TV-32;Satu;1", "HP-1;Dua;2", "tv-32;Tiga;3"));

        var error = check.Errors.All.ShouldHaveSingleItem();
        (error.Row, error.Column, error.Code).ShouldBe((4, "SKU", "Import.Duplicate"));
        error.Args.ShouldBe(["tv-32", 2]);
        check.Valid.Select(r => r.Number).ShouldBe([2, 3]);
    }

    [Fact]
    public void The_duplicate_helper_works_on_any_key_for_business_checks()
    {
        var errors = new ImportErrors();
        ImportRow<TestItemRow>[] rows = [
            new(2, new TestItemRow { Sku = "A", Name = "Gudang 1" }),
            new(3, new TestItemRow { Sku = "A", Name = "Gudang 2" }),
            new(5, new TestItemRow { Sku = "A", Name = "Gudang 1" }),
        ];

        errors.AddDuplicates(rows, r => (r.Sku, r.Name), "SKU");

        var error = errors.All.ShouldHaveSingleItem();
        (error.Row, error.Args[1]).ShouldBe((5, (object)2));
        errors.HasErrorsIn(5).ShouldBeTrue();
        errors.HasErrorsIn(3).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Column_letters_are_as_in_Excel(int index, string letters) => ImportSchema.ColumnLetter(index).ShouldBe(letters);
}
