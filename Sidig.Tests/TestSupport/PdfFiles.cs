using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Sidig.Tests.TestSupport;

/// <summary>Reads rendered PDFs back the way a reader would: text with PdfPig, pixels with poppler, QR codes with zbar.</summary>
public static class PdfFiles
{
    /// <summary>The words of each page, joined by single spaces, in reading order as PdfPig finds them.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Text).ToList();
    }

    public static string Text(Page page) => string.Join(' ', page.GetWords().Select(w => w.Text));

    public static T Read<T>(byte[] pdf, Func<PdfDocument, T> read)
    {
        using var document = PdfDocument.Open(pdf);
        return read(document);
    }

    /// <summary>Page <paramref name="page"/> (1-based) as PNG bytes at <paramref name="dpi"/>, drawn by pdftoppm.</summary>
    public static byte[] RenderPng(byte[] pdf, int page = 1, int dpi = 150)
    {
        var dir = Directory.CreateTempSubdirectory("sidig-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            Run("pdftoppm", $"-r {dpi} -png -f {page} -l {page} -singlefile {input} {Path.Combine(dir.FullName, "page")}");
            return File.ReadAllBytes(Path.Combine(dir.FullName, "page.png"));
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>What zbarimg reads from the QR codes in an image, one line per code.</summary>
    public static string[] DecodeQrCodes(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sidig-qr-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(file, png);
        try
        {
            return Run("zbarimg", $"--raw -q -Sdisable -Sqrcode.enable {file}", allowExit: [4])
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally { File.Delete(file); }
    }

    /// <summary>
    /// What zbarimg reads in each region of an image, one array per region (empty where it finds no code): every
    /// label of a sheet on its own, as a phone scans it. zbar's detector misses codes when dozens of them stand in
    /// a grid on one image, so a sheet is decoded cell by cell, in one zbarimg run.
    /// </summary>
    public static string[][] DecodeQrCodes(byte[] png, IReadOnlyList<SkiaSharp.SKRectI> regions)
    {
        var dir = Directory.CreateTempSubdirectory("sidig-qr-");
        try
        {
            using var image = SkiaSharp.SKBitmap.Decode(png) ?? throw new ArgumentException("Not a PNG", nameof(png));
            var files = new List<string>();
            for (var i = 0; i < regions.Count; i++)
            {
                using var crop = new SkiaSharp.SKBitmap();
                if (!image.ExtractSubset(crop, regions[i])) throw new ArgumentException($"Region {regions[i]} is outside the image.");
                var file = Path.Combine(dir.FullName, $"{i}.png");
                using (var stream = File.Create(file)) crop.Encode(stream, SkiaSharp.SKEncodedImageFormat.Png, 100);
                files.Add(file);
            }
            var xml = System.Xml.Linq.XDocument.Parse(Run("zbarimg", $"--xml -q -Sdisable -Sqrcode.enable {string.Join(' ', files)}", allowExit: [4]));
            System.Xml.Linq.XNamespace ns = "http://zbar.sourceforge.net/2008/barcode";
            var found = xml.Descendants(ns + "source").ToDictionary(
                s => (string)s.Attribute("href")!,
                s => s.Descendants(ns + "data").Select(d => d.Value).ToArray());
            return files.Select(f => found.GetValueOrDefault(f, [])).ToArray();
        }
        finally { dir.Delete(recursive: true); }
    }

    private static string Run(string tool, string arguments, int[]? allowExit = null)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{tool} did not start (test.sh installs it)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException($"{tool} {arguments}"); }
        // zbarimg exits 4 when it found no code: the caller then sees an empty result, not an exception.
        if (process.ExitCode != 0 && !(allowExit ?? []).Contains(process.ExitCode))
            throw new InvalidOperationException($"{tool} {arguments} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
