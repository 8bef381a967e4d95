using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Components;

/// <summary>Every text exists in both languages: each resource base name in Sidig.Web has an en-US and an id-ID file with the same keys.</summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string[] Cultures = ["en-US", "id-ID"];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static IEnumerable<string> ResxFiles() =>
        Directory.EnumerateFiles(TestPaths.WebProjectDirectory, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>Resource base names relative to Sidig.Web, e.g. "Features/Account/LoginPage".</summary>
    public static TheoryData<string> BaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ResxFiles().Select(BaseName).Where(n => n is not null).Distinct().Order()) data.Add(name!);
        return data;
    }

    private static string? BaseName(string file)
    {
        var relative = Path.GetRelativePath(TestPaths.WebProjectDirectory, file).Replace('\\', '/');
        return Cultures.Select(c => $".{c}.resx").FirstOrDefault(relative.EndsWith) is { } suffix ? relative[..^suffix.Length] : null;
    }

    private static Dictionary<string, string> Read(string baseName, string culture)
    {
        var path = Path.Combine(TestPaths.WebProjectDirectory, $"{baseName}.{culture}.resx");
        File.Exists(path).ShouldBeTrue($"{baseName} has no {culture} file");
        var entries = XDocument.Load(path).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: d.Element("value")?.Value ?? "")).ToList();
        entries.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty($"keys twice in {path}");
        return entries.ToDictionary(e => e.Key, e => e.Value);
    }

    [Fact]
    public void Every_resource_file_is_named_for_one_of_the_two_languages()
    {
        var files = ResxFiles().ToList();
        files.ShouldNotBeEmpty();
        files.Where(f => BaseName(f) is null).Select(f => Path.GetRelativePath(TestPaths.WebProjectDirectory, f)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void Both_languages_have_the_same_keys(string baseName)
    {
        var english = Read(baseName, "en-US");
        var indonesian = Read(baseName, "id-ID");

        english.Keys.Except(indonesian.Keys).Order().ShouldBeEmpty("keys missing in id-ID");
        indonesian.Keys.Except(english.Keys).Order().ShouldBeEmpty("keys missing in en-US");
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void No_text_is_empty(string baseName)
    {
        foreach (var culture in Cultures)
            Read(baseName, culture).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ShouldBeEmpty($"empty texts in {culture}");
    }

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void Both_languages_use_the_same_placeholders(string baseName)
    {
        var english = Read(baseName, "en-US");
        var indonesian = Read(baseName, "id-ID");
        static string Holes(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value[..^1].Split(':')[0] + "}").Distinct().Order());

        english.Keys.Intersect(indonesian.Keys)
            .Where(k => Holes(english[k]) != Holes(indonesian[k]))
            .ShouldBeEmpty("texts whose {0} placeholders differ between en-US and id-ID");
    }
}
