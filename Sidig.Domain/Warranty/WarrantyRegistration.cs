using System.Security.Cryptography;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Units;

namespace Sidig.Domain.Warranty;

public enum RegistrationStatus
{
    /// <summary>The unit's warranty is registered.</summary>
    Approved = 0,
    /// <summary>Waiting for customer service: the policy needs the receipt checked, or the registration is flagged.</summary>
    Pending = 1,
    Rejected = 2,
}

/// <summary>Why a registration is listed for review.</summary>
[Flags]
public enum RegistrationFlags
{
    None = 0,
    /// <summary>The unit already had a registration (approved or pending) when this one came in.</summary>
    DuplicateUnit = 1,
    /// <summary>The buyer's province is outside the territory of the partner the unit was shipped to.</summary>
    OutsideTerritory = 2,
}

public enum RegistrationSource { Customer = 0, Technician = 1 }

/// <summary>What the buyer types on the public form (or a technician at installation).</summary>
public sealed record RegistrationInput(string? Name, string? Phone, string? Email, DateOnly? PurchaseDate, Guid? SellerPartnerId,
    string? SellerName, string? ProvinceCode, string? RegencyCode, bool Consent);

/// <summary>A receipt photo as uploaded: its bytes and the pixel size read from its header (null = unreadable).</summary>
public sealed record ReceiptPhoto(byte[] Bytes, int? Width, int? Height)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 8000;
    public const int MinSide = 200;

    /// <summary>The problem with the photo (a resource key), or null; the type comes from the bytes, never the file name.</summary>
    public static string? Check(ReceiptPhoto photo)
    {
        if (photo.Bytes.Length == 0) return "Registration.ReceiptRequired";
        if (photo.Bytes.Length > MaxBytes) return "Registration.ReceiptTooLarge";
        if (ImageContent.Sniff(photo.Bytes) is null) return "Registration.ReceiptType";
        if (photo.Width is not { } w || photo.Height is not { } h) return "Registration.ReceiptUnreadable";
        if (w > MaxSide || h > MaxSide) return "Registration.ReceiptDimensions";
        if (w < MinSide || h < MinSide) return "Registration.ReceiptTooSmall";
        return null;
    }
}

/// <summary>
/// An end customer's (or technician's) registration of one unit's warranty. A unit is registered once: a second
/// registration of the same unit is kept, flagged <see cref="RegistrationFlags.DuplicateUnit"/>, and waits for review
/// instead of replacing the first. Registrations whose policy needs a receipt photo wait for customer service too.
/// </summary>
public sealed class WarrantyRegistration : Entity, ITenantOwned
{
    public const int NameMax = 200;
    public const int SellerMax = 200;
    public const int ReasonMax = 500;
    public const int TokenLength = 24;
    public const string DocumentType = "WarrantyRegistration";

    private WarrantyRegistration() { Name = Phone = PhoneKey = Token = ""; }

    public Guid TenantId { get; set; }
    public Guid UnitId { get; private set; }
    /// <summary>The form's one-time key: a repeated submit (double click, reload) finds this registration instead of making another.</summary>
    public Guid SubmissionKey { get; private set; }
    /// <summary>Random secret in the customer's link to the warranty card; not guessable from the unit or the phone.</summary>
    public string Token { get; private set; }
    public string Name { get; private set; }
    /// <summary>+62… as normalised by <see cref="ContactRules.IndonesianMobile"/>.</summary>
    public string Phone { get; private set; }
    /// <summary>62…, the form customers are found by (see <see cref="Stock.Customer.PhoneKeyOf"/>).</summary>
    public string PhoneKey { get; private set; }
    public string? Email { get; private set; }
    public DateOnly PurchaseDate { get; private set; }
    public Guid? SellerPartnerId { get; private set; }
    public string? SellerName { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public string RegencyCode { get; private set; } = "";
    public byte[]? ReceiptImage { get; private set; }
    public string? ReceiptContentType { get; private set; }
    public RegistrationSource Source { get; private set; }
    /// <summary>The registration date (tenant's calendar) — the warranty start for policies that start on registration.</summary>
    public DateOnly RegisteredOn { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public RegistrationFlags Flags { get; private set; }
    public string? RejectReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    /// <summary>The customer record the registration was linked to when approved.</summary>
    public Guid? CustomerId { get; private set; }

    /// <summary>Every problem with the input, each with its field, so the form shows them all at once.</summary>
    public static IReadOnlyList<Error> Check(RegistrationInput input, ReceiptPhoto? receipt, WarrantyPolicy? policy, DateOnly unitMadeOn, DateOnly today, IAreaCodes areas)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new("Registration.NameRequired", nameof(input.Name)));
        else if (input.Name.Trim().Length > NameMax) errors.Add(new("Validation.TooLong", nameof(input.Name)));
        else if (!PlainText.IsPlain(input.Name)) errors.Add(new("Validation.PlainText", nameof(input.Name)));
        if (ContactRules.IndonesianMobile(input.Phone).Error is { } phone) errors.Add(new(phone, nameof(input.Phone)));
        if (ContactRules.Email(input.Email).Error is { } email) errors.Add(new(email, nameof(input.Email)));
        if (input.PurchaseDate is not { } bought) errors.Add(new("Registration.PurchaseDateRequired", nameof(input.PurchaseDate)));
        else if (bought > today) errors.Add(new("Registration.PurchaseDateFuture", nameof(input.PurchaseDate)));
        else if (bought < unitMadeOn) errors.Add(new("Registration.PurchaseBeforeMade", nameof(input.PurchaseDate)));
        if (input.SellerPartnerId is null && string.IsNullOrWhiteSpace(input.SellerName)) errors.Add(new("Registration.SellerRequired", nameof(input.SellerName)));
        else if (input.SellerName?.Trim().Length > SellerMax) errors.Add(new("Validation.TooLong", nameof(input.SellerName)));
        else if (!PlainText.IsPlain(input.SellerName)) errors.Add(new("Validation.PlainText", nameof(input.SellerName)));
        if (string.IsNullOrWhiteSpace(input.ProvinceCode)) errors.Add(new("Registration.ProvinceRequired", nameof(input.ProvinceCode)));
        else if (string.IsNullOrWhiteSpace(input.RegencyCode)) errors.Add(new("Registration.RegencyRequired", nameof(input.RegencyCode)));
        else if (ContactRules.Area(input.ProvinceCode, input.RegencyCode, areas) is { Error: { } area, Field: var field }) errors.Add(new(area, field));
        if (receipt is not null && ReceiptPhoto.Check(receipt) is { } photo) errors.Add(new(photo, "Receipt"));
        else if (receipt is null && policy?.RequiresReceiptPhoto == true) errors.Add(new("Registration.ReceiptRequired", "Receipt"));
        if (!input.Consent) errors.Add(new("Registration.ConsentRequired", nameof(input.Consent)));
        return errors;
    }

