using System.Security.Cryptography;
using System.Text;
using Sidig.Domain.Common;

namespace Sidig.Domain.Integration;

/// <summary>
/// A tenant's key for the REST API. The secret is shown once when created; only its SHA-256 hash is stored, with a
/// short prefix to recognise it in lists. Revoked keys stop working at once.
/// </summary>
public sealed class ApiKey : Entity, ITenantOwned, IAuditable
{
    public const string SecretPrefix = "sdg_";

    private ApiKey() { Name = Prefix = Hash = ""; }

    public Guid TenantId { get; set; }
    public string Name { get; private set; }
    public string Prefix { get; private set; }
    public string Hash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public bool IsActive => RevokedAt is null;

    /// <returns>the key and its secret (to show once)</returns>
    public static (ApiKey Key, string Secret) Create(string name, DateTimeOffset now, string? by)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return (new ApiKey
        {
            Name = Guard.Required(name, "ApiKey.NameRequired", 100), Prefix = secret[..12], Hash = HashOf(secret), CreatedAt = now, CreatedBy = by,
        }, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now, string? by)
    {
        if (!IsActive) throw new DomainException("ApiKey.AlreadyRevoked");
        RevokedAt = now;
        RevokedBy = by;
    }

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}

/// <summary>
/// The first response to an API request made with an Idempotency-Key: a retry with the same key and key owner gets it
/// back instead of doing the work again. Unique per tenant × API key × idempotency key; the row is inserted in the
/// transaction that does the work, so concurrent retries wait for the first and then read its result.
/// </summary>
public sealed class IdempotencyRecord : Entity, ITenantOwned
{
    public const int MaxKeyLength = 100;

    private IdempotencyRecord() { Key = RequestHash = ResponseBody = ""; }

    public Guid TenantId { get; set; }
    public Guid ApiKeyId { get; private set; }
    public string Key { get; private set; }
    /// <summary>Hash of the request body: the same key with another body is refused (422) rather than answered with the wrong result.</summary>
    public string RequestHash { get; private set; }
    public int StatusCode { get; private set; }
    public string ResponseBody { get; private set; }
    public string? Location { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Create(Guid apiKeyId, string key, string requestHash, int statusCode, string responseBody, string? location, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength) throw new DomainException("Api.IdempotencyKeyInvalid");
        return new IdempotencyRecord
        {
            ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, StatusCode = statusCode, ResponseBody = responseBody, Location = location, CreatedAt = now,
        };
    }

    /// <summary>Stores the response once the work is done (the row was inserted first, as the lock that concurrent retries wait on).</summary>
    public void Complete(int statusCode, string responseBody, string? location)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        Location = location;
    }
}
