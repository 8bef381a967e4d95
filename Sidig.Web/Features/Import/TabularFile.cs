namespace Sidig.Web.Features.Import;

/// <summary>
/// A spreadsheet read as text: the header row and the data rows, each with its 1-based row number as the user sees
/// it in Excel (the header is row 1 unless blank rows come before it). Blank rows are left out but keep the count.
/// </summary>
public sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows);

/// <summary>The trimmed text of each cell; a row shorter than the header reads as empty cells.</summary>
public sealed record TabularRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
}