    /// <summary>
    /// A checked registration of <paramref name="unit"/>. Approved at once — and the unit registered — unless the policy
    /// needs the receipt checked or <paramref name="flags"/> says it needs a look (then it waits as Pending).
    /// </summary>
    /// <param name="madeOn">the production date of the unit's batch: nobody bought it before that</param>
    public static (WarrantyRegistration Registration, UnitEvent? Registered) Submit(Unit unit, DateOnly madeOn, RegistrationInput input, ReceiptPhoto? receipt,
        WarrantyPolicy? policy, RegistrationFlags flags, Guid submissionKey, RegistrationSource source, Guid? customerId, DateOnly today,
        DateTimeOffset now, IAreaCodes areas)
    {
        var errors = Check(input, receipt, policy, madeOn, today, areas);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        if (submissionKey == Guid.Empty) throw new DomainException("Registration.KeyRequired");
        var phone = ContactRules.IndonesianMobile(input.Phone).Value!;
        var r = new WarrantyRegistration
        {
            UnitId = unit.Id, SubmissionKey = submissionKey, Token = NewToken(), Name = input.Name!.Trim(), Phone = phone,
            PhoneKey = Stock.Customer.PhoneKeyOf(phone)!, Email = ContactRules.Email(input.Email).Value, PurchaseDate = input.PurchaseDate!.Value,
            SellerPartnerId = input.SellerPartnerId, SellerName = string.IsNullOrWhiteSpace(input.SellerName) ? null : input.SellerName.Trim(),
            ProvinceCode = input.ProvinceCode!.Trim(), RegencyCode = input.RegencyCode!.Trim(),
            ReceiptImage = receipt?.Bytes, ReceiptContentType = receipt is null ? null : ImageContent.Sniff(receipt.Bytes),
            Source = source, RegisteredOn = today, SubmittedAt = now, Flags = flags,
            Status = NeedsReview(policy, flags) ? RegistrationStatus.Pending : RegistrationStatus.Approved,
        };
        if (r.Status == RegistrationStatus.Pending) return (r, null);
        r.CustomerId = customerId;
        return (r, unit.Register(r.RegisteredOn, now, r.Id, source.ToString(), customerId));
    }

    /// <summary>Whether a registration waits for customer service: the receipt must be checked, or something looks wrong.</summary>
    public static bool NeedsReview(WarrantyPolicy? policy, RegistrationFlags flags) =>
        flags != RegistrationFlags.None || policy?.RequiresReceiptPhoto == true;

    /// <summary>Customer service accepts a pending registration: the unit's warranty is registered from the day it was submitted.</summary>
    public UnitEvent Approve(Unit unit, Guid customerId, string user, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Pending) throw new DomainException("Registration.NotPending");
        if (unit.Id != UnitId) throw new DomainException("Registration.WrongUnit");
        Status = RegistrationStatus.Approved;
        CustomerId = customerId;
        DecidedAt = now;
        DecidedBy = user;
        return unit.Register(RegisteredOn, now, Id, user, customerId);
    }

    public void Reject(string? reason, string user, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Pending) throw new DomainException("Registration.NotPending");
        RejectReason = Guard.Required(reason, "Registration.ReasonRequired", ReasonMax);
        Status = RegistrationStatus.Rejected;
        DecidedAt = now;
        DecidedBy = user;
    }

    private static string NewToken() => RandomNumberGenerator.GetString(PublicCode.Alphabet, TokenLength);

    public static bool IsWellFormedToken(string? token) => token is { Length: TokenLength } && token.All(c => PublicCode.Alphabet.Contains(c));
}
