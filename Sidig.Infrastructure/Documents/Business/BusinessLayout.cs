using Sidig.Domain.Common;
using SkiaSharp;

namespace Sidig.Infrastructure.Documents.Business;

/// <summary>The parts every business document shares: company header, title, party boxes, page chrome, signatures.</summary>
internal static class BusinessLayout
{
    public const float Small = 8;
    public const float Tiny = 7.5f;
    private static readonly SKColor Muted = new(0x44, 0x48, 0x50);

    /// <summary>
    /// A4 with the legal name, title and number on continuation pages and "Halaman x dari y" in every footer.
    /// The full company header is the first thing in the body (page 1 only).
    /// </summary>
    public static Document NewDocument(DocumentCompany company, DocumentCulture culture, string title, string number)
    {
        var l = culture.Labels;
        return new Document
        {
            // 12 mm above and below, 15 mm at the sides: a 20-line invoice with bank details and QR code stays on one page.
            Margins = new Margins(Units.Mm(12), Units.Mm(15), Units.Mm(12), Units.Mm(15)),
            Title = $"{title} {number}",
            Author = company.LegalName,
            Subject = title,
            Header = page => page.Number == 1
                ? new Stack()
                : new Paragraph($"{company.LegalName} · {title} {number} ({l.Continued})", Small, align: TextAlign.Right) { Color = Muted },
            Footer = page => new Stack(
                new HorizontalRule(0.5f, 2),
                new Columns(12,
                    new Box(new Paragraph($"{title} {number}", Tiny) { Color = Muted }) { Weight = 2 },
                    new Box(new Paragraph(string.Format(l.PageOf, page.Number, page.Count), Tiny, align: TextAlign.Right)) { Weight = 1 })),
        };
    }

    /// <summary>Logo on the left (when given), legal name, address, NPWP and contacts on the right, a rule below.</summary>
    public static Block[] CompanyHeader(DocumentCompany c, DocumentCulture culture)
    {
        var l = culture.Labels;
        var legal = new List<Block> { new Paragraph(c.LegalName, 12, bold: true, TextAlign.Right) };
        foreach (var line in c.AddressLines) legal.Add(new Paragraph(line, Small, align: TextAlign.Right));
        var contacts = Join(" · ",
            c.Npwp is { Length: > 0 } npwp ? "NPWP " + Npwp.Format(npwp) : null,
            c.Phone is { Length: > 0 } phone ? $"{l.Phone} {phone}" : null,
            c.Email, c.Website);
        if (contacts.Length > 0) legal.Add(new Paragraph(contacts, Small, align: TextAlign.Right));
        Block top = c.Logo is { Length: > 0 } logo
            ? new Columns(12, new Box(new ImageBlock(logo, 110, 36)) { Weight = 1 }, new Box([.. legal]) { Weight = 2 })
            : new Stack([.. legal]);
        return [top, new HorizontalRule(1, 6)];
    }

    /// <summary>The document's title centred, with a status stamp (LUNAS, PAID, BATAL) on the right when given.</summary>
    public static Block Title(string title, string? status)
    {
        var heading = new Paragraph(title, 14, bold: true, TextAlign.Center);
        if (string.IsNullOrWhiteSpace(status)) return heading;
        return new Columns(12,
            new Box { Weight = 1 },
            new Box(heading) { Weight = 2 },
            new Box(new Box(new Paragraph(status.ToUpperInvariant(), 12, bold: true, TextAlign.Center) { Color = new SKColor(0x1B, 0x7F, 0x3B) })
            { Border = true, Padding = 3, BorderColor = new SKColor(0x1B, 0x7F, 0x3B) }) { Weight = 1 });
    }

    /// <summary>A bordered box: label, name, address, NPWP / NITKU and phone of a party.</summary>
    public static Box Party(string label, DocumentParty p, DocumentCulture culture, float weight = 1)
    {
        var blocks = new List<Block>
        {
            new Paragraph(label, Small, bold: true) { Color = Muted },
            new Paragraph(p.Name, 9, bold: true),
        };
        if (!string.IsNullOrWhiteSpace(p.Reference)) blocks.Add(new Paragraph(p.Reference, Small));
        foreach (var line in p.AddressLines) blocks.Add(new Paragraph(line, Small));
        if (!string.IsNullOrWhiteSpace(p.Npwp)) blocks.Add(new Paragraph("NPWP " + Npwp.Format(Npwp.Digits(p.Npwp) is { Length: 16 } d ? d : p.Npwp), Small));
        if (!string.IsNullOrWhiteSpace(p.Nitku)) blocks.Add(new Paragraph("NITKU " + p.Nitku, Small));
        if (!string.IsNullOrWhiteSpace(p.Phone)) blocks.Add(new Paragraph($"{culture.Labels.Phone} {p.Phone}", Small));
        return new Box([.. blocks]) { Border = true, Padding = 5, Weight = weight };
    }

    /// <summary>Label : value rows in a bordered box (number, dates, references).</summary>
    public static Box Facts(IEnumerable<(string Key, string? Value)> pairs, float keyWidth = 80, float weight = 1)
    {
        var rows = new KeyValueRows(keyWidth) { Size = Small };
        foreach (var (key, value) in pairs) rows.Add(key, value);
        return new Box(rows) { Border = true, Padding = 5, Weight = weight };
    }

    /// <summary>"Terbilang: satu juta lima ratus ribu rupiah" — always Indonesian, whatever the labels' language.</summary>
    public static Paragraph AmountInWords(DocumentCulture culture, decimal amount) =>
        new($"{culture.Labels.AmountInWords}: {Terbilang.Rupiah(amount)}", 8.5f, bold: true);

    /// <summary>A signature box: heading, room to sign, then name and date lines.</summary>
    public static Box SignatureBox(DocumentCulture culture, string heading, string? name = null, Block? extra = null)
    {
        var l = culture.Labels;
        var blocks = new List<Block> { new Paragraph(heading, Small, bold: true, TextAlign.Center) };
        if (extra is not null) blocks.Add(extra);
        else blocks.Add(new Spacer(38));
        blocks.Add(new Spacer(4));
        blocks.Add(new Paragraph($"{l.Name}: {name ?? "____________________"}", Small));
        blocks.Add(new Paragraph($"{l.Date}: ____________________", Small));
        return new Box([.. blocks]) { Border = true, Padding = 5, MinHeight = 92 };
    }

    /// <summary>An empty rule to write on, for a field that has no value yet (e.g. the faktur pajak number).</summary>
    public const string BlankLine = "______________________";

    public static string Join(string separator, params string?[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>A download name for a document number: "INV/2026/12/0001" → "INV-2026-12-0001.pdf".</summary>
    public static string FileName(string number)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(number.Select(c => c is '/' or '\\' || invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c).ToArray()) + ".pdf";
    }
}
