using static Sidig.Infrastructure.Documents.Business.BusinessLayout;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>A delivered item: no prices on a surat jalan.</summary>
/// <param name="Remarks">Serial numbers, batch, packing ("2 koli"), printed in the remarks column.</param>
public sealed record DeliveryNotePrintLine(string Sku, string Name, decimal Quantity, string Unit, string? Remarks = null);

/// <summary>Everything a delivery note (surat jalan) prints.</summary>
public sealed record DeliveryNotePrint
{
    public required DocumentCompany Company { get; init; }
    public required DocumentCulture Culture { get; init; }
    public required string Number { get; init; }
    public required PrintDate Date { get; init; }
    public required string OrderNumber { get; init; }
    public required DocumentParty Sender { get; init; }
    public required DocumentParty Recipient { get; init; }
    public string? ShippingCompany { get; init; }
    public string? VehicleNumber { get; init; }
    public string? DriverName { get; init; }
    public string? TrackingNumber { get; init; }
    public required IReadOnlyList<DeliveryNotePrintLine> Lines { get; init; }
    public string? Notes { get; init; }

    /// <summary>The URL that opens this delivery note on the tenant's subdomain, printed as a QR code.</summary>
    public required string QrUrl { get; init; }
}

/// <summary>The delivery note (surat jalan) as a PDF, with the sender, driver and recipient signature boxes.</summary>
public static class DeliveryNotePdf
{
    public static byte[] Render(DeliveryNotePrint p) => PdfRenderer.Render(Build(p));

    public static string FileName(DeliveryNotePrint p) => BusinessLayout.FileName(p.Number);

    public static Document Build(DeliveryNotePrint p)
    {
        var c = p.Culture;
        var l = c.Labels;
        var doc = NewDocument(p.Company, c, l.DeliveryNoteTitle, p.Number);
        doc.Add(CompanyHeader(p.Company, c));
        doc.Add(Title(l.DeliveryNoteTitle, null), new Spacer(6));

        doc.Add(new Columns(12, Party(l.ShipFrom, p.Sender, c), Party(l.ShipTo, p.Recipient, c)));
        doc.Add(new Spacer(6));
        doc.Add(new Columns(12,
            Facts(
            [
                (l.DeliveryNoteNumber, p.Number),
                (l.Date, c.Date(p.Date)),
                (l.OrderNumber, p.OrderNumber),
            ], keyWidth: 78, weight: 1.3f),
            Facts(
            [
                (l.Carrier, Or(p.ShippingCompany)),
                (l.Vehicle, Or(p.VehicleNumber)),
                (l.Driver, Or(p.DriverName)),
                (l.Tracking, Or(p.TrackingNumber)),
            ], keyWidth: 66, weight: 1.3f),
            new Box(new QrCodeBlock(p.QrUrl, 72, TextAlign.Center), new Paragraph(l.ScanDeliveryNote, 6.5f, align: TextAlign.Center))
            { Weight = 0.8f }));
        doc.Add(new Spacer(8));

        var table = new Table(
            new TableColumn(l.No, ColumnWidth.Points(22), TextAlign.Right),
            new TableColumn(l.Code, ColumnWidth.Points(64)),
            new TableColumn(l.Item, ColumnWidth.Fraction(1.4f)),
            new TableColumn(l.Qty, ColumnWidth.Points(40), TextAlign.Right),
            new TableColumn(l.Unit, ColumnWidth.Points(34)),
            new TableColumn(l.Remarks, ColumnWidth.Fraction()));
        for (var i = 0; i < p.Lines.Count; i++)
        {
            var line = p.Lines[i];
            table.AddRow((i + 1).ToString(), line.Sku, line.Name, c.Quantity(line.Quantity), line.Unit, line.Remarks);
        }
        doc.Add(table);

        if (!string.IsNullOrWhiteSpace(p.Notes)) doc.Add(new Spacer(6), new Paragraph($"{l.Notes}: {p.Notes}", Small));
        doc.Add(new Spacer(6), new Paragraph(l.ReceivedInGoodOrder, Small), new Spacer(6));
        doc.Add(new Columns(10,
            SignatureBox(c, l.SenderSignature),
            SignatureBox(c, l.DriverSignature, p.DriverName),
            SignatureBox(c, l.RecipientSignature)));
        return doc;
    }

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
}
