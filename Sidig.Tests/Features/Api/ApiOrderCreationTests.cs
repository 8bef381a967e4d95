using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Orders;
using Sidig.Tests.TestSupport;
using static Sidig.Tests.Features.Api.ApiAccessTests<Sidig.Tests.TestSupport.SqliteApp>;

namespace Sidig.Tests.Features.Api;

/// <summary>POST /api/v1/orders: one order per Idempotency-Key, however often and however concurrently it is sent.</summary>
public abstract class ApiOrderCreationTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Orders = "/api/v1/orders";

    private static HttpRequestMessage Post(string? idempotencyKey, object body) => PostRaw(idempotencyKey, JsonSerializer.Serialize(body));

    private static HttpRequestMessage PostRaw(string? idempotencyKey, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Orders) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static object Body(OrderSetup s, string reference, decimal quantity = 2) => new
    {
        partnerCode = s.Partner.Code, warehouseCode = s.Warehouse.Code, customerReference = reference,
        lines = new[] { new { sku = s.Products[0].Sku, quantity }, new { sku = s.Products[1].Sku, quantity = 1m } },
    };

    private Task<int> OrdersWith(string reference) => new Builders(app).Query(db => db.SalesOrders.CountAsync(o => o.CustomerReference == reference));

    [Fact]
    public async Task Posting_an_order_creates_it_from_codes_as_the_key_and_answers_201_with_its_location()
    {
        var setup = await new OrderBuilders(app).Setup(unitPrice: 250_000m);
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        var reference = Builders.Unique("ERP");

        var response = await client.Http.SendAsync(Post(Guid.NewGuid().ToString(), Body(setup, reference)));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        response.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        var created = JsonDocument.Parse(text).RootElement;
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/orders/{id}");
        created.GetProperty("number").GetString()!.ShouldStartWith("SO/");
        created.GetProperty("source").GetString().ShouldBe(nameof(OrderSource.Api));
        created.GetProperty("status").GetString().ShouldBe(nameof(OrderStatus.Approved));
        created.GetProperty("total").GetDecimal().ShouldBe(750_000m);
        created.GetProperty("submitProblems").GetArrayLength().ShouldBe(0);

        var read = await (await client.Http.GetAsync(response.Headers.Location)).JsonAsync();
        read.GetProperty("number").GetString().ShouldBe(created.GetProperty("number").GetString());
        var order = await new OrderBuilders(app).Load(id);
        order.CreatedBy.ShouldBe("api:" + key.Name); // the audit names the key
        (await new Builders(app).Query(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.UserName).Distinct().ToListAsync()))
            .ShouldBe(["api:" + key.Name]);
    }

    [Fact]
    public async Task A_hundred_concurrent_posts_with_one_key_make_one_order_and_a_hundred_identical_answers()
    {
        var setup = await new OrderBuilders(app).Setup();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        var reference = Builders.Unique("RACE");
        var idempotencyKey = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(Body(setup, reference));

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            using var response = await client.Http.SendAsync(PostRaw(idempotencyKey, body));
            return (Status: response.StatusCode, Body: await response.Content.ReadAsStringAsync(),
                Location: response.Headers.Location?.OriginalString, Replayed: response.Headers.Contains("Idempotent-Replayed"));
        })));

        (await OrdersWith(reference)).ShouldBe(1);
        responses.ShouldAllBe(r => r.Status == HttpStatusCode.Created, string.Join("\n", responses.Select(r => r.Body).Distinct()));
        responses.Select(r => (r.Body, r.Location)).Distinct().ShouldHaveSingleItem();
        responses.Count(r => !r.Replayed).ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_gets_the_stored_answer_and_the_same_key_with_another_body_is_refused()
    {
        var setup = await new OrderBuilders(app).Setup();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        var reference = Builders.Unique("RETRY");
        var idempotencyKey = Guid.NewGuid().ToString();

        var first = await client.Http.SendAsync(Post(idempotencyKey, Body(setup, reference)));
        // The same request formatted differently is the same request.
        var retry = await client.Http.SendAsync(PostRaw(idempotencyKey, JsonSerializer.Serialize(Body(setup, reference), new JsonSerializerOptions { WriteIndented = true })));
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);

        var changed = await client.Http.SendAsync(Post(idempotencyKey, Body(setup, reference, quantity: 5)));
        await ShouldBeProblem(changed, HttpStatusCode.UnprocessableEntity, "Api.IdempotencyKeyReused", "Idempotency-Key");
        (await OrdersWith(reference)).ShouldBe(1);

        // Another key of the same tenant has its own idempotency keys.
        var otherKey = await app.CreateKeyAsync();
        using var otherClient = app.ApiClient(otherKey.Secret);
        (await otherClient.Http.SendAsync(Post(idempotencyKey, Body(setup, reference)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await OrdersWith(reference)).ShouldBe(2);
    }

    [Fact]
    public async Task Without_an_idempotency_key_or_with_a_bad_body_nothing_is_created()
    {
        var setup = await new OrderBuilders(app).Setup();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        var reference = Builders.Unique("NOKEY");

        await ShouldBeProblem(await client.Http.SendAsync(Post(null, Body(setup, reference))), HttpStatusCode.BadRequest, "Api.IdempotencyKeyRequired", "Idempotency-Key");
        await ShouldBeProblem(await client.Http.SendAsync(Post(new string('k', 101), Body(setup, reference))), HttpStatusCode.BadRequest, "Api.IdempotencyKeyInvalid");
        await ShouldBeProblem(await client.Http.SendAsync(PostRaw("k-json", "{ not json")), HttpStatusCode.BadRequest, "Api.BodyInvalid");
        await ShouldBeProblem(await client.Http.SendAsync(PostRaw("k-shape", "{\"lines\": 5}")), HttpStatusCode.BadRequest, "Api.BodyInvalid");
        (await OrdersWith(reference)).ShouldBe(0);
    }

    [Fact]
    public async Task Validation_errors_are_problems_with_codes_and_json_field_names_and_are_not_stored()
    {
        var setup = await new OrderBuilders(app).Setup();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        var reference = Builders.Unique("BAD");
        var idempotencyKey = Guid.NewGuid().ToString();

        var zero = await client.Http.SendAsync(Post(idempotencyKey, Body(setup, reference, quantity: 0)));
        await ShouldBeProblem(zero, HttpStatusCode.UnprocessableEntity, "Sales.QuantityInvalid", "lines[0].quantity");
        var json = await zero.JsonAsync();
        json.GetProperty("errors")[0].GetProperty("message").GetString().ShouldNotContain("Sales."); // an English sentence, not the code

        var unknownSku = new { partnerCode = setup.Partner.Code, lines = new[] { new { sku = "NO-SUCH-SKU", quantity = 1m } } };
        await ShouldBeProblem(await client.Http.SendAsync(Post(Guid.NewGuid().ToString(), unknownSku)), HttpStatusCode.UnprocessableEntity,
            "Order.ProductNotFound", "lines[0].sku");
        var noPartner = new { lines = new[] { new { sku = setup.Products[0].Sku, quantity = 1m } } };
        await ShouldBeProblem(await client.Http.SendAsync(Post(Guid.NewGuid().ToString(), noPartner)), HttpStatusCode.UnprocessableEntity,
            "Api.PartnerRequired", "partnerId");
        (await OrdersWith(reference)).ShouldBe(0);

        // A refused request stores nothing: the same key with a corrected body goes through.
        (await client.Http.SendAsync(Post(idempotencyKey, Body(setup, reference)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await OrdersWith(reference)).ShouldBe(1);
    }

    [Fact]
    public async Task Demos_key_cannot_order_for_another_tenants_partner_or_products()
    {
        var other = await new OrderBuilders(app, "other").Setup();
        var key = await app.CreateKeyAsync("demo");
        using var client = app.ApiClient(key.Secret);

        var byCode = await client.Http.SendAsync(Post(Guid.NewGuid().ToString(), Body(other, Builders.Unique("X"))));
        await ShouldBeProblem(byCode, HttpStatusCode.UnprocessableEntity, "Partner.NotFound", "partnerCode");
        var byId = new { partnerId = other.Partner.Id, lines = new[] { new { productId = other.Products[0].Id, quantity = 1m } } };
        await ShouldBeProblem(await client.Http.SendAsync(Post(Guid.NewGuid().ToString(), byId)), HttpStatusCode.UnprocessableEntity, "Partner.NotFound", "partnerId");
    }
}

public sealed class ApiOrderCreationTests_Sqlite(SqliteApp app) : ApiOrderCreationTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ApiOrderCreationTests_Postgres(PostgresApp app) : ApiOrderCreationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
