using BenchmarkDotNet.Attributes;
using Sidig.Infrastructure.Documents;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Tests.Documents;

namespace Sidig.Bench.Documents;

/// <summary>
/// Drawing the real invoice (<see cref="InvoicePdf"/>: company header with logo, partner with NPWP/NITKU, n lines,
/// DPP / PPN / total, terbilang, bank accounts, QR code, signature, "Halaman x dari y") from its print model, as
/// a request for a PDF would once the domain has mapped the invoice. 200 lines against 20 shows whether table
/// layout stays linear.
/// </summary>
[MemoryDiagnoser]
public class InvoicePdfBenchmarks
{
    private InvoicePrint _twenty = null!, _twoHundred = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ = FontSet.Default;
        _twenty = BusinessSamples.Invoice(20);
        _twoHundred = BusinessSamples.Invoice(200);
    }

    [Benchmark(Baseline = true, Description = "InvoicePdf, 20 lines + QR (1 page)")]
    public byte[] Invoice20() => InvoicePdf.Render(_twenty);

    [Benchmark(Description = "InvoicePdf, 200 lines + QR (7 pages)")]
    public byte[] Invoice200() => InvoicePdf.Render(_twoHundred);

    [Benchmark(Description = "DeliveryNotePdf, 12 lines + QR (1 page)")]
    public byte[] DeliveryNote() => DeliveryNotePdf.Render(BusinessSamples.DeliveryNote());
}
