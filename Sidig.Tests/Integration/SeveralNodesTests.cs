using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Integration;

/// <summary>
/// Two app nodes on one PostgreSQL database (as behind a load balancer): Data Protection keys live in the database,
/// so a cookie and an antiforgery token issued by one node are accepted by the other.
/// </summary>
public sealed class SeveralNodesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_node_is_accepted_by_another()
    {
        using var nodeA = await app.Client("demo").SignedInAs("admin@demo.test");
        var cookie = nodeA.Cookies().Single(c => c.Name == "sidig.auth");

        await using var nodeB = app.WithWebHostBuilder(_ => { });
        using var client = nodeB.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://demo.localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Admin Demo Elektronik");
    }

    [Fact]
    public async Task A_form_rendered_by_one_node_can_be_posted_to_another()
    {
        using var nodeA = app.Client("demo");
        var page = await nodeA.Http.GetStringAsync("/account/login");
        var token = SidigClient.Antiforgery(page);
        var antiforgeryCookie = nodeA.Cookies().Single(c => c.Name.StartsWith(".AspNetCore.Antiforgery"));

        await using var nodeB = app.WithWebHostBuilder(_ => { });
        using var client = nodeB.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://demo.localhost"), AllowAutoRedirect = false, HandleCookies = false,
        });
        client.DefaultRequestHeaders.Add("Cookie", $"{antiforgeryCookie.Name}={antiforgeryCookie.Value}");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "login",
            ["Input.Email"] = "admin@demo.test", ["Input.Password"] = SidigClient.DemoPassword,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/"); // signed in: sent home, not back to the form
    }
}
