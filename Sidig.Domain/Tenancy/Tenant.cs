using Sidig.Domain.Common;

namespace Sidig.Domain.Tenancy;

public enum TenantStatus { Active = 0, Suspended = 1 }

/// <summary>A principal: one subdomain, one isolated set of data. Platform-level record (not tenant-owned).</summary>
public sealed class Tenant : Entity, IAuditable
{
    public const string DefaultTimeZone = "Asia/Jakarta";
    public const string DefaultLanguage = "id-ID";
    public static readonly IReadOnlyList<string> Languages = ["id-ID", "en-US"];

    /// <summary>Indonesia's three time zones: WIB (western), WITA (central), WIT (eastern).</summary>
    public static readonly IReadOnlyList<string> TimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    private Tenant() { Slug = DisplayName = TimeZoneId = Language = ""; }

    public string Slug { get; private set; }
    public string DisplayName { get; private set; }
    public TenantStatus Status { get; private set; }
    public string TimeZoneId { get; private set; }
    public string Language { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SuspendedAt { get; private set; }
    /// <summary>Whether a posting may take a warehouse below zero (off by default: the ledger refuses it).</summary>
    public bool AllowNegativeStock { get; private set; }
    /// <summary>Whether a distributor's users also see the records of the partners below it in the network.</summary>
    public bool PartnersSeeSubPartners { get; private set; }

    public bool IsActive => Status == TenantStatus.Active;

    public static Tenant Create(string slug, string displayName, DateTimeOffset now,
        string timeZoneId = DefaultTimeZone, string language = DefaultLanguage)
    {
        slug = (slug ?? "").Trim().ToLowerInvariant();
        var problem = TenantSlug.Validate(slug);
        if (problem is not null) throw new DomainException(problem);
        var tenant = new Tenant
        {
            Slug = slug,
            DisplayName = Guard.Required(displayName, "Tenant.NameRequired", 200),
            Status = TenantStatus.Active,
            CreatedAt = now,
        };
        tenant.SetRegional(timeZoneId, language);
        return tenant;
    }

    public void Rename(string displayName) => DisplayName = Guard.Required(displayName, "Tenant.NameRequired", 200);

    /// <summary>The tenant's time zone (one of <see cref="TimeZones"/>) and the language for users who chose none.</summary>
    public void SetRegional(string timeZoneId, string language)
    {
        if (timeZoneId is null || !TimeZones.Contains(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
            throw new DomainException("Tenant.TimeZoneInvalid");
        if (language is null || !Languages.Contains(language)) throw new DomainException("Tenant.LanguageInvalid");
        TimeZoneId = timeZoneId;
        Language = language;
    }

    public void SetStockRules(bool allowNegativeStock, bool partnersSeeSubPartners)
    {
        AllowNegativeStock = allowNegativeStock;
        PartnersSeeSubPartners = partnersSeeSubPartners;
    }

    public void Suspend(DateTimeOffset now)
    {
        if (Status == TenantStatus.Suspended) throw new DomainException("Tenant.AlreadySuspended");
        Status = TenantStatus.Suspended;
        SuspendedAt = now;
    }

    public void Reactivate()
    {
        if (Status == TenantStatus.Active) throw new DomainException("Tenant.AlreadyActive");
        Status = TenantStatus.Active;
        SuspendedAt = null;
    }
}
