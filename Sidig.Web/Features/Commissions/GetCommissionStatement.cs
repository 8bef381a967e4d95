using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Commissions;

/// <summary>
/// One agent's commission statement for a month. With ManageCommissions any agent's; an agent user (ViewOwnCommission)
/// only its own — <see cref="AgentId"/> null means "mine", another agent's id is "not found".
/// </summary>
public sealed record GetCommissionStatement(Guid? AgentId, int Year, int Month);

public sealed class GetCommissionStatementHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<CommissionStatement>> HandleAsync(GetCommissionStatement query, CancellationToken ct = default)
    {
        if (query.Month is < 1 or > 12 || query.Year is < 2000 or > 9999) return Result<CommissionStatement>.Fail("Commission.PeriodInvalid");
        Guid agentId;
        if (await permissions.HasAsync(Policies.ManageCommissions) && !await scope.IsPartnerUserAsync(ct))
        {
            if (query.AgentId is not { } id) return Result<CommissionStatement>.Fail("Commission.AgentRequired");
            agentId = id;
        }
        else if (await permissions.HasAsync(Policies.ViewOwnCommission))
        {
            var own = await scope.OwnPartnerAsync(ct);
            if (own is not { } ownId || !await scope.CanSeeAsync(ownId, ct) || query.AgentId is { } asked && asked != ownId)
                return Result<CommissionStatement>.Fail("Commission.AgentNotFound");
            agentId = ownId;
        }
        else return Result<CommissionStatement>.Fail("Access.Denied");

        await using var db = await factory.CreateDbContextAsync(ct);
        var statement = (await CommissionStatements.ComputeAsync(db, [agentId], query.Year, query.Month, ct)).FirstOrDefault();
        return statement is null ? Result<CommissionStatement>.Fail("Commission.AgentNotFound") : Result<CommissionStatement>.Ok(statement);
    }
}
