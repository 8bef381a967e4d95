using Sidig.Domain.Common;

namespace Sidig.Domain.Warranty;

/// <summary>A tenant's warranty rules that are not per policy. One per tenant; a tenant without a row uses <see cref="CreateDefault"/>.</summary>
public sealed class WarrantySettings : Entity, ITenantOwned, IAuditable
{
    public const int DefaultExpiryReminderDays = 30;
    public const int MaxExpiryReminderDays = 365;

    private WarrantySettings() { }

    public Guid TenantId { get; set; }
    /// <summary>Days before a warranty ends that the buyer is reminded (0 = no expiry reminders).</summary>
    public int ExpiryReminderDays { get; private set; }

    public static WarrantySettings CreateDefault() => new() { ExpiryReminderDays = DefaultExpiryReminderDays };

    public static IReadOnlyList<Error> Check(int expiryReminderDays) =>
        expiryReminderDays is < 0 or > MaxExpiryReminderDays
            ? [new Error("WarrantySettings.ExpiryDaysRange", nameof(ExpiryReminderDays), 0, MaxExpiryReminderDays)]
            : [];

    public void Update(int expiryReminderDays)
    {
        if (Check(expiryReminderDays) is [var first, ..]) throw new DomainException(first.Code);
        ExpiryReminderDays = expiryReminderDays;
    }
}
