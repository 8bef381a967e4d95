using System.Net;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Integration;

public abstract class SmokeTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    [Fact]
    public async Task Seeded_admin_signs_in_and_sees_the_dashboard()
    {
        using var client = await app.Client("demo").SignedInAs("admin@demo.test");
        var html = await client.Http.GetStringAsync("/");
        html.ShouldContain("data-testid=\"dashboard-title\"");
        html.ShouldContain("Admin Demo Elektronik");
    }

    [Fact]
    public async Task Readiness_check_reaches_the_database()
    {
        using var client = app.Client(null);
        var response = await client.Http.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SmokeTests_Sqlite(SqliteApp app) : SmokeTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class SmokeTests_Postgres(PostgresApp app) : SmokeTests<PostgresApp>(app), IClassFixture<PostgresApp>;
