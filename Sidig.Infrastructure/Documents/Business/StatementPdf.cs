using static Sidig.Infrastructure.Documents.Business.BusinessLayout;

namespace Sidig.Infrastructure.Documents.Business;

public enum StatementEntryKind { Invoice, Payment, CreditNote, Adjustment }

/// <summary>
/// One movement of the partner's account: an invoice (debit), a payment or credit note (credit), an adjustment.
/// The running balance is printed from the opening balance and the rows in the order given.
/// </summary>
/// <param name="DueDate">an invoice's due date, printed in the description with its label</param>
/// <param name="CreditedInvoice">a credit note's invoice number, printed in the description with its label</param>
public sealed record StatementPrintRow(
    PrintDate Date,
    StatementEntryKind Kind,
    string DocumentNumber,
    string? Description,
    decimal Debit,
    decimal Credit,
    PrintDate? DueDate = null,
    string? CreditedInvoice = null);

/// <summary>What is still open at the statement date, by days past due; computed by the domain.</summary>
public sealed record StatementAging(decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90)
{
    public decimal Total => Current + Days1To30 + Days31To60 + Days61To90 + Over90;
}

/// <summary>Everything a statement of account prints for one partner and one period.</summary>
public sealed record StatementPrint
{
    public required DocumentCompany Company { get; init; }
    public required DocumentCulture Culture { get; init; }

    /// <summary>A reference for the file name and page chrome, e.g. "SOA/DIST-JKT/2026-11".</summary>
    public required string Number { get; init; }
    public required DocumentParty Partner { get; init; }
    public required PrintDate PeriodFrom { get; init; }
    public required PrintDate PeriodTo { get; init; }

    /// <summary>The day the statement is drawn up (aging is as of this day).</summary>
    public required PrintDate StatementDate { get; init; }
    public required decimal OpeningBalance { get; init; }
    public required IReadOnlyList<StatementPrintRow> Rows { get; init; }
    public required StatementAging Aging { get; init; }
    public string? Notes { get; init; }

    public decimal TotalDebit => Rows.Sum(r => r.Debit);
    public decimal TotalCredit => Rows.Sum(r => r.Credit);
    public decimal ClosingBalance => OpeningBalance + TotalDebit - TotalCredit;
}

/// <summary>The statement of account (pernyataan rekening) as a PDF: movements with running balance, then aging.</summary>
public static class StatementPdf
{
    public static byte[] Render(StatementPrint p) => PdfRenderer.Render(Build(p));

    public static string FileName(StatementPrint p) => BusinessLayout.FileName(p.Number);

    public static Document Build(StatementPrint p)
    {
        var c = p.Culture;
        var l = c.Labels;
        var doc = NewDocument(p.Company, c, l.StatementTitle, p.Number);
        doc.Add(CompanyHeader(p.Company, c));
        doc.Add(Title(l.StatementTitle, null), new Spacer(6));
        doc.Add(new Columns(12,
            Party(l.BillTo, p.Partner, c),
            Facts(
            [
                (l.Period, $"{c.Date(p.PeriodFrom)} – {c.Date(p.PeriodTo)}"),
                (l.StatementDate, c.Date(p.StatementDate)),
                (l.OpeningBalance, c.Money(p.OpeningBalance)),
                (l.ClosingBalance, c.Money(p.ClosingBalance)),
            ], keyWidth: 78)));
        doc.Add(new Spacer(8));

        var table = new Table(
            new TableColumn(l.Date, ColumnWidth.Points(62)),
            new TableColumn(l.Document, ColumnWidth.Points(142)),
            new TableColumn(l.Description, ColumnWidth.Fraction()),
            new TableColumn(l.Debit, ColumnWidth.Points(60), TextAlign.Right),
            new TableColumn(l.Credit, ColumnWidth.Points(60), TextAlign.Right),
            new TableColumn(l.Balance, ColumnWidth.Points(66), TextAlign.Right)) { FontSize = Small };
        table.AddRow(new TableCell(c.Date(p.PeriodFrom)), new TableCell(l.OpeningBalance, 4, Bold: true),
            new TableCell(c.Number(p.OpeningBalance), Bold: true));
        var balance = p.OpeningBalance;
        foreach (var row in p.Rows)
        {
            balance += row.Debit - row.Credit;
            var description = string.Join(" · ", new[]
            {
                row.DueDate is { } due ? $"{l.DueDate} {c.Date(due)}" : null,
                row.CreditedInvoice is { } invoice ? $"{l.CreditedInvoice} {invoice}" : null,
                row.Description,
            }.Where(s => !string.IsNullOrWhiteSpace(s)));
            table.AddRow(c.Date(row.Date), $"{Kind(l, row.Kind)} {row.DocumentNumber}", description,
                row.Debit == 0 ? "" : c.Number(row.Debit), row.Credit == 0 ? "" : c.Number(row.Credit), c.Number(balance));
        }
        if (p.Rows.Count == 0) table.AddRow(new TableCell(""), new TableCell(l.NoEntries, 5));
        table.AddFooterRow(new TableCell(l.PeriodTotals, 3, TextAlign.Right), c.Number(p.TotalDebit), c.Number(p.TotalCredit), "");
        table.AddFooterRow(new TableCell(l.ClosingBalance, 5, TextAlign.Right, Bold: true), new TableCell(c.Money(p.ClosingBalance), Bold: true));
        doc.Add(table);

        doc.Add(new Spacer(10), new Paragraph($"{l.Aging} ({c.Date(p.StatementDate)})", 9, bold: true), new Spacer(3));
        var aging = new Table(
            new TableColumn(l.AgingCurrent, ColumnWidth.Fraction(1.4f), TextAlign.Right),
            new TableColumn(l.Aging1To30, ColumnWidth.Fraction(), TextAlign.Right),
            new TableColumn(l.Aging31To60, ColumnWidth.Fraction(), TextAlign.Right),
            new TableColumn(l.Aging61To90, ColumnWidth.Fraction(), TextAlign.Right),
            new TableColumn(l.AgingOver90, ColumnWidth.Fraction(), TextAlign.Right),
            new TableColumn(l.Total, ColumnWidth.Fraction(), TextAlign.Right));
        var a = p.Aging;
        aging.AddRow(c.Money(a.Current), c.Money(a.Days1To30), c.Money(a.Days31To60), c.Money(a.Days61To90), c.Money(a.Over90), c.Money(a.Total));
        doc.Add(aging);
        if (!string.IsNullOrWhiteSpace(p.Notes)) doc.Add(new Spacer(6), new Paragraph($"{l.Notes}: {p.Notes}", Small));
        return doc;
    }

    private static string Kind(DocumentLabels l, StatementEntryKind kind) => kind switch
    {
        StatementEntryKind.Invoice => l.KindInvoice,
        StatementEntryKind.Payment => l.KindPayment,
        StatementEntryKind.CreditNote => l.KindCreditNote,
        _ => l.KindAdjustment,
    };
}
