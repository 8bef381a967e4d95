using System.Diagnostics;
using BenchmarkDotNet.Running;
using Sidig.Bench.Documents;
using Sidig.Infrastructure.Documents;
using Sidig.Tests.Documents;

// "stopwatch [seconds]": a plain single-threaded loop, quick to run and easy to read as documents per second.
// Anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args.Length > 0 && args[0] == "stopwatch")
{
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var small = Measure(20, seconds);
    var large = Measure(200, seconds);
    Console.WriteLine($"20-line invoice:  {small.PerSecond,7:0.0} documents/s  ({small.Mean,6:0.00} ms each, {small.Bytes / 1024.0:0} KiB)");
    Console.WriteLine($"200-line invoice: {large.PerSecond,7:0.0} documents/s  ({large.Mean,6:0.00} ms each, {large.Bytes / 1024.0:0} KiB)");
    Console.WriteLine($"200 / 20 lines: {large.Mean / small.Mean:0.00}x the time");
    return;
}
// "write FILE [lines]": the sample invoice as a file, to look at.
if (args.Length > 1 && args[0] == "write")
{
    File.WriteAllBytes(args[1], PdfRenderer.Render(SampleInvoice.Build(args.Length > 2 ? int.Parse(args[2]) : 20)));
    foreach (var p in typeof(SkiaSharp.SKDocumentPdfMetadata).GetProperties()) Console.WriteLine($"{p.Name}: {p.PropertyType}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(InvoicePdfBenchmarks).Assembly).Run(args);

static (double PerSecond, double Mean, int Bytes) Measure(int lines, double seconds)
{
    var bytes = 0;
    for (var i = 0; i < 20; i++) bytes = PdfRenderer.Render(SampleInvoice.Build(lines)).Length; // warm-up and JIT
    var count = 0;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        PdfRenderer.Render(SampleInvoice.Build(lines));
        count++;
    }
    var elapsed = watch.Elapsed.TotalMilliseconds;
    return (count / (elapsed / 1000), elapsed / count, bytes);
}
