using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sidig.Domain.Common;
using Sidig.Domain.Integration;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Api;

/// <summary>A response as it is sent and, for an idempotent request, stored: a replay sends exactly the same status, body and Location.</summary>
public sealed record ApiStoredResponse(int StatusCode, string Body, string? Location, bool Replayed);

/// <summary>What the work of an idempotent request produced: the status, the body (serialized here) and the Location.</summary>
public sealed record ApiCreated(int StatusCode, object Body, string? Location);

/// <summary>
/// Runs a request with an <c>Idempotency-Key</c> at most once per API key × key. In ONE transaction: insert the
/// <see cref="IdempotencyRecord"/> first (the unique index is the lock: a concurrent request with the same key waits
/// on it — PostgreSQL blocks the second insert, SQLite serialises writers at BEGIN IMMEDIATE), then do the work with
/// the same context, then store the response and commit. The waiting request then fails its insert (unique
/// violation), reads the committed record and replays it. A business failure rolls everything back (the record too),
/// so nothing is stored and a retry runs again; a request with the same key and another body is refused (422).
/// </summary>
public sealed class IdempotentRequests(IDbContextFactory<SidigDbContext> factory, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private const int Attempts = 3;

    /// <summary>SHA-256 of the request as the server understood it (method, path, the bound body re-serialized), so formatting does not matter.</summary>
    public string Hash<T>(string method, string path, T body)
    {
        var canonical = method + " " + path + "\n" + JsonSerializer.Serialize(body, json.Value.SerializerOptions);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public async Task<Result<ApiStoredResponse>> RunAsync(Guid apiKeyId, string key, string requestHash,
        Func<SidigDbContext, CancellationToken, Task<Result<ApiCreated>>> work, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > IdempotencyRecord.MaxKeyLength) return Result<ApiStoredResponse>.Fail("Api.IdempotencyKeyInvalid");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await FindAsync(apiKeyId, key, ct) is { } stored) return Replay(stored, requestHash);

            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct); // disposed without commit = rolled back
            var record = IdempotencyRecord.Create(apiKeyId, key, requestHash, 0, "", null, clock.GetUtcNow());
            db.IdempotencyRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(ct); // a concurrent request with this key waits here until the first one ends
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                continue; // the first one committed: its response is there to replay
            }

            var result = await work(db, ct);
            if (!result.Succeeded) return Result<ApiStoredResponse>.Fail(result.Errors);
            var created = result.Value!;
            var body = JsonSerializer.Serialize(created.Body, created.Body.GetType(), json.Value.SerializerOptions);
            record.Complete(created.StatusCode, body, created.Location);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return Result<ApiStoredResponse>.Ok(new ApiStoredResponse(created.StatusCode, body, created.Location, Replayed: false));
        }
        return Result<ApiStoredResponse>.Fail("Api.IdempotencyInProgress");
    }

    private async Task<IdempotencyRecord?> FindAsync(Guid apiKeyId, string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, ct);
    }

    private static Result<ApiStoredResponse> Replay(IdempotencyRecord stored, string requestHash) =>
        stored.RequestHash != requestHash
            ? Result<ApiStoredResponse>.Fail("Api.IdempotencyKeyReused", "Idempotency-Key")
            : Result<ApiStoredResponse>.Ok(new ApiStoredResponse(stored.StatusCode, stored.ResponseBody, stored.Location, Replayed: true));
}
