using System.Net;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Integration;

/// <summary>The job dashboard is for platform operators on the platform host; everybody else is turned away.</summary>
public sealed class HangfireDashboardTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Anonymous_users_get_401()
    {
        using var client = app.Client(null);
        (await client.Http.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("admin@demo.test")]
    [InlineData("technician@demo.test")]
    public async Task Tenant_users_get_403_on_their_own_host(string email)
    {
        using var client = await app.Client("demo").SignedInAs(email);
        (await client.Http.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_platform_operator_sees_the_dashboard_on_the_platform_host()
    {
        using var client = await app.Client(null).SignedInAs("operator@sidig.test");
        var response = await client.Http.GetAsync("/hangfire");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Hangfire");
    }
}
