namespace Sidig.Tests.TestSupport;

/// <summary>Folders of the source tree, found from the test assembly by searching upward for Sidig.sln.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Solution = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sidig.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Sidig.sln not found above {AppContext.BaseDirectory}");
    });

    public static string SolutionDirectory => Solution.Value;
    public static string WebProjectDirectory => Path.Combine(SolutionDirectory, "Sidig.Web");
    public static string TestProjectDirectory => Path.Combine(SolutionDirectory, "Sidig.Tests");
}
