using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Outbox;

/// <summary>
/// An admin sends a failed message again, or an uncertain one after checking it did not arrive (the recipient may get it
/// twice otherwise: the page says so before asking). The sender job picks it up within a minute.
/// </summary>
public sealed record RetryOutboxMessage(Guid Id);

public sealed class RetryOutboxMessageHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RetryOutboxMessage command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOutbox)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id, ct);
        if (message is null) return Result.Fail("Outbox.NotFound");
        try
        {
            message.Retry(clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
