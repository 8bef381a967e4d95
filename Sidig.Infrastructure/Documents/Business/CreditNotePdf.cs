using static Sidig.Infrastructure.Documents.Business.BusinessLayout;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>A returned (or credited) line, as computed by the domain.</summary>
public sealed record CreditNotePrintLine(string Sku, string Name, decimal Quantity, string Unit, decimal UnitPrice, decimal Amount);

/// <summary>Everything a credit note (nota kredit) prints.</summary>
public sealed record CreditNotePrint
{
    public required DocumentCompany Company { get; init; }
    public required DocumentCulture Culture { get; init; }
    public required string Number { get; init; }
    public required PrintDate Date { get; init; }
    public required DocumentParty Partner { get; init; }

    /// <summary>The invoice this note credits.</summary>
    public required string InvoiceNumber { get; init; }
    public PrintDate? InvoiceDate { get; init; }
    public string? TaxInvoiceNumber { get; init; }

    public required string Reason { get; init; }
    public required IReadOnlyList<CreditNotePrintLine> Lines { get; init; }
    public required decimal Subtotal { get; init; }

    /// <summary>DPP and PPN credited, per PPN group (see <see cref="DocumentTax"/>).</summary>
    public required IReadOnlyList<DocumentTax> Taxes { get; init; }

    public required decimal Total { get; init; }
    public string? StatusLabel { get; init; }
}

/// <summary>The credit note (nota kredit) as a PDF.</summary>
public static class CreditNotePdf
{
    public static byte[] Render(CreditNotePrint p) => PdfRenderer.Render(Build(p));

    public static string FileName(CreditNotePrint p) => BusinessLayout.FileName(p.Number);

    public static Document Build(CreditNotePrint p)
    {
        var c = p.Culture;
        var l = c.Labels;
        var doc = NewDocument(p.Company, c, l.CreditNoteTitle, p.Number);
        doc.Add(CompanyHeader(p.Company, c));
        doc.Add(Title(l.CreditNoteTitle, p.StatusLabel), new Spacer(6));

        var facts = new List<(string, string?)>
        {
            (l.CreditNoteNumber, p.Number),
            (l.Date, c.Date(p.Date)),
            (l.CreditedInvoice, p.InvoiceNumber),
        };
        if (p.InvoiceDate is { } invoiceDate) facts.Add((l.InvoiceDate, c.Date(invoiceDate)));
        if (!string.IsNullOrWhiteSpace(p.TaxInvoiceNumber)) facts.Add((l.TaxInvoiceNumber, p.TaxInvoiceNumber));
        doc.Add(new Columns(12, Party(l.BillTo, p.Partner, c), Facts(facts, keyWidth: 82)));
        doc.Add(new Spacer(6), new Paragraph($"{l.Reason}: {p.Reason}", 9), new Spacer(6));

        var table = new Table(
            new TableColumn(l.No, ColumnWidth.Points(22), TextAlign.Right),
            new TableColumn(l.Code, ColumnWidth.Points(60)),
            new TableColumn(l.Item, ColumnWidth.Fraction()),
            new TableColumn(l.Qty, ColumnWidth.Points(34), TextAlign.Right),
            new TableColumn(l.Unit, ColumnWidth.Points(32)),
            new TableColumn(l.UnitPrice, ColumnWidth.Points(68), TextAlign.Right),
            new TableColumn(l.Amount, ColumnWidth.Points(72), TextAlign.Right));
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            table.AddRow((i + 1).ToString(), line.Sku, line.Name, c.Quantity(line.Quantity), line.Unit,
                c.Number(line.UnitPrice), c.Number(line.Amount));
        }
        const int span = 5; // the figure spans the price and amount columns
        table.AddFooterRow(new TableCell(l.Subtotal, span, TextAlign.Right), new TableCell(c.Money(p.Subtotal), 2));
        foreach (var tax in p.Taxes)
        {
            table.AddFooterRow(new TableCell(tax.DppRule, span, TextAlign.Right), new TableCell(c.Money(tax.Dpp), 2));
            table.AddFooterRow(new TableCell($"{l.Ppn} {c.Percent(tax.Rate)}", span, TextAlign.Right), new TableCell(c.Money(tax.Amount), 2));
        }
        table.AddFooterRow(new TableCell(l.TotalCredited, span, TextAlign.Right, Bold: true), new TableCell(c.Money(p.Total), 2, Bold: true));
        doc.Add(table);

        doc.Add(new Spacer(6), AmountInWords(c, p.Total), new Spacer(10));
        doc.Add(new Columns(12,
            new Box { Weight = 2 },
            new Box(
                new Paragraph(l.Sincerely, Small, align: TextAlign.Center),
                new Paragraph(p.Company.LegalName, Small, bold: true, TextAlign.Center),
                new Spacer(40),
                new Paragraph("( ____________________ )", Small, align: TextAlign.Center)) { Weight = 1.2f }));
        return doc;
    }
}
