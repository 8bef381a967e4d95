using Sidig.Infrastructure.Documents.Business;

namespace Sidig.Tests.Documents;

/// <summary>
/// Labels of serialised units for the label-sheet tests and the benchmark (bench/Sidig.Bench.Documents links this
/// file): realistic product names (some long), SKUs, serials and public URLs with random-looking codes.
/// </summary>
public static class LabelSamples
{
    public const string BaseUrl = "https://acme.sidig.id/u/";

    private static readonly (string Name, string? Sku)[] Products =
    [
        ("Kipas Angin Berdiri 16 inci", "KA-16"),
        ("Kulkas Dua Pintu 420 L Inverter, Silver", "KL-420S"),
        ("Mesin Cuci Front Loading 8 kg", "MC-8FL"),
        ("Rice Cooker Digital 1,8 L", "RC-18D"),
        ("Televisi LED 43 inci Smart TV Android, Garansi Panel 3 Tahun", "TV-43S"),
        ("Pompa Air", null),
    ];

    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary><paramref name="count"/> labels; the same ones for the same seed.</summary>
    public static List<LabelPrint> Units(int count, int seed = 5)
    {
        var random = new Random(seed);
        var labels = new List<LabelPrint>(count);
        for (var i = 1; i <= count; i++)
        {
            var (name, sku) = Products[(i - 1) % Products.Length];
            labels.Add(new LabelPrint(name, sku, Serial(i), Url(random)));
        }
        return labels;
    }

    public static string Serial(int i) => $"SN2612-{i:000000}";

    /// <summary>A public URL with a 10-character code, like the ones the unit batches get.</summary>
    public static string Url(Random random) =>
        BaseUrl + new string(Enumerable.Range(0, 10).Select(_ => CodeAlphabet[random.Next(CodeAlphabet.Length)]).ToArray());
}
