using Sidig.Domain.Common;
using Sidig.Infrastructure.Documents;
using SkiaSharp;

namespace Sidig.Tests.Documents;

/// <summary>
/// An invoice-like document for tests and the benchmark (bench/Sidig.Bench.Documents links this file): logo,
/// company header, partner with NPWP, n lines, DPP / PPN 12 % on an 11/12 base / total, terbilang, bank
/// details, a QR code and "Halaman x dari y". No business entities: the real InvoicePdf comes with invoicing.
/// </summary>
public static class SampleInvoice
{
    public const string Title = "FAKTUR PENJUALAN";
    public const string Number = "INV/2026/12/0001";
    public const string QrUrl = "https://acme.sidig.id/d/inv/7Q2K9XWM4B";
    public const decimal PpnRate = 0.12m;

    public static readonly byte[] Logo = MakeLogo();

    public sealed record Line(string Sku, string Name, decimal Quantity, string Unit, decimal Price)
    {
        public decimal Amount => Quantity * Price;
    }

    public static IReadOnlyList<Line> Lines(int count) =>
        Enumerable.Range(1, count).Select(i => new Line(
            $"SKU-{i:0000}",
            i % 7 == 0 ? $"Kulkas dua pintu 420 liter inverter, warna silver, garansi kompresor 10 tahun (seri {i})" : $"Kipas angin berdiri 16 inci seri {i}",
            i % 3 + 1, i % 2 == 0 ? "unit" : "pcs", 150_000m + i * 12_500m)).ToList();

    /// <summary>Subtotal, DPP (11/12 of it), PPN (12 % of DPP, whole rupiah) and total for the lines.</summary>
    public static (decimal Subtotal, decimal Dpp, decimal Ppn, decimal Total) Totals(IEnumerable<Line> lines)
    {
        var subtotal = lines.Sum(l => l.Amount);
        var dpp = decimal.Round(subtotal * 11m / 12m, 0, MidpointRounding.AwayFromZero);
        var ppn = decimal.Round(dpp * PpnRate, 0, MidpointRounding.AwayFromZero);
        return (subtotal, dpp, ppn, subtotal + ppn);
    }

    public static Document Build(int lineCount = 20)
    {
        var lines = Lines(lineCount);
        var (subtotal, dpp, ppn, total) = Totals(lines);

        var table = new Table(
            new TableColumn("No", ColumnWidth.Points(22), TextAlign.Right),
            new TableColumn("Kode", ColumnWidth.Points(52)),
            new TableColumn("Nama barang", ColumnWidth.Fraction()),
            new TableColumn("Qty", ColumnWidth.Points(30), TextAlign.Right),
            new TableColumn("Sat.", ColumnWidth.Points(30)),
            new TableColumn("Harga (Rp)", ColumnWidth.Points(62), TextAlign.Right),
            new TableColumn("Jumlah (Rp)", ColumnWidth.Points(68), TextAlign.Right));
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            table.AddRow((i + 1).ToString(), l.Sku, l.Name, l.Quantity.ToString("0.##"), l.Unit, Idr.Number(l.Price), Idr.Number(l.Amount));
        }
        table.AddFooterRow(new TableCell("Subtotal", 6, TextAlign.Right), Idr.Number(subtotal));
        table.AddFooterRow(new TableCell("DPP (11/12 × subtotal)", 6, TextAlign.Right), Idr.Number(dpp));
        table.AddFooterRow(new TableCell("PPN 12% × DPP", 6, TextAlign.Right), Idr.Number(ppn));
        table.AddFooterRow(new TableCell("Total", 6, TextAlign.Right, Bold: true), new TableCell(Idr.Number(total), Bold: true));

        return new Document
        {
            Title = $"{Title} {Number}",
            Author = "PT Acme Elektronik Indonesia",
            Header = page => page.Number == 1
                ? new Stack()
                : new Paragraph($"{Title} {Number} (lanjutan)", 8, align: TextAlign.Right),
            Footer = page => new Stack(
                new HorizontalRule(0.5f, 2),
                new Paragraph($"Halaman {page.Number} dari {page.Count}", 8, align: TextAlign.Center)),
        }.Add(
            new Columns(12,
                new Box(new ImageBlock(Logo, 110, 36)) { Weight = 1 },
                new Box(
                    new Paragraph("PT Acme Elektronik Indonesia", 12, bold: true, TextAlign.Right),
                    new Paragraph("Jl. Industri Raya No. 12, Kawasan MM2100, Cikarang Barat, Bekasi 17530", 8, align: TextAlign.Right),
                    new Paragraph("NPWP 0013.4567.8901.2000 · Telp. (021) 8998 1234", 8, align: TextAlign.Right)) { Weight = 2 }),
            new HorizontalRule(1, 6),
            new Paragraph(Title, 14, bold: true, TextAlign.Center),
            new Spacer(6),
            new Columns(12,
                new Box(
                    new Paragraph("Kepada", 8, bold: true),
                    new Paragraph("CV Sinar Jaya Distribusi", 9, bold: true),
                    new Paragraph("Jl. Gajah Mada No. 88, Semarang Tengah, Kota Semarang, Jawa Tengah 50134", 8),
                    new Paragraph("NPWP " + Npwp.Format("0027894561230000"), 8)) { Border = true, Padding = 5 },
                new Box(new KeyValueRows(70)
                {
                    { "No. Faktur", Number },
                    { "Tanggal", "1 Des 2026" },
                    { "Jatuh tempo", "31 Des 2026" },
                    { "No. SO", "SO/2026/11/0042" },
                }) { Border = true, Padding = 5 }),
            new Spacer(8),
            table,
            new Spacer(6),
            new Paragraph("Terbilang: " + Terbilang.Rupiah(total), 8.5f, bold: true),
            new Spacer(8),
            new Columns(12,
                new Box(
                    new Paragraph("Pembayaran ke", 8, bold: true),
                    new KeyValueRows(60)
                    {
                        { "Bank", "Bank Central Asia (BCA)" },
                        { "No. rekening", "123 456 7890" },
                        { "Atas nama", "PT Acme Elektronik Indonesia" },
                    },
                    new Spacer(4),
                    new Paragraph("Cantumkan nomor faktur pada berita transfer.", 7.5f)) { Weight = 2 },
                new Box(
                    new QrCodeBlock(QrUrl, 72, TextAlign.Right),
                    new Paragraph("Pindai untuk melihat faktur", 7, align: TextAlign.Right)) { Weight = 1 }));
    }

    private static byte[] MakeLogo()
    {
        using var surface = SKSurface.Create(new SKImageInfo(330, 108));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { Color = new SKColor(0x1F, 0x4E, 0x79), IsAntialias = true };
        canvas.DrawRoundRect(4, 4, 100, 100, 18, 18, fill);
        using var font = new SKFont(FontSet.Default.Bold, 56);
        canvas.DrawText("ACME", 118, 76, SKTextAlign.Left, font, fill);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
