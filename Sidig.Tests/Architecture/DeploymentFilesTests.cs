using YamlDotNet.RepresentationModel;

namespace Sidig.Tests.Architecture;

/// <summary>No Docker engine runs on the build machines, so the compose file is kept correct by these checks.</summary>
public class DeploymentFilesTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sidig.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Sidig.sln not found above the test output");
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root(), "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(k => k.Key.ToString(), v => v.Value.ToString());

    [Fact]
    public void Compose_runs_the_app_on_postgres_as_a_role_that_owns_nothing()
    {
        var env = Environment("app");
        env["Sidig__Database__Provider"].ShouldBe("Postgres");
        env["Sidig__Database__ConnectionString"].ShouldContain("Host=postgres");
        env["Sidig__Database__ConnectionString"].ShouldContain("Username=sidig_app");
        env["Sidig__Database__MigrationConnectionString"].ShouldContain("Username=sidig_owner");
        env["Sidig__Database__AppRole"].ShouldBe("sidig_app");
        Environment("postgres")["POSTGRES_USER"].ShouldBe("sidig_owner");
    }

    [Fact]
    public void Compose_starts_the_app_after_a_healthy_database_and_builds_it_from_the_Dockerfile()
    {
        var app = Service("app");
        app["build"].ToString().ShouldBe(".");
        var dependsOn = (YamlMappingNode)app["depends_on"];
        ((YamlMappingNode)dependsOn["postgres"])["condition"].ToString().ShouldBe("service_healthy");
        Service("postgres").Children.ContainsKey("healthcheck").ShouldBeTrue();
        File.Exists(Path.Combine(Root(), "Dockerfile")).ShouldBeTrue();
    }

    [Fact]
    public void The_postgres_init_script_the_compose_file_mounts_exists_and_creates_the_app_role()
    {
        var volumes = ((YamlSequenceNode)Service("postgres")["volumes"]).Select(v => v.ToString()).ToList();
        var mount = volumes.Single(v => v.Contains("docker-entrypoint-initdb.d"));
        var script = Path.Combine(Root(), mount.Split(':')[0].TrimStart('.', '/'));
        File.Exists(script).ShouldBeTrue();
        File.ReadAllText(script).ShouldContain("CREATE ROLE sidig_app LOGIN");
        File.ReadAllText(script).ShouldContain("NOBYPASSRLS");
    }

    [Fact]
    public void The_Dockerfile_publishes_the_web_project_and_installs_the_pdf_fonts()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root(), "Dockerfile"));
        dockerfile.ShouldContain("dotnet publish Sidig.Web/Sidig.Web.csproj");
        dockerfile.ShouldContain("fonts-dejavu-core");
        dockerfile.ShouldContain("ENTRYPOINT [\"dotnet\", \"Sidig.Web.dll\"]");
    }
}
