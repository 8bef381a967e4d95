using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Partners;

/// <summary>
/// Partners for a picker (parent partner, the partner of a new partner user): by code or name, optionally only some
/// types, and without <see cref="ExcludeSubtreeOf"/> and the partners below it (a partner cannot become its own parent).
/// </summary>
public sealed record SearchPartners(string? Text, IReadOnlyList<PartnerType>? Types = null, Guid? ExcludeSubtreeOf = null, bool ActiveOnly = true, int Take = 20);

public sealed record PartnerOption(Guid Id, string Code, string LegalName, PartnerType Type)
{
    public string Display => $"{Code} — {LegalName}";
}

public sealed class SearchPartnersHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<IReadOnlyList<PartnerOption>>> HandleAsync(SearchPartners query, CancellationToken ct = default)
    {
        // Staff who edit partners pick parents; admins pick the partner of a user they invite.
        if (!await permissions.HasAsync(Policies.ViewPartners) && !await permissions.HasAsync(Policies.ManageUsers))
            return Result<IReadOnlyList<PartnerOption>>.Fail("Access.Denied");
        var visible = await scope.VisibleAsync(ct);

        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<Partner> partners = db.Partners.AsNoTracking();
        if (visible is not null) partners = partners.Where(p => visible.Contains(p.Id));
        if (query.ActiveOnly) partners = partners.Where(p => p.IsActive);
        if (query.Types is { Count: > 0 } types) partners = partners.Where(p => types.Contains(p.Type));
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToUpperInvariant();
            partners = partners.Where(p => p.Code.Contains(text) || p.LegalName.ToUpper().Contains(text));
        }
        if (query.ExcludeSubtreeOf is { } root)
        {
            var parentOf = await db.Partners.AsNoTracking().Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
            var excluded = PartnerTree.Descendants(root, parentOf).Append(root).ToList();
            partners = partners.Where(p => !excluded.Contains(p.Id));
        }
        var options = await partners.OrderBy(p => p.Code).Take(Math.Clamp(query.Take, 1, 100))
            .Select(p => new PartnerOption(p.Id, p.Code, p.LegalName, p.Type))
            .ToListAsync(ct);
        return Result<IReadOnlyList<PartnerOption>>.Ok(options);
    }
}
