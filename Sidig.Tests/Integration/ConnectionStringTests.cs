using Npgsql;
using Sidig.Infrastructure;

namespace Sidig.Tests.Integration;

public sealed class ConnectionStringTests
{
    [Fact]
    public void The_app_prepares_its_statements_when_the_connection_string_does_not_say()
    {
        var cs = DependencyInjection.WithPreparedStatements("Host=db;Username=sidig_app;Maximum Pool Size=100");
        var parsed = new NpgsqlConnectionStringBuilder(cs);
        parsed.MaxAutoPrepare.ShouldBe(64);
        parsed.MaxPoolSize.ShouldBe(100);
    }

    [Theory]
    [InlineData("Host=db;Username=sidig_app;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Username=sidig_app;MaxAutoPrepare=10", 10)]
    public void A_connection_string_that_names_its_prepared_statements_keeps_them(string cs, int expected) =>
        new NpgsqlConnectionStringBuilder(DependencyInjection.WithPreparedStatements(cs)).MaxAutoPrepare.ShouldBe(expected);
}
