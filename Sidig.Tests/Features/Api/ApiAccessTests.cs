using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Domain.Integration;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.ApiKeys;

namespace Sidig.Tests.Features.Api;

/// <summary>API keys (admin handlers) and who gets into /api/v1: keys of this host's tenant only, never a cookie.</summary>
public abstract class ApiAccessTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Orders = "/api/v1/orders";

    [Fact]
    public async Task A_new_key_shows_its_secret_once_and_only_its_hash_is_stored()
    {
        var created = await app.CreateKeyAsync(name: Builders.Unique("ERP"));

        created.Secret.ShouldStartWith(ApiKey.SecretPrefix);
        created.Secret.Length.ShouldBeGreaterThan(40);
        created.Prefix.ShouldBe(created.Secret[..12]);
        var stored = await new Builders(app).Query(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Id));
        stored.Hash.ShouldBe(ApiKey.HashOf(created.Secret));
        stored.Hash.ShouldNotContain(created.Secret[4..]);
        var audit = await new Builders(app).Query(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == created.Id.ToString()).Select(a => a.Changes).ToListAsync());
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(c => !c.Contains(created.Secret));
        // The list (and anything the page can show later) carries the prefix, never the secret.
        typeof(ApiKeyListItem).GetProperties().Select(p => p.Name).ShouldNotContain("Secret");
        var list = await app.Handle<ListApiKeysHandler, Result<ApiKeyPage>>("demo", "admin@demo.test", h => h.HandleAsync(new ListApiKeys(created.Name)));
        list.Value!.Items.ShouldHaveSingleItem().Prefix.ShouldBe(created.Prefix);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        var denied = await app.Handle<CreateApiKeyHandler, Result<CreatedApiKey>>("demo", "sales@demo.test", h => h.HandleAsync(new CreateApiKey("sales key")));
        denied.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        var list = await app.Handle<ListApiKeysHandler, Result<ApiKeyPage>>("demo", "distributor@demo.test", h => h.HandleAsync(new ListApiKeys()));
        list.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task A_key_needs_a_name_and_an_active_name_is_not_taken_twice()
    {
        var name = Builders.Unique("dup");
        await app.CreateKeyAsync(name: name);
        var again = await app.Handle<CreateApiKeyHandler, Result<CreatedApiKey>>("demo", "admin@demo.test", h => h.HandleAsync(new CreateApiKey(name)));
        again.Errors.ShouldHaveSingleItem().ShouldBe(new Error("ApiKey.NameTaken", "Name"));
        var empty = await app.Handle<CreateApiKeyHandler, Result<CreatedApiKey>>("demo", "admin@demo.test", h => h.HandleAsync(new CreateApiKey("  ")));
        empty.Errors.ShouldHaveSingleItem().ShouldBe(new Error("ApiKey.NameRequired", "Name"));
    }

    [Fact]
    public async Task A_key_works_until_it_is_revoked_then_gets_401()
    {
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        (await client.Http.GetAsync(Orders)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await app.Handle<RevokeApiKeyHandler, Result>("demo", "admin@demo.test", h => h.HandleAsync(new RevokeApiKey(key.Id)));
        revoked.Errors.ShouldBeEmpty();

        var response = await client.Http.GetAsync(Orders);
        await ShouldBeProblem(response, HttpStatusCode.Unauthorized, "Api.Unauthorized");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Fact]
    public async Task The_key_may_come_in_the_X_Api_Key_header_and_its_use_is_recorded()
    {
        var key = await app.CreateKeyAsync();
        using var client = app.Client("demo");
        client.Http.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);

        (await client.Http.GetAsync("/api/v1/stock")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lastUsed = await new Builders(app).Query(db => db.ApiKeys.AsNoTracking().Where(k => k.Id == key.Id).Select(k => k.LastUsedAt).SingleAsync());
        lastUsed.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sdg_not-a-key-of-anyone")]
    [InlineData("garbage")]
    public async Task No_key_or_an_unknown_key_gets_a_401_problem(string? secret)
    {
        using var client = app.Client("demo");
        if (secret is not null) client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await ShouldBeProblem(await client.Http.GetAsync(Orders), HttpStatusCode.Unauthorized, "Api.Unauthorized");
    }

    [Fact]
    public async Task A_signed_in_cookie_alone_does_not_open_the_api()
    {
        using var client = await app.Client("demo").SignedInAs("admin@demo.test");
        (await client.Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK); // the cookie works for pages

        await ShouldBeProblem(await client.Http.GetAsync(Orders), HttpStatusCode.Unauthorized, "Api.Unauthorized");
        var post = await client.Http.PostAsync(Orders, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await ShouldBeProblem(post, HttpStatusCode.Unauthorized, "Api.Unauthorized");
    }

    [Fact]
    public async Task A_key_opens_no_page()
    {
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        var response = await client.Http.GetAsync("/admin/users");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task Another_tenants_key_is_unknown_on_demos_host()
    {
        var otherKey = await app.CreateKeyAsync("other");
        using (var onOwnHost = app.ApiClient(otherKey.Secret, "other"))
            (await onOwnHost.Http.GetAsync(Orders)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var onDemo = app.ApiClient(otherKey.Secret, "demo");
        await ShouldBeProblem(await onDemo.Http.GetAsync(Orders), HttpStatusCode.Unauthorized, "Api.Unauthorized");
        using var onPlatform = app.ApiClient(otherKey.Secret, null);
        (await onPlatform.Http.GetAsync(Orders)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        await ShouldBeProblem(await client.Http.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "Api.NotFound");
        await ShouldBeProblem(await client.Http.GetAsync("/api/v1/orders/not-a-guid"), HttpStatusCode.NotFound, "Api.NotFound");
    }

    internal static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var json = System.Text.Json.JsonDocument.Parse(text).RootElement;
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.GetProperty("code").GetString().ShouldBe(code);
        json.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        json.TryGetProperty("traceId", out _).ShouldBeTrue();
        text.ShouldNotContain("   at "); // no stack trace
        if (field is not null)
            json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ShouldContain(field);
    }
}

public sealed class ApiAccessTests_Sqlite(SqliteApp app) : ApiAccessTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ApiAccessTests_Postgres(PostgresApp app) : ApiAccessTests<PostgresApp>(app), IClassFixture<PostgresApp>;
