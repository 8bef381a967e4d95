using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Jobs;

/// <summary>
/// Deactivates invited users who never accepted within the invitation's lifetime, so the users list shows them as
/// expired and an admin re-invites them deliberately. Idempotent: a re-run finds nothing left to change.
/// </summary>
public sealed class ExpireInvitationsJob(TenantJobScope scope, TimeProvider clock, IOptions<DataProtectionTokenProviderOptions> tokens)
{
    public Task RunAsync(Guid tenantId, CancellationToken ct) => scope.RunAsync(tenantId, async sp =>
    {
        var db = sp.GetRequiredService<SidigDbContext>();
        var cutoff = clock.GetUtcNow() - tokens.Value.TokenLifespan;
        var expired = await db.Users
            .Where(u => u.IsActive && u.PasswordHash == null && u.InvitedAt != null && u.InvitedAt < cutoff)
            .ToListAsync(ct);
        foreach (var user in expired)
        {
            user.IsActive = false;
            user.SecurityStamp = Guid.NewGuid().ToString(); // the old link stops working
        }
        await db.SaveChangesAsync(ct);
    }, ct);
}
