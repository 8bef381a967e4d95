using static Sidig.Infrastructure.Documents.Business.BusinessLayout;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>An invoice line as computed by the domain.</summary>
/// <param name="Discount">The line's discount in rupiah (0 for none).</param>
/// <param name="Amount">What the line contributes to the subtotal, after its discount.</param>
/// <param name="TaxedOnFullPrice">A luxury good whose PPN is on the full price; marked "*" with a note.</param>
public sealed record InvoicePrintLine(
    string Sku,
    string Name,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    decimal Discount,
    decimal Amount,
    bool TaxedOnFullPrice = false);

/// <summary>Everything an invoice prints. Figures come computed from the domain; nothing is recalculated here.</summary>
public sealed record InvoicePrint
{
    public required DocumentCompany Company { get; init; }
    public required DocumentCulture Culture { get; init; }
    public required string Number { get; init; }
    public required PrintDate IssueDate { get; init; }
    public required PrintDate DueDate { get; init; }
    public IReadOnlyList<string> OrderNumbers { get; init; } = [];
    public IReadOnlyList<string> DeliveryNoteNumbers { get; init; } = [];
    public required DocumentParty Partner { get; init; }
    public required IReadOnlyList<InvoicePrintLine> Lines { get; init; }

    /// <summary>Sum of the line amounts.</summary>
    public required decimal Subtotal { get; init; }

    /// <summary>Discount on the whole invoice (0 for none; the row is then left out).</summary>
    public decimal Discount { get; init; }

    /// <summary>One entry per PPN group: usually one ("DPP 11/12"), two when luxury goods are taxed on the full price.</summary>
    public required IReadOnlyList<DocumentTax> Taxes { get; init; }

    public required decimal Total { get; init; }

    /// <summary>The faktur pajak (e-Faktur) number; null prints a blank line to fill in.</summary>
    public string? TaxInvoiceNumber { get; init; }

    /// <summary>Prints the "Bermeterai Rp 10.000" box in the signature area.</summary>
    public bool StampDuty { get; init; }

    /// <summary>A status stamp next to the title, e.g. "LUNAS" or "PAID"; null for none.</summary>
    public string? StatusLabel { get; init; }

    /// <summary>A link to the invoice (tenant subdomain), printed as a QR code; null for none.</summary>
    public string? QrUrl { get; init; }

    public string? Notes { get; init; }
}

/// <summary>The invoice (faktur penjualan) as a PDF.</summary>
public static class InvoicePdf
{
    public static byte[] Render(InvoicePrint p) => PdfRenderer.Render(Build(p));

    public static string FileName(InvoicePrint p) => BusinessLayout.FileName(p.Number);

