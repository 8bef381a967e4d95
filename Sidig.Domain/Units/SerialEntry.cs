using Sidig.Domain.Common;

namespace Sidig.Domain.Units;

/// <summary>
/// The serials of one document line as a user typed, pasted or scanned them, checked against the line's quantity and
/// matched to units. A token is a serial, a bare public code, or a scanned label URL (<c>https://host/u/&lt;code&gt;</c>).
/// </summary>
public static class SerialEntry
{
    public const int MaxTextLength = 200_000;
    private static readonly char[] Separators = ['\n', '\r', ',', ';', ' ', '\t'];

    /// <summary>The tokens of <paramref name="text"/>, split on new lines, commas, semicolons, spaces and tabs, trimmed.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The public code of a scanned label URL or of a bare code, or null when the token cannot be a code.</summary>
    public static string? CodeOf(string token)
    {
        var t = token.Trim();
        var at = t.LastIndexOf("/u/", StringComparison.OrdinalIgnoreCase);
        if (at >= 0) t = t[(at + 3)..].Split('?', '#', '/')[0];
        t = t.ToLowerInvariant();
        return PublicCode.IsWellFormed(t) ? t : null;
    }

    /// <summary>The key a serial is compared by: serials match whatever the case the user typed.</summary>
    public static string SerialKey(string serial) => serial.Trim().ToUpperInvariant();

    /// <summary>
    /// The shape of a serialised line: a whole quantity, as many tokens as the quantity, none twice, none too long.
    /// Errors carry <paramref name="field"/>; a duplicate names the token.
    /// </summary>
    public static IReadOnlyList<Error> Check(IReadOnlyList<string> tokens, decimal quantity, string? field)
    {
        var errors = new List<Error>();
        if (decimal.Truncate(quantity) != quantity) errors.Add(new("Units.QuantityNotWhole", field));
        if (tokens.FirstOrDefault(t => t.Length > 200) is { } tooLong) errors.Add(new("Units.SerialNotValid", field, tooLong[..20] + "…"));
        var duplicates = tokens.GroupBy(t => CodeOf(t) is { } c && t.Contains("/u/", StringComparison.OrdinalIgnoreCase) ? c : SerialKey(t))
            .Where(g => g.Count() > 1).Select(g => g.First()).ToList();
        if (duplicates.Count > 0) errors.Add(new("Units.SerialDuplicate", field, Join(duplicates)));
        if (tokens.Count != Math.Abs(quantity)) errors.Add(new("Units.SerialCount", field, tokens.Count, Math.Abs(quantity)));
        return errors;
    }

    /// <summary>
    /// Matches each token to one of <paramref name="candidates"/> (the tenant's units found by those serials or codes) and
    /// asks <paramref name="refusal"/> whether each may make the move. Every problem names its serials, grouped by reason:
    /// unknown (also another tenant's: the caller's query never sees those), another product, the same unit twice (a
    /// serial and its label), and the refusals (wrong warehouse, already sold, …).
    /// </summary>
    public static (IReadOnlyList<Unit> Units, IReadOnlyList<Error> Errors) Resolve(IReadOnlyList<string> tokens, Guid productId,
        IReadOnlyCollection<Unit> candidates, Func<Unit, string?> refusal, string? field)
    {
        var bySerial = candidates.GroupBy(u => SerialKey(u.Serial)).ToDictionary(g => g.Key, g => g.First());
        var byCode = candidates.GroupBy(u => u.PublicCode).ToDictionary(g => g.Key, g => g.First());
        var units = new List<Unit>();
        var problems = new List<(string Code, string Serial)>();
        foreach (var token in tokens)
        {
            var unit = bySerial.GetValueOrDefault(SerialKey(token)) ?? (CodeOf(token) is { } code ? byCode.GetValueOrDefault(code) : null);
            if (unit is null) problems.Add(("Units.SerialUnknown", token));
            else if (unit.ProductId != productId) problems.Add(("Units.SerialOtherProduct", unit.Serial));
            else if (units.Contains(unit)) problems.Add(("Units.SerialDuplicate", unit.Serial));
            else
            {
                units.Add(unit);
                if (refusal(unit) is { } reason) problems.Add((reason, unit.Serial));
            }
        }
        var errors = problems.GroupBy(p => p.Code).Select(g => new Error(g.Key, field, Join(g.Select(p => p.Serial)))).ToList();
        return (units, errors);
    }

    /// <summary>At most ten serials in a message; the count of the rest.</summary>
    private static string Join(IEnumerable<string> serials)
    {
        var list = serials.ToList();
        return list.Count <= 10 ? string.Join(", ", list) : string.Join(", ", list.Take(10)) + $" (+{list.Count - 10})";
    }
}
