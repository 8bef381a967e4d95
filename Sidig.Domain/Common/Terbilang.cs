namespace Sidig.Domain.Common;

/// <summary>
/// Amounts in words in Indonesian (terbilang), as printed on invoices and receipts:
/// 1.500.000 → "satu juta lima ratus ribu rupiah". Lower case; a document may capitalise it.
/// </summary>
/// <remarks>
/// IDR invoices are whole rupiah, so <see cref="Rupiah"/> rounds half up (half away from zero) to whole rupiah
/// and never spells sen. Negative amounts read "minus …" (a credit balance), the largest amount is
/// 999 triliun … (below 10^15), far above any invoice; larger ones are refused rather than misread.
/// Forms follow KBBI: "se-" for one hundred and one thousand (seratus, seribu) but "satu juta", "satu miliar".
/// </remarks>
public static class Terbilang
{
    public const long Max = 999_999_999_999_999;

    private static readonly string[] Ones =
        ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

    private static readonly (long Value, string Name)[] Scales =
        [(1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1_000, "ribu")];

    /// <summary>The amount rounded half up to whole rupiah, in words, ending with "rupiah".</summary>
    public static string Rupiah(decimal amount) =>
        Words(decimal.ToInt64(decimal.Round(CheckRange(amount), 0, MidpointRounding.AwayFromZero))) + " rupiah";

    /// <summary>A whole number in words: 0 → "nol", 1100 → "seribu seratus", -5 → "minus lima".</summary>
    public static string Words(long number)
    {
        CheckRange(number);
        if (number == 0) return "nol";
        if (number < 0) return "minus " + Words(-number);

        var parts = new List<string>(8);
        var rest = number;
        foreach (var (value, name) in Scales)
        {
            var count = rest / value;
            rest %= value;
            if (count == 0) continue;
            // "seribu", but "satu juta" / "satu miliar" / "satu triliun"; 1001000 is "satu juta seribu".
            parts.Add(count == 1 && value == 1_000 ? "seribu" : BelowThousand((int)count) + " " + name);
        }
        if (rest > 0) parts.Add(BelowThousand((int)rest));
        return string.Join(' ', parts);
    }

    private static string BelowThousand(int n)
    {
        var hundreds = n / 100;
        var rest = n % 100;
        var head = hundreds switch { 0 => "", 1 => "seratus", _ => Ones[hundreds] + " ratus" };
        if (rest == 0) return head;
        var tail = rest switch
        {
            < 10 => Ones[rest],
            10 => "sepuluh",
            11 => "sebelas",
            < 20 => Ones[rest - 10] + " belas",
            _ => Ones[rest / 10] + " puluh" + (rest % 10 == 0 ? "" : " " + Ones[rest % 10]),
        };
        return head.Length == 0 ? tail : head + " " + tail;
    }

    private static decimal CheckRange(decimal amount) =>
        Math.Abs(decimal.Round(amount, 0, MidpointRounding.AwayFromZero)) <= Max
            ? amount
            : throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Terbilang supports amounts up to {Max:N0}.");
}
