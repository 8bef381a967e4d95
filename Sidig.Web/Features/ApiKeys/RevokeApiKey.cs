using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.ApiKeys;

/// <summary>Revokes a key: the next request made with it is refused (401). Cannot be undone; create a new key instead.</summary>
public sealed record RevokeApiKey(Guid Id);

public sealed class RevokeApiKeyHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, CurrentUser user)
{
    public async Task<Result> HandleAsync(RevokeApiKey command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageApiKeys)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, ct);
        if (key is null) return Result.Fail("ApiKey.NotFound");
        if (!key.IsActive) return Result.Ok(); // already revoked: what the admin wanted
        key.Revoke(clock.GetUtcNow(), user.UserName);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