    public static Document Build(InvoicePrint p)
    {
        var c = p.Culture;
        var l = c.Labels;
        var doc = NewDocument(p.Company, c, l.InvoiceTitle, p.Number);
        doc.Add(CompanyHeader(p.Company, c));
        doc.Add(Title(l.InvoiceTitle, p.StatusLabel), new Spacer(6));

        doc.Add(new Columns(12,
            Party(l.BillTo, p.Partner, c),
            Facts(
            [
                (l.InvoiceNumber, p.Number),
                (l.Date, c.Date(p.IssueDate)),
                (l.DueDate, c.Date(p.DueDate)),
                (l.OrderNumbers, p.OrderNumbers.Count > 0 ? string.Join(", ", p.OrderNumbers) : "—"),
                (l.DeliveryNoteNumbers, p.DeliveryNoteNumbers.Count > 0 ? string.Join(", ", p.DeliveryNoteNumbers) : "—"),
                (l.TaxInvoiceNumber, string.IsNullOrWhiteSpace(p.TaxInvoiceNumber) ? BlankLine : p.TaxInvoiceNumber),
            ], keyWidth: 82)));
        doc.Add(new Spacer(8));

        var table = new Table(
            new TableColumn(l.No, ColumnWidth.Points(20), TextAlign.Right),
            new TableColumn(l.Code, ColumnWidth.Points(54)),
            new TableColumn(l.Item, ColumnWidth.Fraction()),
            new TableColumn(l.Qty, ColumnWidth.Points(28), TextAlign.Right),
            new TableColumn(l.Unit, ColumnWidth.Points(28)),
            new TableColumn(l.UnitPrice, ColumnWidth.Points(60), TextAlign.Right),
            new TableColumn(l.DiscountColumn, ColumnWidth.Points(62), TextAlign.Right),
            new TableColumn(l.Amount, ColumnWidth.Points(68), TextAlign.Right)) { CellPaddingY = 2 };
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            table.AddRow((i + 1).ToString(), line.Sku, line.TaxedOnFullPrice ? line.Name + " *" : line.Name,
                c.Quantity(line.Quantity), line.Unit, c.Number(line.UnitPrice),
                line.Discount == 0 ? "—" : c.Number(line.Discount), c.Number(line.Amount));
        }
        const int span = 6; // the figure spans the discount and amount columns
        table.AddFooterRow(new TableCell(l.Subtotal, span, TextAlign.Right), Figure(c.Money(p.Subtotal)));
        if (p.Discount != 0) table.AddFooterRow(new TableCell(l.Discount, span, TextAlign.Right), Figure(c.Money(-p.Discount)));
        foreach (var tax in p.Taxes)
        {
            table.AddFooterRow(new TableCell(tax.DppRule, span, TextAlign.Right), Figure(c.Money(tax.Dpp)));
            table.AddFooterRow(new TableCell($"{l.Ppn} {c.Percent(tax.Rate)}", span, TextAlign.Right), Figure(c.Money(tax.Amount)));
        }
        table.AddFooterRow(new TableCell(l.Total, span, TextAlign.Right, Bold: true), new TableCell(c.Money(p.Total), 2, Bold: true));
        doc.Add(table);
        if (p.Lines.Any(x => x.TaxedOnFullPrice)) doc.Add(new Paragraph(l.LuxuryNote, Tiny));

        doc.Add(new Spacer(6), AmountInWords(c, p.Total));
        if (!string.IsNullOrWhiteSpace(p.Notes)) doc.Add(new Spacer(4), new Paragraph($"{l.Notes}: {p.Notes}", Small));
        doc.Add(new Spacer(8));

        // Bank accounts across the page (a bank name and an account holder each need room), then the transfer
        // note, the QR code and the signature side by side.
        if (p.Company.BankAccounts.Count > 0)
        {
            var accounts = new Table(
                new TableColumn(l.Bank, ColumnWidth.Fraction(1.2f)),
                new TableColumn(l.AccountNumber, ColumnWidth.Fraction(1f)),
                new TableColumn(l.AccountHolder, ColumnWidth.Fraction(1.5f))) { FontSize = Small, CellPaddingY = 1.5f };
            foreach (var account in p.Company.BankAccounts) accounts.AddRow(account.Bank, account.AccountNumber, account.AccountHolder);
            doc.Add(new Paragraph(l.PayTo, Small, bold: true), new Spacer(2), accounts, new Spacer(6));
        }
        var boxes = new List<Box> { new(new Paragraph(l.TransferNote, Tiny)) { Weight = 1.8f } };
        if (!string.IsNullOrWhiteSpace(p.QrUrl))
            boxes.Add(new Box(new QrCodeBlock(p.QrUrl, 72, TextAlign.Center), new Paragraph(l.ScanInvoice, 7, align: TextAlign.Center)) { Weight = 1 });
        else boxes.Add(new Box { Weight = 1 });
        var stamp = p.StampDuty
            ? new Box(new Paragraph(l.StampDuty, Tiny, align: TextAlign.Center)) { Border = true, Padding = 4, MinHeight = 36 }
            : (Block)new Spacer(38);
        boxes.Add(new Box(
            new Paragraph(l.Sincerely, Small, align: TextAlign.Center),
            new Paragraph(p.Company.LegalName, Small, bold: true, TextAlign.Center),
            new Spacer(4), stamp, new Spacer(4),
            new Paragraph("( ____________________ )", Small, align: TextAlign.Center)) { Weight = 1.2f });
        doc.Add(new Columns(12, [.. boxes]));
        return doc;
    }

    private static TableCell Figure(string text) => new(text, 2);
}
