using Sidig.Domain.Common;
using Sidig.Domain.Warranty;

namespace Sidig.Domain.Service;

public enum TicketType { Complaint = 0, WarrantyClaim = 1, Repair = 2, Replacement = 3, Installation = 4, Demo = 5 }

public enum TicketStatus { New = 0, Acknowledged = 1, InProgress = 2, WaitingOnCustomer = 3, Resolved = 4, Closed = 5, Rejected = 6 }

public enum TicketPriority { Low = 0, Normal = 1, High = 2, Urgent = 3 }

public enum TicketSource { Public = 0, Staff = 1, Partner = 2 }

/// <summary>What a customer asks for on the public service form.</summary>
public sealed record ServiceRequestInput(TicketType? Type, string? Description, string? Name, string? Phone, string? Email, bool Consent);

/// <summary>
/// A service desk ticket: a complaint, a warranty claim, a repair… about a unit (optional for complaints) for a customer.
/// The customer follows it on the public page with its number and their phone number, and rates it once it is resolved.
/// </summary>
public sealed class Ticket : Entity, ITenantOwned
{
    public const int DescriptionMax = 2000;
    public const int MaxPhotos = 3;
    public const int CommentMax = 1000;
    /// <summary>The types a customer may choose on the public form; the others are opened by staff.</summary>
    public static readonly TicketType[] PublicTypes = [TicketType.Repair, TicketType.WarrantyClaim, TicketType.Complaint, TicketType.Installation];

    private readonly List<TicketPhoto> _photos = [];

    private Ticket() { Number = Description = CustomerName = CustomerPhone = PhoneKey = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public TicketType Type { get; private set; }
    public TicketStatus Status { get; private set; }
    public TicketPriority Priority { get; private set; }
    public TicketSource Source { get; private set; }
    public Guid? UnitId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string CustomerName { get; private set; }
    /// <summary>+62…, see <see cref="ContactRules.IndonesianMobile"/>.</summary>
    public string CustomerPhone { get; private set; }
    /// <summary>62…: what the public page compares the typed phone with.</summary>
    public string PhoneKey { get; private set; }
    public string? CustomerEmail { get; private set; }
    public string Description { get; private set; }
    public Guid? SubmissionKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public IReadOnlyList<TicketPhoto> Photos => _photos;

    public static IReadOnlyList<Error> Check(ServiceRequestInput input, IReadOnlyList<ReceiptPhoto> photos)
    {
        var errors = new List<Error>();
        if (input.Type is not { } type || !PublicTypes.Contains(type)) errors.Add(new("Ticket.TypeRequired", nameof(input.Type)));
        if (string.IsNullOrWhiteSpace(input.Description)) errors.Add(new("Ticket.DescriptionRequired", nameof(input.Description)));
        else if (input.Description.Trim().Length > DescriptionMax) errors.Add(new("Validation.TooLong", nameof(input.Description)));
        else if (!PlainText.IsPlain(input.Description, multiline: true)) errors.Add(new("Validation.PlainText", nameof(input.Description)));
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new("Registration.NameRequired", nameof(input.Name)));
        else if (input.Name.Trim().Length > WarrantyRegistration.NameMax) errors.Add(new("Validation.TooLong", nameof(input.Name)));
        else if (!PlainText.IsPlain(input.Name)) errors.Add(new("Validation.PlainText", nameof(input.Name)));
        if (ContactRules.IndonesianMobile(input.Phone).Error is { } phone) errors.Add(new(phone, nameof(input.Phone)));
        if (ContactRules.Email(input.Email).Error is { } email) errors.Add(new(email, nameof(input.Email)));
        if (photos.Count > MaxPhotos) errors.Add(new("Ticket.TooManyPhotos", "Photos", MaxPhotos));
        else if (photos.Select(ReceiptPhoto.Check).FirstOrDefault(p => p is not null) is { } photo) errors.Add(new(photo.Replace("Registration.Receipt", "Ticket.Photo"), "Photos"));
        if (!input.Consent) errors.Add(new("Registration.ConsentRequired", nameof(input.Consent)));
        return errors;
    }

    /// <summary>A customer's request from a unit's scan page.</summary>
    public static Ticket Request(string number, Guid unitId, ServiceRequestInput input, IReadOnlyList<ReceiptPhoto> photos, Guid submissionKey, DateTimeOffset now)
    {
        var errors = Check(input, photos);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        var phone = ContactRules.IndonesianMobile(input.Phone).Value!;
        var ticket = new Ticket
        {
            Number = Guard.Required(number, "Ticket.NumberRequired", 30), Type = input.Type!.Value, Status = TicketStatus.New,
            Priority = TicketPriority.Normal, Source = TicketSource.Public,
            UnitId = unitId, CustomerName = input.Name!.Trim(), CustomerPhone = phone, PhoneKey = Stock.Customer.PhoneKeyOf(phone)!,
            CustomerEmail = ContactRules.Email(input.Email).Value, Description = input.Description!.Trim(), SubmissionKey = submissionKey, CreatedAt = now,
        };
        foreach (var p in photos) ticket._photos.Add(new TicketPhoto(ticket.Id, p.Bytes, ImageContent.Sniff(p.Bytes)!));
        return ticket;
    }

    /// <summary>Whether <paramref name="typed"/> is this ticket's phone (however it is punctuated).</summary>
    public bool IsPhoneOf(string? typed) =>
        ContactRules.IndonesianMobile(typed).Value is { } phone && Stock.Customer.PhoneKeyOf(phone) == PhoneKey;

    /// <summary>The customer's rating once the ticket is resolved or closed; once only.</summary>
    public void Rate(int? stars, string? comment, DateTimeOffset now)
    {
        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed)) throw new DomainException("Ticket.NotResolved");
        if (Rating is not null) throw new DomainException("Ticket.AlreadyRated");
        if (stars is not (>= 1 and <= 5)) throw new DomainException("Ticket.RatingRange");
        if (comment is not null && !PlainText.IsPlain(comment, multiline: true)) throw new DomainException("Validation.PlainText");
        Rating = stars;
        RatingComment = Guard.Optional(comment, CommentMax);
        RatedAt = now;
    }

    /// <summary>Staff mark the ticket resolved (the full workflow is the service desk's).</summary>
    public void Resolve(DateTimeOffset now)
    {
        if (Status is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected) throw new DomainException("Ticket.AlreadyFinished");
        Status = TicketStatus.Resolved;
        ResolvedAt = now;
    }
}

/// <summary>A photo sent with a ticket (type read from its bytes).</summary>
public sealed class TicketPhoto : Entity, ITenantOwned
{
    private TicketPhoto() { Content = []; ContentType = ""; }

    internal TicketPhoto(Guid ticketId, byte[] content, string contentType) => (TicketId, Content, ContentType) = (ticketId, content, contentType);

    public Guid TenantId { get; set; }
    public Guid TicketId { get; private set; }
    public byte[] Content { get; private set; }
    public string ContentType { get; private set; }
}
