using Sidig.Domain.Common;

namespace Sidig.Domain.Units;

public enum UnitAnomalyKind
{
    /// <summary>The unit's QR page was opened from many client networks within the detection window (copied labels?).</summary>
    ManyPlaces = 0,
}

/// <summary>
/// Something odd about one unit, listed for customer service until someone marks it reviewed. At most one per unit and
/// kind per detection window (<see cref="IsDue"/>), however many scans keep coming.
/// </summary>
public sealed class UnitAnomaly : Entity, ITenantOwned
{
    public const int ReviewerMax = 256;

    private UnitAnomaly() { }

    public Guid TenantId { get; set; }
    public Guid UnitId { get; private set; }
    public UnitAnomalyKind Kind { get; private set; }
    /// <summary>Distinct places seen within the window when it was flagged.</summary>
    public int Places { get; private set; }
    public DateTimeOffset FlaggedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    public static UnitAnomaly ManyPlaces(Guid unitId, int places, DateTimeOffset now) =>
        new() { UnitId = unitId, Kind = UnitAnomalyKind.ManyPlaces, Places = places, FlaggedAt = now };

    /// <summary>
    /// Whether a unit seen from <paramref name="places"/> distinct places within <paramref name="window"/> should be flagged
    /// now, given when it was last flagged: once per window, not once per scan.
    /// </summary>
    public static bool IsDue(int places, int threshold, DateTimeOffset? lastFlaggedAt, DateTimeOffset now, TimeSpan window) =>
        places >= threshold && (lastFlaggedAt is not { } last || last <= now - window);

    public void MarkReviewed(string user, DateTimeOffset now)
    {
        if (ReviewedAt is not null) throw new DomainException("Anomaly.AlreadyReviewed");
        ReviewedAt = now;
        ReviewedBy = Guard.Required(user, "Anomaly.ReviewerRequired", ReviewerMax);
    }
}
