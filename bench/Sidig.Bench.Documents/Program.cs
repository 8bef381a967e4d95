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
// "labelfile FILE LAYOUT COUNT [SEED]": a label PDF to look at.
if (args.Length > 0 && args[0] == "labelfile")
{
    var layout = LabelLayout.Preset(args[2]) ?? throw new ArgumentException("unknown layout");
    File.WriteAllBytes(args[1], LabelSheetPdf.Render(LabelSamples.Units(int.Parse(args[3]), args.Length > 4 ? int.Parse(args[4]) : 5), layout));
    return;
}
// "labelparts": CPU time per label of the pieces of a label run (QR encoding, the whole render, text only).
if (args.Length > 0 && args[0] == "labelparts")
{
    var labels = LabelSamples.Units(1_200);
    void Cpu(string name, Action a)
    {
        a();
        var p = Process.GetCurrentProcess(); var before = p.TotalProcessorTime; var n = 0; var w = Stopwatch.StartNew();
        while (w.Elapsed.TotalSeconds < 3) { a(); n++; }
        p.Refresh(); Console.WriteLine($"{name,-36} {(p.TotalProcessorTime - before).TotalMilliseconds * 1000 / n / labels.Count,7:0} µs CPU per label");
    }
    Cpu("QRCoder encode only", () => { foreach (var l in labels) QRCoder.QRCodeGenerator.GenerateQrCode(l.Url, QRCoder.QRCodeGenerator.ECCLevel.M).Dispose(); });
    Cpu("QR encode + rectangles into a path", () => { using var path = new SkiaSharp.SKPath(); foreach (var l in labels) { path.Reset(); Sidig.Infrastructure.Documents.QrModules.AddTo(path, l.Url, QrErrorCorrection.M); } });
    var paths = labels.Select(l => { var path = new SkiaSharp.SKPath(); Sidig.Infrastructure.Documents.QrModules.AddTo(path, l.Url, QrErrorCorrection.M); return path; }).ToList();
    using var black = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black, IsAntialias = true };
    Cpu("Skia PDF: draw prebuilt QR paths only", () =>
    {
        using var pdf = SkiaSharp.SKDocument.CreatePdf(Stream.Null);
        for (var i = 0; i < paths.Count; i += 24)
        {
            var canvas = pdf.BeginPage(595, 842);
            for (var j = i; j < Math.Min(i + 24, paths.Count); j++)
            {
                canvas.Save(); canvas.Translate(20 + j % 3 * 190, 20 + (j / 3) % 8 * 100); canvas.Scale(2.5f); canvas.DrawPath(paths[j], black); canvas.Restore();
            }
            pdf.EndPage();
        }
        pdf.Close();
    });
    Cpu("render A4 3x8 to a null stream", () => LabelSheetPdf.Render(labels, LabelLayout.A4_3x8, Stream.Null));
    Cpu("render single 50x30 to a null stream", () => LabelSheetPdf.Render(labels, LabelLayout.Single50x30, Stream.Null));
    return;
}
// "labels [count] [file] [layout]": one large label run (LabelSheetPdf, default 10,000 labels on A4 3 x 8) streamed to a
// file, with wall and CPU time, the process's peak working set and what the GC saw (issue 5: <= 30 s, <= 300 MB).
if (args.Length > 0 && args[0] == "labels")
{
    var count = args.Length > 1 ? int.Parse(args[1]) : 10_000;
    var file = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "sidig-labels.pdf");
    var layout = LabelLayout.Preset(args.Length > 3 ? args[3] : "a4-3x8")
                 ?? throw new ArgumentException($"Unknown layout; presets: {string.Join(", ", LabelLayout.Presets.Select(p => p.Key))}");
    LabelSheetPdf.Render(LabelSamples.Units(2 * layout.LabelsPerPage, seed: 1), layout); // warm-up: JIT, fonts, subset
    var labels = LabelSamples.Units(count);
    GC.Collect();
    var process = Process.GetCurrentProcess();
    var (allocated, gen0, gen1, gen2) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    long maxHeap = 0, maxWorkingSet = 0, firstPageWorkingSet = 0;
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    using (var output = File.Create(file))
        LabelSheetPdf.Render(labels, layout, output, "Label bench", new SyncProgress(done =>
        {
            // Sampled after every page: the working set should not grow with the pages written.
            process.Refresh();
            maxWorkingSet = Math.Max(maxWorkingSet, process.WorkingSet64);
            if (firstPageWorkingSet == 0) firstPageWorkingSet = process.WorkingSet64;
            maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
        }));
    var elapsed = watch.Elapsed;
    process.Refresh();
    var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
    const double MiB = 1024 * 1024;
    Console.WriteLine($"{count:N0} labels, layout {layout.Key} ({layout.LabelsPerPage}/page), {layout.PageCount(count):N0} pages -> {file} ({new FileInfo(file).Length / MiB:0.0} MiB)");
    Console.WriteLine($"wall {elapsed.TotalSeconds:0.00} s ({count / elapsed.TotalSeconds:N0} labels/s), CPU {cpuMs / 1000:0.00} s ({cpuMs * 1000 / count:0} µs/label)");
    Console.WriteLine($"peak working set {process.PeakWorkingSet64 / MiB:0} MiB (process lifetime); working set after page 1 {firstPageWorkingSet / MiB:0} MiB, max during run {maxWorkingSet / MiB:0} MiB");
    Console.WriteLine($"GC: {(GC.GetTotalAllocatedBytes() - allocated) / MiB:0} MiB allocated, max managed heap {maxHeap / MiB:0.0} MiB, collections gen0 {GC.CollectionCount(0) - gen0} / gen1 {GC.CollectionCount(1) - gen1} / gen2 {GC.CollectionCount(2) - gen2}");
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

/// <summary>Reports on the rendering thread (Progress&lt;T&gt; would post to the thread pool).</summary>
sealed class SyncProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
