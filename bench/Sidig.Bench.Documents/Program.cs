using System.Diagnostics;
using BenchmarkDotNet.Running;
using Sidig.Bench.Documents;
using Sidig.Infrastructure.Documents;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Tests.Documents;

// "stopwatch [seconds]": a plain single-threaded loop, quick to run and easy to read as documents per second.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args.Length > 0 && args[0] == "stopwatch")
{
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var small = Measure(BusinessSamples.Invoice(20), seconds);
    var large = Measure(BusinessSamples.Invoice(200), seconds);
    foreach (var (name, r) in new[] { ("20-line invoice", small), ("200-line invoice", large) })
        Console.WriteLine($"{name,-17} wall {r.Mean,7:0.00} ms ({r.PerSecond,6:0.0}/s)   CPU {r.CpuMean,7:0.00} ms ({1000 / r.CpuMean,6:0.0}/s)   {r.Bytes / 1024.0:0} KiB");
    Console.WriteLine($"200 / 20 lines: {large.Mean / small.Mean:0.00}x wall time, {large.CpuMean / small.CpuMean:0.00}x CPU time");
    return;
}
// "write FILE [lines]": the invoice (InvoicePdf from the benchmark's print model) as a file, to look at.
if (args.Length > 1 && args[0] == "write")
{
    File.WriteAllBytes(args[1], InvoicePdf.Render(BusinessSamples.Invoice(args.Length > 2 ? int.Parse(args[2]) : 20)));
    return;
}
// "parts": CPU time of pieces of the work (empty page, QR, logo, table, layout alone), to see where time goes.
if (args.Length > 0 && args[0] == "parts")
{
    void Cpu(string name, Action a)
    {
        for (var i = 0; i < 10; i++) a();
        var p = Process.GetCurrentProcess(); var before = p.TotalProcessorTime; var n = 0; var w = Stopwatch.StartNew();
        while (w.Elapsed.TotalSeconds < 3) { a(); n++; }
        p.Refresh(); Console.WriteLine($"{name,-30} {(p.TotalProcessorTime - before).TotalMilliseconds / n,7:0.00} ms CPU");
    }
    Cpu("build model", () => SampleInvoice.Build(20));
    Cpu("empty page", () => PdfRenderer.Render(new Document().Add(new Paragraph("x"))));
    Cpu("one paragraph both faces", () => PdfRenderer.Render(new Document().Add(new Paragraph("Halo dunia 123"), new Paragraph("Halo", bold: true))));
    Cpu("qr only", () => PdfRenderer.Render(new Document().Add(new QrCodeBlock(SampleInvoice.QrUrl))));
    Cpu("logo only", () => PdfRenderer.Render(new Document().Add(new ImageBlock(SampleInvoice.Logo, 110, 36))));
    var t20 = new Table(new TableColumn("A", ColumnWidth.Fraction()), new TableColumn("B", ColumnWidth.Fraction()), new TableColumn("C", ColumnWidth.Fraction()), new TableColumn("D", ColumnWidth.Fraction()), new TableColumn("E", ColumnWidth.Fraction()), new TableColumn("F", ColumnWidth.Fraction()), new TableColumn("G", ColumnWidth.Fraction()));
    for (var i = 0; i < 20; i++) t20.AddRow("1", "SKU-0001", "Kipas angin berdiri", "2", "pcs", "162.500", "325.000");
    Cpu("table 20x7 only", () => PdfRenderer.Render(new Document().Add(t20)));
    Cpu("table 20x7 layout only", () => { using var c = new Sidig.Infrastructure.Documents.Layout.LayoutContext(FontSet.Default); PdfRenderer.Layout(new Document().Add(t20), c); });
    Cpu("table 20x7 layout+subset", () => { using var c = new Sidig.Infrastructure.Documents.Layout.LayoutContext(FontSet.Default); PdfRenderer.Layout(new Document().Add(t20), c); c.PrepareFontsForDrawing(); });
    Cpu("invoice layout+subset", () => { using var c = new Sidig.Infrastructure.Documents.Layout.LayoutContext(FontSet.Default); PdfRenderer.Layout(SampleInvoice.Build(20), c); c.PrepareFontsForDrawing(); });
    Cpu("full sample invoice", () => PdfRenderer.Render(SampleInvoice.Build(20)));
    var print = BusinessSamples.Invoice(20);
    Cpu("InvoicePdf build model", () => InvoicePdf.Build(print));
    Cpu("InvoicePdf layout+subset", () => { using var c = new Sidig.Infrastructure.Documents.Layout.LayoutContext(FontSet.Default); PdfRenderer.Layout(InvoicePdf.Build(print), c); c.PrepareFontsForDrawing(); });
    Cpu("InvoicePdf full", () => InvoicePdf.Render(print));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(InvoicePdfBenchmarks).Assembly).Run(args);

// Wall time and the process's CPU time: on a shared machine the core is not ours alone, and CPU time is what
// one core spends per document (all threads, GC included, since taskset keeps them all on that core).
static (double PerSecond, double Mean, double CpuMean, int Bytes) Measure(InvoicePrint invoice, double seconds)
{
    var bytes = 0;
    for (var i = 0; i < 20; i++) bytes = InvoicePdf.Render(invoice).Length; // warm-up and JIT
    var process = Process.GetCurrentProcess();
    var count = 0;
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        InvoicePdf.Render(invoice);
        count++;
    }
    var elapsed = watch.Elapsed.TotalMilliseconds;
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
    return (count / (elapsed / 1000), elapsed / count, cpu / count, bytes);
}
