using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Commissions;

/// <param name="PaidNet">the part of the payment that paid this product's net (PPN excluded)</param>
public sealed record CommissionRow(Guid PaymentId, DateOnly PaidOn, Guid ProductId, string Sku, string ProductName, decimal PaidNet, decimal RatePercent,
    decimal Commission);

/// <summary>One invoice behind a month's commission: what of it was paid in the month and what that earned.</summary>
public sealed record CommissionInvoice(Guid InvoiceId, string InvoiceNumber, string PartnerName, decimal PaidNet, decimal Commission,
    IReadOnlyList<CommissionRow> Rows);

/// <summary>An agent's commission for a calendar month, as plain values (ready for a print model).</summary>
/// <param name="DefaultRatePercent">the agent's own rate from its partner record, used when no rule applies</param>
public sealed record CommissionStatement(
    Guid AgentId, string AgentCode, string AgentName, int Year, int Month, decimal? DefaultRatePercent, decimal PaidNetTotal, decimal CommissionTotal,
    IReadOnlyList<CommissionInvoice> Invoices);

/// <summary>
/// Computes statements from confirmed payments dated in the month on invoices sold by the agent (Invoice.AgentId):
/// each payment is split over the invoice's line nets (<see cref="CommissionCalculator.Shares"/>) and priced with the
/// rules (<see cref="CommissionCalculator.Compute"/>). Issued but unpaid invoices, pending and rejected reports earn nothing.
/// </summary>
internal static class CommissionStatements
{
    public static async Task<IReadOnlyList<CommissionStatement>> ComputeAsync(SidigDbContext db, IReadOnlyCollection<Guid>? agentIds, int year, int month,
        CancellationToken ct)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var agents = db.Partners.AsNoTracking().Where(p => p.Type == PartnerType.Agent);
        if (agentIds is not null) agents = agents.Where(p => agentIds.Contains(p.Id));
        var agentRows = await agents.OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.LegalName, p.CommissionRatePercent, p.IsActive }).ToListAsync(ct);
        var ids = agentRows.Select(a => a.Id).ToList();

        var payments = await (from p in db.Payments.AsNoTracking()
                              join i in db.Invoices on p.InvoiceId equals i.Id
                              where p.Status == PaymentStatus.Confirmed && p.PaidOn >= first && p.PaidOn <= last
                                    && i.AgentId != null && ids.Contains(i.AgentId.Value) && i.Status != InvoiceStatus.Cancelled
                              select new { p.Id, p.InvoiceId, p.PaidOn, p.Amount, AgentId = i.AgentId!.Value, i.Number, i.PartnerName, i.Total })
            .ToListAsync(ct);
        var invoiceIds = payments.Select(p => p.InvoiceId).Distinct().ToList();
        var lines = (await db.InvoiceLines.AsNoTracking().Where(l => invoiceIds.Contains(l.InvoiceId))
                .Select(l => new { l.InvoiceId, l.ProductId, l.Sku, l.ProductName, l.NetAmount }).ToListAsync(ct))
            .ToLookup(l => l.InvoiceId);
        var products = lines.SelectMany(g => g).GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => (g.First().Sku, g.First().ProductName));
        var rules = await db.CommissionRules.AsNoTracking().Where(r => r.AgentId == null || ids.Contains(r.AgentId.Value)).ToListAsync(ct);

        var statements = new List<CommissionStatement>();
        foreach (var agent in agentRows)
        {
            var mine = payments.Where(p => p.AgentId == agent.Id).OrderBy(p => p.PaidOn).ThenBy(p => p.Number).ToList();
            if (mine.Count == 0 && agentIds is null && !agent.IsActive) continue;
            var shares = mine.SelectMany(p =>
            {
                // Lines of one product are one share (the calculator prices per product).
                var net = lines[p.InvoiceId].GroupBy(l => l.ProductId).Select(g => (g.Key, g.Sum(l => l.NetAmount))).ToList();
                return CommissionCalculator.Shares(p.InvoiceId, p.Number, p.Total, net, p.Id, p.PaidOn, p.Amount);
            }).ToList();
            var computed = CommissionCalculator.Compute(agent.Id, agent.CommissionRatePercent, rules.Where(r => r.AgentId is null || r.AgentId == agent.Id).ToList(), shares);
            var partnerOf = mine.ToDictionary(p => p.Id, p => p.PartnerName);
            var invoices = computed.GroupBy(c => (c.Share.InvoiceId, c.Share.InvoiceNumber))
                .Select(g => new CommissionInvoice(g.Key.InvoiceId, g.Key.InvoiceNumber, partnerOf[g.First().Share.PaymentId],
                    g.Sum(c => c.Share.PaidNet), g.Sum(c => c.Commission),
                    g.Select(c => new CommissionRow(c.Share.PaymentId, c.Share.PaidOn, c.Share.ProductId, products[c.Share.ProductId].Sku,
                        products[c.Share.ProductId].ProductName, c.Share.PaidNet, c.RatePercent, c.Commission)).ToList()))
                .ToList();
            statements.Add(new CommissionStatement(agent.Id, agent.Code, agent.LegalName, year, month, agent.CommissionRatePercent,
                computed.Sum(c => c.Share.PaidNet), computed.Sum(c => c.Commission), invoices));
        }
        return statements;
    }
}
