using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Commissions;

/// <summary>Every commission rule, most specific first (agent's own before general, product rules before tiers).</summary>
public sealed record ListCommissionRules;

public sealed record CommissionRuleItem(Guid Id, Guid? AgentId, string? AgentCode, string? AgentName, Guid? ProductId, string? Sku, string? ProductName,
    decimal MinMonthlyPaid, decimal RatePercent);

public sealed class ListCommissionRulesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<CommissionRuleItem>>> HandleAsync(ListCommissionRules query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCommissions)) return Result<IReadOnlyList<CommissionRuleItem>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await (from r in db.CommissionRules.AsNoTracking()
                          from a in db.Partners.Where(p => p.Id == r.AgentId).DefaultIfEmpty()
                          from p in db.Products.Where(p => p.Id == r.ProductId).DefaultIfEmpty()
                          select new CommissionRuleItem(r.Id, r.AgentId, a == null ? null : a.Code, a == null ? null : a.LegalName, r.ProductId,
                              p == null ? null : p.Sku, p == null ? null : p.Name, r.MinMonthlyPaid, r.RatePercent))
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order by decimals.
        IReadOnlyList<CommissionRuleItem> sorted = rows.OrderBy(r => r.AgentId is null).ThenBy(r => r.AgentCode).ThenBy(r => r.ProductId is null)
            .ThenBy(r => r.Sku).ThenBy(r => r.MinMonthlyPaid).ToList();
        return Result<IReadOnlyList<CommissionRuleItem>>.Ok(sorted);
    }
}

/// <summary>Creates a rule, or replaces <see cref="Id"/> with the new values (a rule has no history of its own: the audit trail keeps both).</summary>
public sealed record SaveCommissionRule(Guid? Id, Guid? AgentId, Guid? ProductId, decimal? MinMonthlyPaid, decimal? RatePercent)
{
    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        if (RatePercent is null) errors.Add(new("Validation.Required", nameof(RatePercent)));
        else if (RatePercent is < 0 or > 50 || decimal.Round(RatePercent.Value, 2) != RatePercent) errors.Add(new("Commission.RateInvalid", nameof(RatePercent)));
        if (MinMonthlyPaid is < 0 || MinMonthlyPaid is { } m && decimal.Round(m, 0) != m) errors.Add(new("Commission.TierInvalid", nameof(MinMonthlyPaid)));
        else if (ProductId is not null && MinMonthlyPaid is > 0) errors.Add(new("Commission.ProductRuleHasNoTier", nameof(MinMonthlyPaid)));
        return errors;
    }
}

public sealed class SaveCommissionRuleHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(SaveCommissionRule command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCommissions)) return Result<Guid>.Fail("Access.Denied");
        if (command.Check() is { Count: > 0 } errors) return Result<Guid>.Fail(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (command.AgentId is { } agentId && !await db.Partners.AnyAsync(p => p.Id == agentId && p.Type == PartnerType.Agent, ct))
            return Result<Guid>.Fail("Commission.AgentNotFound", nameof(command.AgentId));
        if (command.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, ct))
            return Result<Guid>.Fail("Product.NotFound", nameof(command.ProductId));
        CommissionRule? existing = null;
        if (command.Id is { } id && (existing = await db.CommissionRules.FirstOrDefaultAsync(r => r.Id == id, ct)) is null)
            return Result<Guid>.Fail("Commission.RuleNotFound");
        var min = command.MinMonthlyPaid ?? 0;
        // Same agent, product and tier as another rule: one rate only. Compared here (SQLite cannot compare decimals).
        var sameKey = await db.CommissionRules.AsNoTracking().Where(r => r.AgentId == command.AgentId && r.ProductId == command.ProductId && r.Id != command.Id)
            .Select(r => r.MinMonthlyPaid).ToListAsync(ct);
        if (sameKey.Contains(min)) return Result<Guid>.Fail("Commission.RuleExists");
        CommissionRule rule;
        try
        {
            rule = CommissionRule.Create(command.AgentId, command.ProductId, min, command.RatePercent!.Value);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, nameof(command.RatePercent));
        }
        if (existing is not null) db.CommissionRules.Remove(existing);
        db.CommissionRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(rule.Id);
    }
}

public sealed record DeleteCommissionRule(Guid Id);

public sealed class DeleteCommissionRuleHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(DeleteCommissionRule command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCommissions)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var rule = await db.CommissionRules.FirstOrDefaultAsync(r => r.Id == command.Id, ct);
        if (rule is null) return Result.Fail("Commission.RuleNotFound");
        db.CommissionRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

/// <summary>Agents by code or name, for the rule editor and the statement picker.</summary>
public sealed record LookupAgents(string? Search, int Take = 20);

public sealed record AgentOption(Guid Id, string Code, string Name)
{
    public string Label => $"{Code} · {Name}";
}

public sealed class LookupAgentsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<AgentOption>>> HandleAsync(LookupAgents query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCommissions)) return Result<IReadOnlyList<AgentOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var agents = db.Partners.AsNoTracking().Where(p => p.Type == PartnerType.Agent && p.IsActive);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            agents = agents.Where(p => p.Code.ToUpper().Contains(s) || p.LegalName.ToUpper().Contains(s));
        }
        var rows = await agents.OrderBy(p => p.Code).Take(Math.Clamp(query.Take, 1, 100)).Select(p => new AgentOption(p.Id, p.Code, p.LegalName)).ToListAsync(ct);
        return Result<IReadOnlyList<AgentOption>>.Ok(rows);
    }
}
