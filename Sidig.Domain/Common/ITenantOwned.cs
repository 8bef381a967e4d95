namespace Sidig.Domain.Common;

/// <summary>
/// Marks a record that belongs to one tenant. The persistence layer applies the tenant query filter, stamps
/// <see cref="TenantId"/> on insert, refuses cross-tenant writes and (on PostgreSQL) protects the table with
/// row-level security. Platform-level records use <see cref="TenantIds.Platform"/>.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

public static class TenantIds
{
    /// <summary>The platform host's own scope (platform operators, platform audit). Not a tenant row.</summary>
    public static readonly Guid Platform = Guid.Empty;
}
