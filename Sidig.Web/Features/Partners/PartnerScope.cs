using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Partners;

/// <summary>
/// Which partners' records the signed-in user may see. Principal staff see every partner (<see cref="VisibleAsync"/>
/// returns null); a partner user sees only its own partner — and, for a distributor, the partners below it when the
/// tenant allows it. Every handler that reads or writes partner-owned records (warehouses, stock, sell-out,
/// allocations) filters with this, so partner isolation holds on the server like tenant isolation does.
/// </summary>
public sealed class PartnerScope(Permissions permissions, IDbContextFactory<SidigDbContext> factory)
{
    private bool _loaded;
    private IReadOnlySet<Guid>? _visible;
    private Guid? _own;
    private bool _isPartnerUser;

    /// <summary>Whether the user is bound to a partner (a partner user), even one whose partner no longer exists.</summary>
    public async Task<bool> IsPartnerUserAsync(CancellationToken ct = default) { await LoadAsync(ct); return _isPartnerUser; }

    /// <summary>The user's own partner; null for principal staff.</summary>
    public async Task<Guid?> OwnPartnerAsync(CancellationToken ct = default) { await LoadAsync(ct); return _own; }

    /// <summary>null = every partner (principal staff); otherwise the only partner ids the user may see.</summary>
    public async Task<IReadOnlySet<Guid>?> VisibleAsync(CancellationToken ct = default) { await LoadAsync(ct); return _visible; }

    /// <summary>Whether the user may see a record owned by <paramref name="partnerId"/> (null = the principal's own records: staff only).</summary>
    public async Task<bool> CanSeeAsync(Guid? partnerId, CancellationToken ct = default)
    {
        await LoadAsync(ct);
        if (_visible is null) return true;
        return partnerId is { } id && _visible.Contains(id);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (_loaded) return;
        var user = await permissions.UserAsync();
        var claim = user.FindFirst(SidigClaims.PartnerId)?.Value;
        _isPartnerUser = claim is not null || Roles.Partner.Any(user.IsInRole);
        if (!_isPartnerUser)
        {
            _visible = null;
            _loaded = true;
            return;
        }
        if (!Guid.TryParse(claim, out var own))
        {
            _visible = new HashSet<Guid>(); // a partner user not (or no longer) bound to a partner sees nothing
            _loaded = true;
            return;
        }
        _own = own;
        await using var db = await factory.CreateDbContextAsync(ct);
        var tenantId = db.CurrentTenantId;
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == own).Select(p => new { p.Type, p.IsActive }).FirstOrDefaultAsync(ct);
        var visible = new HashSet<Guid>();
        if (partner is { IsActive: true })
        {
            visible.Add(own);
            var subPartners = partner.Type == PartnerType.Distributor
                && await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.PartnersSeeSubPartners).FirstAsync(ct);
            if (subPartners)
            {
                var parentOf = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
                visible.UnionWith(PartnerTree.Descendants(own, parentOf));
            }
        }
        _visible = visible;
        _loaded = true;
    }
}
