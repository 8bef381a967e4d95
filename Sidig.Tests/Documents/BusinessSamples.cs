using Sidig.Infrastructure.Documents.Business;

namespace Sidig.Tests.Documents;

/// <summary>
/// Print models for the business-document tests and the benchmark (bench/Sidig.Bench.Documents links this file).
/// The figures are computed here the simple way (DPP 11/12, PPN 12 %, luxury goods on the full price) only so that
/// the documents carry consistent numbers; the real computation belongs to the domain.
/// </summary>
public static class BusinessSamples
{
    public const string InvoiceNumber = "INV/2026/12/0001";
    public const string InvoiceUrl = "https://acme.sidig.id/d/inv/7Q2K9XWM4B";
    public const string DeliveryNoteNumber = "SJ/2026/12/0007";
    public const string DeliveryNoteUrl = "https://acme.sidig.id/delivery-notes/3f6c1a9e-58b2-4d0e-9a51-2b7d04c1e8aa";
    public const string PartnerNpwp = "0027894561230000";
    public const string PartnerNitku = "0027894561230000000001";

    /// <summary>1 Dec 2026 00:30 in Jakarta (UTC+7), still 30 Nov in UTC.</summary>
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 30, 17, 30, 0, TimeSpan.Zero);

    public static DocumentCulture Id => DocumentCulture.For("id-ID", "Asia/Jakarta");
    public static DocumentCulture En => DocumentCulture.For("en-US", "Asia/Jakarta");

    public static DocumentCompany Company(bool logo = true) => new(
        "PT Acme Elektronik Indonesia",
        ["Jl. Industri Raya No. 12, Kawasan MM2100", "Cikarang Barat, Bekasi 17530"],
        Npwp: "0013456789012000", Phone: "(021) 8998 1234", Email: "finance@acme.co.id",
        Logo: logo ? SampleInvoice.Logo : null)
    {
        BankAccounts =
        [
            new("Bank Central Asia (BCA)", "123 456 7890", "PT Acme Elektronik Indonesia"),
            new("Bank Mandiri", "137-00-1234567-8", "PT Acme Elektronik Indonesia"),
        ],
    };

    public static DocumentParty Partner => new(
        "CV Sinar Jaya Distribusi",
        ["Jl. Gajah Mada No. 88, Semarang Tengah", "Kota Semarang, Jawa Tengah 50134"],
        Npwp: PartnerNpwp, Nitku: PartnerNitku, Phone: "0812 2345 6789") { Reference = "DIST-SMG" };

    public static IReadOnlyList<InvoicePrintLine> InvoiceLines(int count, bool withLuxury = false) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var qty = i % 3 + 1;
            var price = 150_000m + i * 12_500m;
            var discount = i % 5 == 0 ? qty * price / 10 : 0;
            return new InvoicePrintLine(
                $"SKU-{i:0000}",
                i % 7 == 0 ? $"Kulkas dua pintu 420 liter inverter, warna silver, garansi kompresor 10 tahun (seri {i})" : $"Kipas angin berdiri 16 inci seri {i}",
                qty, i % 2 == 0 ? "unit" : "pcs", price, discount, qty * price - discount,
                TaxedOnFullPrice: withLuxury && i % 4 == 0);
        }).ToList();

    public static InvoicePrint Invoice(int lines = 20, DocumentCulture? culture = null, bool qr = true, bool withLuxury = false)
    {
        var items = InvoiceLines(lines, withLuxury);
        var regular = items.Where(l => !l.TaxedOnFullPrice).Sum(l => l.Amount);
        var luxury = items.Where(l => l.TaxedOnFullPrice).Sum(l => l.Amount);
        var taxes = new List<DocumentTax>();
        if (regular > 0)
        {
            var dpp = decimal.Round(regular * 11m / 12m, 0, MidpointRounding.AwayFromZero);
            taxes.Add(new DocumentTax("DPP 11/12", dpp, 0.12m, decimal.Round(dpp * 0.12m, 0, MidpointRounding.AwayFromZero)));
        }
        if (luxury > 0)
            taxes.Add(new DocumentTax("DPP 100% (barang mewah)", luxury, 0.12m, decimal.Round(luxury * 0.12m, 0, MidpointRounding.AwayFromZero)));
        var subtotal = items.Sum(l => l.Amount);
        return new InvoicePrint
        {
            Company = Company(),
            Culture = culture ?? Id,
            Number = InvoiceNumber,
            IssueDate = IssuedAt,
            DueDate = new DateOnly(2026, 12, 31),
            OrderNumbers = ["SO/2026/11/0042"],
            DeliveryNoteNumbers = ["SJ/2026/11/0101", "SJ/2026/11/0102"],
            Partner = Partner,
            Lines = items,
            Subtotal = subtotal,
            Taxes = taxes,
            Total = subtotal + taxes.Sum(t => t.Amount),
            QrUrl = qr ? InvoiceUrl : null,
        };
    }

    public static DeliveryNotePrint DeliveryNote(int lines = 12, DocumentCulture? culture = null) => new()
    {
        Company = Company(),
        Culture = culture ?? Id,
        Number = DeliveryNoteNumber,
        Date = IssuedAt,
        OrderNumber = "SO/2026/11/0042",
        Sender = new DocumentParty("PT Acme — Gudang Cikarang",
            ["Jl. Industri Raya Blok C-7, MM2100", "Cikarang Barat, Bekasi 17530"], Phone: "(021) 8998 1299"),
        Recipient = Partner,
        ShippingCompany = "PT Lintas Cepat Logistik",
        VehicleNumber = "B 9123 KXT",
        DriverName = "Slamet Riyadi",
        TrackingNumber = "LCL-88120045",
        Lines = Enumerable.Range(1, lines).Select(i => new DeliveryNotePrintLine(
            $"SKU-{i:0000}", $"Kipas angin berdiri 16 inci seri {i}", i % 4 + 1, i % 2 == 0 ? "unit" : "dus",
            i % 3 == 0 ? $"SN {i:000}001–{i:000}00{i % 4 + 1}" : null)).ToList(),
        Notes = "Bongkar di gudang belakang, pintu 3.",
        QrUrl = DeliveryNoteUrl,
    };

    public static CreditNotePrint CreditNote(DocumentCulture? culture = null)
    {
        var lines = new List<CreditNotePrintLine>
        {
            new("SKU-0003", "Kipas angin berdiri 16 inci seri 3", 2, "pcs", 187_500, 375_000),
            new("SKU-0007", "Kulkas dua pintu 420 liter inverter", 1, "unit", 4_250_000, 4_250_000),
        };
        var subtotal = lines.Sum(l => l.Amount); // 4.625.000
        var dpp = decimal.Round(subtotal * 11m / 12m, 0, MidpointRounding.AwayFromZero); // 4.239.583
        var ppn = decimal.Round(dpp * 0.12m, 0, MidpointRounding.AwayFromZero); // 508.750
        return new CreditNotePrint
        {
            Company = Company(),
            Culture = culture ?? Id,
            Number = "CN/2026/12/0003",
            Date = new DateOnly(2026, 12, 14),
            Partner = Partner,
            InvoiceNumber = InvoiceNumber,
            InvoiceDate = IssuedAt,
            Reason = "Retur barang rusak saat pengiriman (RMA/2026/12/0005)",
            Lines = lines,
            Subtotal = subtotal,
            Taxes = [new DocumentTax("DPP 11/12", dpp, 0.12m, ppn)],
            Total = subtotal + ppn,
        };
    }

    public static StatementPrint Statement(DocumentCulture? culture = null, int extraRows = 0) => new()
    {
        Company = Company(),
        Culture = culture ?? Id,
        Number = "SOA/DIST-SMG/2026-11",
        Partner = Partner,
        PeriodFrom = new DateOnly(2026, 11, 1),
        PeriodTo = new DateOnly(2026, 11, 30),
        StatementDate = new DateOnly(2026, 12, 1),
        OpeningBalance = 5_000_000,
        Rows =
        [
            new(new DateOnly(2026, 11, 3), StatementEntryKind.Invoice, "INV/2026/11/0010", "SO/2026/10/0031", 2_000_000, 0),
            new(new DateOnly(2026, 11, 10), StatementEntryKind.Payment, "PAY/2026/11/0004", "Transfer BCA", 0, 3_000_000),
            new(new DateOnly(2026, 11, 20), StatementEntryKind.CreditNote, "CN/2026/11/0002", "Retur 1 unit", 0, 500_000),
            .. Enumerable.Range(1, extraRows).Select(i =>
                new StatementPrintRow(new DateOnly(2026, 11, 21), StatementEntryKind.Invoice, $"INV/2026/11/{100 + i:0000}", null, 100_000, 0)),
        ],
        Aging = new StatementAging(1_250_000, 750_000, 500_000, 600_000, 400_000 + extraRows * 100_000m),
    };
}
