using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Sidig.Tests.TestSupport;
using static Sidig.Tests.Features.Api.ApiAccessTests<Sidig.Tests.TestSupport.SqliteApp>;

namespace Sidig.Tests.Features.Api;

/// <summary>The app with a small rate limit, to see the 429 without 600 requests.</summary>
public sealed class RateLimitedApp : SidigAppFactory
{
    public override Sidig.Infrastructure.Persistence.DatabaseProvider Provider => Sidig.Infrastructure.Persistence.DatabaseProvider.Sqlite;
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sidig:Api:RequestsPerMinute"] = "3" };
}

/// <summary>The OpenAPI document, the reference page and the rate limit.</summary>
public sealed class ApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_openapi_document_is_public_json_listing_the_endpoints_security_and_the_idempotency_header()
    {
        using var client = app.Client("demo");
        var response = await client.Http.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        doc.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(["/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/invoices/{id}", "/api/v1/invoices", "/api/v1/stock"], ignoreOrder: true);
        var orders = doc.GetProperty("paths").GetProperty("/api/v1/orders");
        orders.TryGetProperty("get", out _).ShouldBeTrue();
        doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("name").GetString().ShouldBe("X-Api-Key");
        doc.GetProperty("security").GetArrayLength().ShouldBe(2);
        var listParameters = orders.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        listParameters.ShouldContain("status");
        listParameters.ShouldContain("pageSize");
        var post = orders.GetProperty("post");
        var idempotency = post.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        idempotency.GetProperty("in").GetString().ShouldBe("header");
        idempotency.GetProperty("required").GetBoolean().ShouldBeTrue();
        post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        var responses = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        responses.ShouldContain("201");
        responses.ShouldContain("422");
        doc.GetProperty("components").GetProperty("schemas").TryGetProperty("ApiOrderRequest", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_reference_page_answers_without_sign_in()
    {
        using var client = app.Client("demo");
        var bare = await client.Http.GetAsync("/api/docs");
        bare.StatusCode.ShouldBe(HttpStatusCode.Redirect); // to the trailing slash, so the page's relative asset paths resolve
        new Uri(new Uri("http://demo.localhost/api/docs"), bare.Headers.Location!).AbsolutePath.ShouldBe("/api/docs/");

        var response = await client.Http.GetAsync("/api/docs/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        // The page loads the document relative to the app's base path (Scalar strips its own /api/docs/ from the address).
        html.ShouldContain("\"url\":\"openapi/v1.json\"");
        html.ShouldContain("%2Fapi%2Fdocs%2F");
        // The reference page's script is served by the app itself (no CDN).
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"([^\"]+\\.js)\"").Groups[1].Value;
        script.ShouldNotBeNullOrEmpty(html);
        script.ShouldNotStartWith("http");
        (await client.Http.GetAsync(new Uri(new Uri("http://demo.localhost/api/docs/"), script))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class ApiRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_problems_while_another_key_goes_on()
    {
        var busy = await app.CreateKeyAsync();
        var calm = await app.CreateKeyAsync();
        using var client = app.ApiClient(busy.Secret);
        for (var i = 0; i < 3; i++) (await client.Http.GetAsync("/api/v1/stock")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await client.Http.GetAsync("/api/v1/stock");
        await ShouldBeProblem(refused, HttpStatusCode.TooManyRequests, "Api.RateLimited");
        refused.Headers.RetryAfter.ShouldNotBeNull();

        using var other = app.ApiClient(calm.Secret);
        (await other.Http.GetAsync("/api/v1/stock")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
