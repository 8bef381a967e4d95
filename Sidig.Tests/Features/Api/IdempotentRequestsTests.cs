using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Api;

namespace Sidig.Tests.Features.Api;

/// <summary>The idempotency machinery on its own: the work of one key runs once however many requests race.</summary>
public abstract class IdempotentRequestsTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private Task<Result<ApiStoredResponse>> Run(Guid apiKeyId, string key, string hash, string marker, Func<Result<ApiCreated>>? outcome = null) =>
        app.InTenant("demo", sp => sp.GetRequiredService<IdempotentRequests>().RunAsync(apiKeyId, key, hash, async (db, ct) =>
        {
            if (outcome?.Invoke() is { Succeeded: false } failed) return failed;
            var category = Category.Create(Builders.Unique("IDEM"), marker);
            db.Categories.Add(category);
            await db.SaveChangesAsync(ct);
            await Task.Delay(20, ct); // keep the transaction open a little: the others pile up behind it
            return Result<ApiCreated>.Ok(new ApiCreated(201, new { id = category.Id, marker }, "/things/" + category.Id));
        }));

    private Task<int> Count(string marker) => new Builders(app).Query(db => db.Categories.CountAsync(c => c.Name == marker));

    [Fact]
    public async Task Concurrent_requests_with_one_key_do_the_work_once_and_all_get_the_same_response()
    {
        var apiKey = await app.CreateKeyAsync();
        var marker = Builders.Unique("marker");
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Run(apiKey.Id, "k-1", "hash-1", marker))));

        results.ShouldAllBe(r => r.Succeeded);
        (await Count(marker)).ShouldBe(1);
        results.Select(r => (r.Value!.StatusCode, r.Value.Body, r.Value.Location)).Distinct().ShouldHaveSingleItem();
        results.Count(r => !r.Value!.Replayed).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_a_failure_is_not_stored()
    {
        var apiKey = await app.CreateKeyAsync();
        var marker = Builders.Unique("marker");

        var failed = await Run(apiKey.Id, "k-2", "hash-a", marker, () => Result<ApiCreated>.Fail("Stock.Insufficient"));
        failed.Errors.ShouldHaveSingleItem().Code.ShouldBe("Stock.Insufficient");
        (await new Builders(app).Query(db => db.IdempotencyRecords.CountAsync(r => r.ApiKeyId == apiKey.Id))).ShouldBe(0);

        (await Run(apiKey.Id, "k-2", "hash-a", marker)).Value!.Replayed.ShouldBeFalse(); // the retry runs again and succeeds
        var other = await Run(apiKey.Id, "k-2", "hash-b", marker);
        other.Errors.ShouldHaveSingleItem().Code.ShouldBe("Api.IdempotencyKeyReused");
        (await Count(marker)).ShouldBe(1);
    }

    [Fact]
    public async Task Keys_are_per_api_key()
    {
        var first = await app.CreateKeyAsync();
        var second = await app.CreateKeyAsync();
        var marker = Builders.Unique("marker");
        (await Run(first.Id, "same", "h", marker)).Value!.Replayed.ShouldBeFalse();
        (await Run(second.Id, "same", "h", marker)).Value!.Replayed.ShouldBeFalse();
        (await Count(marker)).ShouldBe(2);
    }
}

public sealed class IdempotentRequestsTests_Sqlite(SqliteApp app) : IdempotentRequestsTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class IdempotentRequestsTests_Postgres(PostgresApp app) : IdempotentRequestsTests<PostgresApp>(app), IClassFixture<PostgresApp>;
