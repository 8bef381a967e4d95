using Sidig.Domain.Common;

namespace Sidig.Domain.Catalog;

/// <summary>What starts a unit's warranty.</summary>
public enum WarrantyStart { Registration = 0, SellOut = 1, DeliveryPlusGrace = 2 }

/// <summary>
/// A warranty policy attached to products: its length, what starts it, what it covers (in both languages) and
/// what registration needs. Used in full by the units and warranty module.
/// </summary>
public sealed class WarrantyPolicy : Entity, ITenantOwned, IAuditable
{
    public const int MaxMonths = 240;
    public const int MaxGraceDays = 365;
    public const int MaxMaintenanceMonths = 60;

    private WarrantyPolicy() { Name = CoverageId = CoverageEn = ""; }

    public Guid TenantId { get; set; }
    public string Name { get; private set; }
    public int Months { get; private set; }
    public WarrantyStart StartsOn { get; private set; }
    /// <summary>Days added to the delivery date when <see cref="StartsOn"/> is <see cref="WarrantyStart.DeliveryPlusGrace"/>.</summary>
    public int GraceDays { get; private set; }
    public string CoverageId { get; private set; }
    public string CoverageEn { get; private set; }
    public bool RequiresReceiptPhoto { get; private set; }
    /// <summary>Most claims a unit may have under this policy; null = no limit.</summary>
    public int? MaxClaims { get; private set; }
    /// <summary>Periodic maintenance every this many months from the warranty start, while in warranty; null = none.</summary>
    public int? MaintenanceMonths { get; private set; }

    public static WarrantyPolicy Create(string name, int months, WarrantyStart startsOn, int graceDays,
        string coverageId, string coverageEn, bool requiresReceiptPhoto, int? maxClaims = null, int? maintenanceMonths = null)
    {
        var p = new WarrantyPolicy();
        p.Update(name, months, startsOn, graceDays, coverageId, coverageEn, requiresReceiptPhoto, maxClaims, maintenanceMonths);
        return p;
    }

    public static IReadOnlyList<Error> Check(string? name, int months, WarrantyStart startsOn, int graceDays,
        string? coverageId, string? coverageEn, int? maxClaims, int? maintenanceMonths = null)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("Warranty.NameRequired", "Name"));
        else if (name.Trim().Length > 100) errors.Add(new("Validation.TooLong", "Name"));
        if (months is < 1 or > MaxMonths) errors.Add(new("Warranty.MonthsRange", "Months", 1, MaxMonths));
        if (!Enum.IsDefined(startsOn)) errors.Add(new("Warranty.StartInvalid", "StartsOn"));
        if (graceDays < 0 || graceDays > MaxGraceDays || (startsOn != WarrantyStart.DeliveryPlusGrace && graceDays != 0))
            errors.Add(new("Warranty.GraceDaysInvalid", "GraceDays", 0, MaxGraceDays));
        if (string.IsNullOrWhiteSpace(coverageId)) errors.Add(new("Warranty.CoverageRequired", "CoverageId"));
        else if (coverageId.Trim().Length > 2000) errors.Add(new("Validation.TooLong", "CoverageId"));
        if (string.IsNullOrWhiteSpace(coverageEn)) errors.Add(new("Warranty.CoverageRequired", "CoverageEn"));
        else if (coverageEn.Trim().Length > 2000) errors.Add(new("Validation.TooLong", "CoverageEn"));
        if (maxClaims is < 1) errors.Add(new("Warranty.MaxClaimsInvalid", "MaxClaims"));
        if (maintenanceMonths is < 1 or > MaxMaintenanceMonths)
            errors.Add(new("Warranty.MaintenanceMonthsRange", "MaintenanceMonths", 1, MaxMaintenanceMonths));
        return errors;
    }

    public void Update(string name, int months, WarrantyStart startsOn, int graceDays,
        string coverageId, string coverageEn, bool requiresReceiptPhoto, int? maxClaims, int? maintenanceMonths = null)
    {
        var errors = Check(name, months, startsOn, graceDays, coverageId, coverageEn, maxClaims, maintenanceMonths);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        Name = name.Trim();
        Months = months;
        StartsOn = startsOn;
        GraceDays = graceDays;
        CoverageId = coverageId.Trim();
        CoverageEn = coverageEn.Trim();
        RequiresReceiptPhoto = requiresReceiptPhoto;
        MaxClaims = maxClaims;
        MaintenanceMonths = maintenanceMonths;
    }

    /// <summary>The date the warranty starts, given the dates the policy may start from; null while the start event has not happened.</summary>
    public DateOnly? StartDate(DateOnly? registered, DateOnly? soldOut, DateOnly? delivered) => StartsOn switch
    {
        WarrantyStart.Registration => registered,
        WarrantyStart.SellOut => soldOut,
        _ => delivered?.AddDays(GraceDays),
    };

    /// <summary>
    /// Last day covered: the day before the same date <see cref="Months"/> months later; when that month has no such
    /// date (a start on 29–31 January, 1 month), the last day of that month (28 February), not the day before it.
    /// </summary>
    public DateOnly EndDate(DateOnly start)
    {
        var later = start.AddMonths(Months); // clamps 31 Jan + 1 month to 28 Feb
        return later.Day < start.Day ? later : later.AddDays(-1);
    }
}
