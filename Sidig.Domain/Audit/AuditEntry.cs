using Sidig.Domain.Common;

namespace Sidig.Domain.Audit;

public enum AuditAction { Created = 0, Updated = 1, Deleted = 2 }

/// <summary>One insert, update or delete of a business record: who, when, what changed (old/new values as JSON).</summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string? UserName { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>JSON object: property → {"old": …, "new": …}.</summary>
    public string Changes { get; set; } = "{}";
}
