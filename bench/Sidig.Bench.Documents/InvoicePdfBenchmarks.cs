using BenchmarkDotNet.Attributes;
using Sidig.Infrastructure.Documents;
using Sidig.Tests.Documents;

namespace Sidig.Bench.Documents;

/// <summary>
/// Building and drawing a whole invoice (document model, QR encoding, layout, PDF with embedded font subsets
/// and logo), as a request for a PDF would. 200 lines against 20 shows whether table layout stays linear.
/// </summary>
[MemoryDiagnoser]
public class InvoicePdfBenchmarks
{
    [GlobalSetup]
    public void WarmFonts() => _ = FontSet.Default;

    [Benchmark(Baseline = true, Description = "Invoice, 20 lines + QR (1 page)")]
    public byte[] Invoice20() => PdfRenderer.Render(SampleInvoice.Build(20));

    [Benchmark(Description = "Invoice, 200 lines + QR (7 pages)")]
    public byte[] Invoice200() => PdfRenderer.Render(SampleInvoice.Build(200));
}
