using System.Reflection;
using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Reference;

public sealed record Province(string Code, string Name);
public sealed record Regency(string Code, string ProvinceCode, string Name);

/// <summary>
/// Official provinces and regencies (Kemendagri codes) from the idn-area-data package, ODbL — see
/// Reference/idn-area/README.md and LICENSE.md. Loaded once from embedded resources.
/// </summary>
public sealed class IndonesianAreas : IAreaCodes
{
    public IReadOnlyList<Province> Provinces { get; }
    public IReadOnlyList<Regency> Regencies { get; }

    /// <summary>Attribution required by the data's licence (ODbL); shown wherever the lists are offered.</summary>
    public const string Attribution = "Wilayah: idn-area-data (Kemendagri), ODbL";
    private readonly Dictionary<string, Regency> _regencyByCode;

    public IndonesianAreas()
    {
        Provinces = Read("provinces.csv").Select(r => new Province(r[0], TitleCase(r[1]))).ToList();
        Regencies = Read("regencies.csv").Select(r => new Regency(r[0], r[1], TitleCase(r[2]))).ToList();
        _regencyByCode = Regencies.ToDictionary(r => r.Code);
    }

    public IEnumerable<Regency> RegenciesOf(string provinceCode) => Regencies.Where(r => r.ProvinceCode == provinceCode);

    public bool IsProvince(string code) => Provinces.Any(p => p.Code == code);

    public bool RegencyBelongsTo(string provinceCode, string regencyCode) =>
        _regencyByCode.TryGetValue(regencyCode, out var r) && r.ProvinceCode == provinceCode;

    public string? ProvinceName(string? code) => Provinces.FirstOrDefault(p => p.Code == code)?.Name;
    public string? RegencyName(string? code) => code is not null && _regencyByCode.TryGetValue(code, out var r) ? r.Name : null;

    private static IEnumerable<string[]> Read(string file)
    {
        var asm = Assembly.GetExecutingAssembly();
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        reader.ReadLine(); // header
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) rows.Add(SplitCsv(line));
        return rows;
    }

    private static string[] SplitCsv(string line)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { parts.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        parts.Add(current.ToString());
        return parts.ToArray();
    }

    /// <summary>"KABUPATEN ACEH SELATAN" → "Kabupaten Aceh Selatan" (the source is upper case).</summary>
    private static string TitleCase(string s) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant()).Replace("Dki ", "DKI ");
}
