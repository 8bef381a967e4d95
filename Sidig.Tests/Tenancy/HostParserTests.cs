using Sidig.Infrastructure.Tenancy;

namespace Sidig.Tests.Tenancy;

public class HostParserTests
{
    [Theory]
    [InlineData("demo.localhost", "localhost", HostKind.Tenant, "demo")]
    [InlineData("demo.localhost:5000", "localhost", HostKind.Tenant, "demo")]
    [InlineData("ACME.Sidig.Co.Id", "sidig.co.id", HostKind.Tenant, "acme")]
    [InlineData("acme.sidig.local:5000", "sidig.local", HostKind.Tenant, "acme")]
    [InlineData("localhost:5000", "localhost", HostKind.Platform, null)]
    [InlineData("admin.localhost", "localhost", HostKind.Platform, null)]
    [InlineData("sidig.co.id", "sidig.co.id", HostKind.Platform, null)]
    [InlineData("www.localhost", "localhost", HostKind.Unknown, null)]
    [InlineData("a.b.localhost", "localhost", HostKind.Unknown, null)]
    [InlineData("demo.example.com", "localhost", HostKind.Unknown, null)]
    [InlineData("evil-localhost", "localhost", HostKind.Unknown, null)]
    [InlineData("127.0.0.1:5000", "localhost", HostKind.Unknown, null)]
    [InlineData("", "localhost", HostKind.Unknown, null)]
    public void Host_names_a_tenant_the_platform_or_nothing(string host, string baseDomain, HostKind kind, string? slug)
    {
        var result = HostParser.Parse(host, baseDomain);
        result.Kind.ShouldBe(kind);
        result.Slug.ShouldBe(slug);
    }
}
