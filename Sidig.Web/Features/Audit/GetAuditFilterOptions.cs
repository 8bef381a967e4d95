using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Audit;

/// <summary>The choices for the audit filters: who acted and which record types appear in this tenant's trail.</summary>
public sealed record GetAuditFilterOptions;

public sealed record AuditUserOption(Guid UserId, string UserName);

public sealed record AuditFilterOptions(IReadOnlyList<AuditUserOption> Users, IReadOnlyList<string> EntityTypes);

public sealed class GetAuditFilterOptionsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<AuditFilterOptions>> HandleAsync(GetAuditFilterOptions query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewAudit)) return Result<AuditFilterOptions>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var users = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId != null)
            .GroupBy(a => a.UserId)
            .Select(g => new { Id = g.Key!.Value, Name = g.Max(a => a.UserName) })
            .ToListAsync(ct);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().ToListAsync(ct);
        return Result<AuditFilterOptions>.Ok(new AuditFilterOptions(
            users.Select(u => new AuditUserOption(u.Id, u.Name ?? u.Id.ToString())).OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).ToList(),
            types.Order(StringComparer.Ordinal).ToList()));
    }
}
