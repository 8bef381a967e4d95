using Sidig.Domain.Common;
using Sidig.Domain.Orders;

namespace Sidig.Domain.Invoicing;

/// <summary>
/// A commission rate for agents: for one agent or all (AgentId null), for one product or all (ProductId null), from a
/// minimum amount paid in the month (tiers; 0 = from the first rupiah).
/// </summary>
public sealed class CommissionRule : Entity, ITenantOwned, IAuditable
{
    private CommissionRule() { }

    public Guid TenantId { get; set; }
    public Guid? AgentId { get; private set; }
    public Guid? ProductId { get; private set; }
    public decimal MinMonthlyPaid { get; private set; }
    public decimal RatePercent { get; private set; }

    public static CommissionRule Create(Guid? agentId, Guid? productId, decimal minMonthlyPaid, decimal ratePercent)
    {
        if (SalesMath.CheckDiscount(ratePercent) is not null || ratePercent > 50) throw new DomainException("Commission.RateInvalid");
        if (minMonthlyPaid < 0) throw new DomainException("Commission.TierInvalid");
        if (productId is not null && minMonthlyPaid != 0) throw new DomainException("Commission.ProductRuleHasNoTier");
        return new CommissionRule { AgentId = agentId, ProductId = productId, MinMonthlyPaid = minMonthlyPaid, RatePercent = ratePercent };
    }
}

/// <summary>Part of an invoice line's net that a payment paid (the payment × net / invoice total, PPN excluded).</summary>
public sealed record PaidShare(Guid InvoiceId, string InvoiceNumber, Guid PaymentId, DateOnly PaidOn, Guid ProductId, decimal PaidNet);

public sealed record CommissionLine(PaidShare Share, decimal RatePercent, decimal Commission);

/// <summary>
/// Commission of an agent for a month, earned only on what was actually paid (confirmed payments dated in the month),
/// excluding PPN. Rate of a line: the agent's own rule for the product, else a rule for the product for all agents,
/// else the tier reached by the month's paid total (the agent's tiers before the general ones), else the agent's
/// default rate from its partner record.
/// </summary>
public static class CommissionCalculator
{
    public static IReadOnlyList<PaidShare> Shares(Guid invoiceId, string number, decimal invoiceTotal,
        IReadOnlyList<(Guid ProductId, decimal Net)> lines, Guid paymentId, DateOnly paidOn, decimal paymentAmount)
    {
        if (invoiceTotal <= 0) return [];
        return lines.Select(l => new PaidShare(invoiceId, number, paymentId, paidOn, l.ProductId, SalesMath.Rupiah(paymentAmount * l.Net / invoiceTotal))).ToList();
    }

    public static IReadOnlyList<CommissionLine> Compute(Guid agentId, decimal? agentDefaultRate, IReadOnlyList<CommissionRule> rules, IReadOnlyList<PaidShare> shares)
    {
        var monthTotal = shares.Sum(s => s.PaidNet);
        decimal? Tier(Func<CommissionRule, bool> who) => rules.Where(r => r.ProductId is null && who(r) && r.MinMonthlyPaid <= monthTotal)
            .OrderByDescending(r => r.MinMonthlyPaid).Select(r => (decimal?)r.RatePercent).FirstOrDefault();
        var tierRate = Tier(r => r.AgentId == agentId) ?? Tier(r => r.AgentId is null) ?? agentDefaultRate ?? 0;
        return shares.Select(s =>
        {
            var rate = rules.FirstOrDefault(r => r.ProductId == s.ProductId && r.AgentId == agentId)?.RatePercent
                       ?? rules.FirstOrDefault(r => r.ProductId == s.ProductId && r.AgentId is null)?.RatePercent
                       ?? tierRate;
            return new CommissionLine(s, rate, SalesMath.Rupiah(s.PaidNet * rate / 100m));
        }).ToList();
    }
}
