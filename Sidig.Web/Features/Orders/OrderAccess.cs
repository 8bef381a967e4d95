using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>
/// Whose quotations and orders the signed-in user may see and make, on top of <see cref="PartnerScope"/>:
/// principal staff all of them; a distributor (or dealer) user its own partner's (and its sub-partners' when the
/// tenant lets partners see them) and may order only for itself; an agent user the ones it sold (AgentId = the
/// agent) and may quote/order only for its customers (partners whose parent is the agent).
/// A record outside this is reported as not found, never as forbidden.
/// </summary>
public sealed record OrderViewer(bool IsStaff, Guid? OwnPartnerId, bool IsAgent, IReadOnlySet<Guid> VisiblePartners)
{
    public static async Task<OrderViewer> LoadAsync(PartnerScope scope, SidigDbContext db, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        if (visible is null) return new OrderViewer(true, null, false, new HashSet<Guid>());
        var own = await scope.OwnPartnerAsync(ct);
        var isAgent = own is { } id && visible.Contains(id)
                      && await db.Partners.AsNoTracking().AnyAsync(p => p.Id == id && p.Type == PartnerType.Agent, ct);
        return new OrderViewer(false, visible.Contains(own ?? Guid.Empty) ? own : null, isAgent, visible);
    }

    /// <summary>A partner user whose partner is gone or inactive may do nothing.</summary>
    public bool IsBlocked => !IsStaff && OwnPartnerId is null;

    public IQueryable<SalesOrder> Filter(IQueryable<SalesOrder> orders)
    {
        if (IsStaff) return orders;
        if (OwnPartnerId is not { } own) return orders.Where(o => false);
        if (IsAgent) return orders.Where(o => o.AgentId == own || o.PartnerId == own);
        var visible = VisiblePartners.ToList();
        return orders.Where(o => visible.Contains(o.PartnerId));
    }

    public IQueryable<Quotation> Filter(IQueryable<Quotation> quotations)
    {
        if (IsStaff) return quotations;
        if (OwnPartnerId is not { } own) return quotations.Where(q => false);
        if (IsAgent) return quotations.Where(q => q.AgentId == own || q.PartnerId == own);
        var visible = VisiblePartners.ToList();
        return quotations.Where(q => visible.Contains(q.PartnerId));
    }

    public bool CanSee(Guid partnerId, Guid? agentId) =>
        IsStaff || (OwnPartnerId is { } own && (IsAgent ? agentId == own || partnerId == own : VisiblePartners.Contains(partnerId)));

    /// <summary>The partners the user may place orders or make quotations for (null = every partner: staff).</summary>
    public async Task<IReadOnlyList<Guid>?> OrderablePartnersAsync(SidigDbContext db, CancellationToken ct)
    {
        if (IsStaff) return null;
        if (OwnPartnerId is not { } own) return [];
        if (!IsAgent) return [own];
        return await db.Partners.AsNoTracking().Where(p => p.ParentId == own && p.IsActive).Select(p => p.Id).ToListAsync(ct);
    }

    /// <summary>Whether the user may order for the partner: staff any active partner, distributors themselves, agents their customers.</summary>
    public async Task<bool> CanOrderForAsync(SidigDbContext db, Guid partnerId, CancellationToken ct)
    {
        if (IsStaff) return true;
        if (OwnPartnerId is not { } own) return false;
        if (!IsAgent) return partnerId == own;
        return await db.Partners.AsNoTracking().AnyAsync(p => p.Id == partnerId && p.ParentId == own, ct);
    }
}
