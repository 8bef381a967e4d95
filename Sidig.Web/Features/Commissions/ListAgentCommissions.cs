using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Commissions;

/// <summary>Every agent's commission for a month (active agents, and inactive ones that were paid in it), for finance.</summary>
public sealed record ListAgentCommissions(int Year, int Month);

public sealed record AgentCommissionItem(Guid AgentId, string AgentCode, string AgentName, int Invoices, decimal PaidNet, decimal Commission);

public sealed record AgentCommissionList(IReadOnlyList<AgentCommissionItem> Items, decimal PaidNetTotal, decimal CommissionTotal);

public sealed class ListAgentCommissionsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<AgentCommissionList>> HandleAsync(ListAgentCommissions query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCommissions)) return Result<AgentCommissionList>.Fail("Access.Denied");
        if (query.Month is < 1 or > 12 || query.Year is < 2000 or > 9999) return Result<AgentCommissionList>.Fail("Commission.PeriodInvalid");
        await using var db = await factory.CreateDbContextAsync(ct);
        var statements = await CommissionStatements.ComputeAsync(db, null, query.Year, query.Month, ct);
        var items = statements.Select(s => new AgentCommissionItem(s.AgentId, s.AgentCode, s.AgentName, s.Invoices.Count, s.PaidNetTotal, s.CommissionTotal))
            .ToList();
        return Result<AgentCommissionList>.Ok(new AgentCommissionList(items, items.Sum(i => i.PaidNet), items.Sum(i => i.Commission)));
    }
}
