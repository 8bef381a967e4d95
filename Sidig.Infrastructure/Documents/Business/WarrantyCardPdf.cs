using static Sidig.Infrastructure.Documents.Business.BusinessLayout;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>Everything a warranty card (kartu garansi) prints.</summary>
public sealed record WarrantyCardPrint
{
    public required DocumentCompany Company { get; init; }
    public required string ProductName { get; init; }
    public required string Sku { get; init; }
    public required string Serial { get; init; }
    public required string OwnerName { get; init; }
    public required string OwnerPhone { get; init; }
    public required DateOnly PurchaseDate { get; init; }
    public required DateOnly RegisteredOn { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required int Months { get; init; }
    /// <summary>The policy's coverage text in Bahasa Indonesia, as written by the principal (may hold line breaks).</summary>
    public required string Coverage { get; init; }
    /// <summary>Where to take the unit for service: a service centre near the owner, or the principal itself.</summary>
    public required DocumentParty ServiceCentre { get; init; }
    /// <summary>The unit's scan page, printed as a QR code: service requests start there.</summary>
    public required string ScanUrl { get; init; }
}

/// <summary>
/// The warranty card of a registered unit, always in Bahasa Indonesia (the customer's card, whatever the tenant's
/// language): product, serial, owner, period, coverage, service centre and the QR code of the unit.
/// </summary>
public static class WarrantyCardPdf
{
    public const string CardTitle = "KARTU GARANSI";

    public static byte[] Render(WarrantyCardPrint p) => PdfRenderer.Render(Build(p));

    public static string FileName(WarrantyCardPrint p) => BusinessLayout.FileName("Kartu-Garansi-" + p.Serial);

    public static Document Build(WarrantyCardPrint p)
    {
        var c = DocumentCulture.For(DocumentCulture.Indonesian);
        var doc = NewDocument(p.Company, c, CardTitle, p.Serial);
        doc.Add(CompanyHeader(p.Company, c));
        doc.Add(Title(CardTitle, null), new Spacer(8));
        doc.Add(new Columns(12,
            Facts(
            [
                ("Produk", p.ProductName),
                ("Kode produk", p.Sku),
                ("Nomor seri", p.Serial),
                ("Pemilik", p.OwnerName),
                ("Telepon", p.OwnerPhone),
                ("Tanggal pembelian", c.Date(p.PurchaseDate)),
                ("Tanggal registrasi", c.Date(p.RegisteredOn)),
            ], keyWidth: 92, weight: 2),
            new Box(new QrCodeBlock(p.ScanUrl, 96, TextAlign.Center), new Paragraph("Pindai untuk cek garansi atau minta servis", 6.5f, align: TextAlign.Center))
            { Weight = 1 }));
        doc.Add(new Spacer(8));
        doc.Add(new Box(
            new Paragraph("Masa garansi", Small, bold: true),
            new Paragraph($"{p.Months} bulan: {c.Date(p.Start)} s.d. {c.Date(p.End)}", 12, bold: true))
        { Border = true, Padding = 6 });
        doc.Add(new Spacer(8));
        var coverage = new List<Block> { new Paragraph("Cakupan garansi", Small, bold: true) };
        coverage.AddRange(p.Coverage.Split('\n').Select(line => (Block)new Paragraph(line.TrimEnd('\r'), 9)));
        doc.Add(new Box([.. coverage]) { Border = true, Padding = 6 });
        doc.Add(new Spacer(8));
        doc.Add(Party("Pusat servis", p.ServiceCentre, c));
        doc.Add(new Spacer(8), new Paragraph(
            "Simpan kartu ini bersama bukti pembelian. Garansi tidak berlaku bila nomor seri atau label QR rusak atau dilepas.", Small));
        return doc;
    }
}
