using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Integration;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.ApiKeys;

/// <summary>Creates an API key of the tenant. The secret comes back once, here; only its hash is stored.</summary>
public sealed record CreateApiKey(string Name);

/// <summary>The new key with its secret: show it once (copy), it cannot be shown again.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, string Secret);

public sealed class CreateApiKeyHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, CurrentUser user)
{
    public const int MaxActiveKeys = 50;

    public async Task<Result<CreatedApiKey>> HandleAsync(CreateApiKey command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageApiKeys)) return Result<CreatedApiKey>.Fail("Access.Denied");
        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0) return Result<CreatedApiKey>.Fail("ApiKey.NameRequired", nameof(CreateApiKey.Name));
        if (name.Length > 100) return Result<CreatedApiKey>.Fail("Validation.TooLong", nameof(CreateApiKey.Name));

        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.ApiKeys.AnyAsync(k => k.RevokedAt == null && k.Name == name, ct))
            return Result<CreatedApiKey>.Fail("ApiKey.NameTaken", nameof(CreateApiKey.Name));
        if (await db.ApiKeys.CountAsync(k => k.RevokedAt == null, ct) >= MaxActiveKeys)
            return Result<CreatedApiKey>.Fail("ApiKey.TooMany");
        ApiKey key;
        string secret;
        try
        {
            (key, secret) = ApiKey.Create(name, clock.GetUtcNow(), user.UserName);
        }
        catch (DomainException e)
        {
            return Result<CreatedApiKey>.Fail(e.Code, nameof(CreateApiKey.Name));
        }
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Result<CreatedApiKey>.Ok(new CreatedApiKey(key.Id, key.Name, key.Prefix, secret));
    }
}
