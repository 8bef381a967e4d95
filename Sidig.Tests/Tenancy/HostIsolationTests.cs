using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Tenancy;

public abstract class HostIsolationTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    [Theory]
    [InlineData("nope")]
    [InlineData("www")]
    [InlineData("a.b")]
    public async Task An_unknown_host_gets_a_404_that_names_no_tenant(string host)
    {
        using var client = app.Client(host);
        var response = await client.Http.GetAsync("/account/login");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"host-page\"");
        html.ShouldNotContain("Demo Elektronik");
        html.ShouldNotContain("Other Appliances");
    }

    [Fact]
    public async Task A_suspended_tenant_shows_the_suspended_page_at_once_and_works_again_when_reactivated()
    {
        await SetSuspended("other", true);
        try
        {
            using var client = app.Client("other");
            var suspended = await client.Http.GetAsync("/account/login");
            suspended.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await suspended.Content.ReadAsStringAsync()).ShouldContain("ditangguhkan");
            var post = await client.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "admin@other.test", ["Input.Password"] = SidigClient.DemoPassword, ["_handler"] = "login",
            }));
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            await SetSuspended("other", false);
        }
        using var again = app.Client("other");
        (await again.Http.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sign_in_cookie_of_one_tenant_is_rejected_on_another_tenants_host()
    {
        using var demo = await app.Client("demo").SignedInAs("admin@demo.test");
        var cookie = demo.Cookies().Single(c => c.Name == "sidig.auth");
        cookie.Domain.ShouldBe("demo.localhost"); // host-only: a browser never sends it to other.localhost

        // Carried by hand to another tenant (and to the platform host) it counts for nothing.
        foreach (var host in new[] { "other", null })
        {
            using var stolen = app.Client(host);
            stolen.Http.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            var response = await stolen.Http.GetAsync("/");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/account/login");
        }
    }

    [Fact]
    public async Task A_user_of_one_tenant_cannot_sign_in_on_another_tenants_host()
    {
        using var client = app.Client("other");
        var response = await client.SignInAsync("admin@demo.test");
        response.StatusCode.ShouldBe(HttpStatusCode.OK); // the form is shown again with an error
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"login-error\"");
    }

    private Task SetSuspended(string slug, bool suspended) => app.InTenant(null, async sp =>
    {
        var db = sp.GetRequiredService<SidigDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug);
        if (suspended) tenant.Suspend(DateTimeOffset.UtcNow); else tenant.Reactivate();
        await db.SaveChangesAsync();
        sp.GetRequiredService<TenantStore>().Invalidate(slug);
    });
}

public sealed class HostIsolationTests_Sqlite(SqliteApp app) : HostIsolationTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class HostIsolationTests_Postgres(PostgresApp app) : HostIsolationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
