using Sidig.Domain.Common;
using Sidig.Domain.Warranty;

namespace Sidig.Domain.Service;

public enum TicketType { Complaint = 0, WarrantyClaim = 1, Repair = 2, Replacement = 3, Installation = 4, Demo = 5 }

public enum TicketStatus { New = 0, Acknowledged = 1, InProgress = 2, WaitingOnCustomer = 3, Resolved = 4, Closed = 5, Rejected = 6 }

public enum TicketPriority { Low = 0, Normal = 1, High = 2, Urgent = 3 }

public enum TicketSource { Public = 0, Staff = 1, Partner = 2 }

/// <summary>A warranty claim's decision: approved claims end in a replacement or a repair.</summary>
public enum ClaimStatus { None = 0, Approved = 1, Rejected = 2 }

public enum ClaimOutcome { Replacement = 1, Repair = 2 }

/// <summary>Who works a ticket: a user of the principal (staff or technician) or a partner that is a service centre.</summary>
public sealed record TicketAssignee(Guid? UserId, Guid? PartnerId, string Name)
{
    public static TicketAssignee User(Guid id, string name) => new(id, null, name);
    public static TicketAssignee ServiceCentre(Guid id, string name) => new(null, id, name);
}

/// <summary>What staff (or a partner) type when they open a ticket.</summary>
public sealed record TicketInput(TicketType? Type, TicketPriority? Priority, Guid? UnitId, string? Description, string? Name, string? Phone, string? Email);

/// <summary>Where a ticket stands against its SLA now.</summary>
public enum SlaState { None = 0, OnTrack = 1, Near = 2, Breached = 3, Paused = 4, Met = 5, Missed = 6 }

/// <summary>The SLA target currently running (first response until answered, then resolution) and its state.</summary>
public sealed record SlaView(SlaState State, bool FirstResponse, DateTimeOffset? Due, int? BusinessMinutesLeft);

/// <summary>What a customer asks for on the public service form.</summary>
public sealed record ServiceRequestInput(TicketType? Type, string? Description, string? Name, string? Phone, string? Email, bool Consent);

/// <summary>
/// A service desk ticket: a complaint, a warranty claim, a repair… about a unit (optional for complaints) for a customer.
/// It moves through <see cref="TicketStatus"/> by <see cref="MoveTo"/> only (see <see cref="Next"/>), runs two SLA clocks in
/// business time (first response, resolution; the resolution clock stops while waiting on the customer), is worked by one
/// assignee, and the customer follows it on the public page with its number and phone number and rates it once resolved.
/// </summary>
public sealed class Ticket : Entity, ITenantOwned, IAuditable
{
    public const int DescriptionMax = 2000;
    public const int MaxPhotos = 3;
    public const int CommentMax = 1000;
    public const int ReasonMax = 1000;
    public const string DocumentType = "Ticket";
    /// <summary>The types a customer may choose on the public form; the others are opened by staff.</summary>
    public static readonly TicketType[] PublicTypes = [TicketType.Repair, TicketType.WarrantyClaim, TicketType.Complaint, TicketType.Installation];

    private readonly List<TicketAttachment> _attachments = [];

    private Ticket() { Number = Description = CustomerName = CustomerPhone = PhoneKey = ""; }

    public Guid TenantId { get; set; }
    public string Number { get; private set; }
    public TicketType Type { get; private set; }
    public TicketStatus Status { get; private set; }
    public TicketPriority Priority { get; private set; }
    public TicketSource Source { get; private set; }
    /// <summary>The partner whose user opened the ticket for its customer (source Partner).</summary>
    public Guid? ReporterPartnerId { get; private set; }
    public string? CreatedBy { get; private set; }
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

    public Guid? AssignedUserId { get; private set; }
    public Guid? AssignedPartnerId { get; private set; }
    public string? AssigneeName { get; private set; }

    public int FirstResponseMinutes { get; private set; }
    public int ResolutionMinutes { get; private set; }
    public DateTimeOffset? FirstResponseDueAt { get; private set; }
    public DateTimeOffset? ResolutionDueAt { get; private set; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }
    /// <summary>Set while waiting on the customer: the resolution clock stands still.</summary>
    public DateTimeOffset? PausedAt { get; private set; }
    /// <summary>When the escalation job first found a target breached.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Resolution { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? RejectReason { get; private set; }

    public ClaimStatus ClaimStatus { get; private set; }
    public ClaimOutcome? ClaimOutcome { get; private set; }
    public string? ClaimNote { get; private set; }
    public Guid? ReplacementUnitId { get; private set; }

    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    /// <summary>Optimistic concurrency: two people changing one ticket at once — the second is told to reload.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<TicketAttachment> Attachments => _attachments;

    public bool IsFinished => Status is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected;

    /// <summary>The statuses a ticket may move to from <paramref name="status"/>.</summary>
    public static IReadOnlyList<TicketStatus> Next(TicketStatus status) => status switch
    {
        TicketStatus.New => [TicketStatus.Acknowledged, TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.Resolved, TicketStatus.Rejected],
        TicketStatus.Acknowledged => [TicketStatus.InProgress, TicketStatus.WaitingOnCustomer, TicketStatus.Resolved, TicketStatus.Rejected],
        TicketStatus.InProgress => [TicketStatus.WaitingOnCustomer, TicketStatus.Resolved, TicketStatus.Rejected],
        TicketStatus.WaitingOnCustomer => [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Rejected],
        TicketStatus.Resolved => [TicketStatus.Closed, TicketStatus.InProgress],
        _ => [],
    };

    public static IReadOnlyList<Error> Check(ServiceRequestInput input, IReadOnlyList<ReceiptPhoto> photos)
    {
        var errors = new List<Error>();
        if (input.Type is not { } type || !PublicTypes.Contains(type)) errors.Add(new("Ticket.TypeRequired", nameof(input.Type)));
        CheckText(errors, input.Description, input.Name);
        if (ContactRules.IndonesianMobile(input.Phone).Error is { } phone) errors.Add(new(phone, nameof(input.Phone)));
        if (ContactRules.Email(input.Email).Error is { } email) errors.Add(new(email, nameof(input.Email)));
        if (photos.Count > MaxPhotos) errors.Add(new("Ticket.TooManyPhotos", "Photos", MaxPhotos));
        else if (photos.Select(ReceiptPhoto.Check).FirstOrDefault(p => p is not null) is { } photo) errors.Add(new(photo.Replace("Registration.Receipt", "Ticket.Photo"), "Photos"));
        if (!input.Consent) errors.Add(new("Registration.ConsentRequired", nameof(input.Consent)));
        return errors;
    }

    /// <summary>Every problem with what staff or a partner typed; a unit is needed for every type but a complaint.</summary>
    public static IReadOnlyList<Error> Check(TicketInput input)
    {
        var errors = new List<Error>();
        if (input.Type is not { } type || !Enum.IsDefined(type)) errors.Add(new("Ticket.TypeRequired", nameof(input.Type)));
        else if (type != TicketType.Complaint && input.UnitId is null) errors.Add(new("Ticket.UnitRequired", "Unit"));
        if (input.Priority is not { } priority || !Enum.IsDefined(priority)) errors.Add(new("Ticket.PriorityRequired", nameof(input.Priority)));
        CheckText(errors, input.Description, input.Name);
        if (ContactRules.IndonesianMobile(input.Phone).Error is { } phone) errors.Add(new(phone, nameof(input.Phone)));
        if (ContactRules.Email(input.Email).Error is { } email) errors.Add(new(email, nameof(input.Email)));
        return errors;
    }

    private static void CheckText(List<Error> errors, string? description, string? name)
    {
        if (string.IsNullOrWhiteSpace(description)) errors.Add(new("Ticket.DescriptionRequired", "Description"));
        else if (description.Trim().Length > DescriptionMax) errors.Add(new("Validation.TooLong", "Description"));
        else if (!PlainText.IsPlain(description, multiline: true)) errors.Add(new("Validation.PlainText", "Description"));
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("Registration.NameRequired", "Name"));
        else if (name.Trim().Length > WarrantyRegistration.NameMax) errors.Add(new("Validation.TooLong", "Name"));
        else if (!PlainText.IsPlain(name)) errors.Add(new("Validation.PlainText", "Name"));
    }

    /// <summary>A customer's request from a unit's scan page.</summary>
    public static Ticket Request(string number, Guid unitId, ServiceRequestInput input, IReadOnlyList<ReceiptPhoto> photos, Guid submissionKey,
        DateTimeOffset now, SlaTargets? targets = null, BusinessCalendar? calendar = null)
    {
        var errors = Check(input, photos);
        if (errors.Count > 0) throw new DomainException(errors[0].Code);
        var ticket = New(number, input.Type!.Value, TicketPriority.Normal, TicketSource.Public, unitId, input.Description!, input.Name!, input.Phone!, input.Email, now);
        ticket.SubmissionKey = submissionKey;
        foreach (var p in photos) ticket._attachments.Add(TicketAttachment.Image(ticket.Id, null, p.Bytes, null, true));
        ticket.StartSla(targets ?? SlaTargets.Default(ticket.Priority), calendar);
        return ticket;
    }

    /// <summary>A ticket opened by staff (for a call, an e-mail, a visit) or by a partner's user for its customer.</summary>
    public static Ticket Open(string number, TicketInput input, TicketSource source, Guid? reporterPartnerId, string? createdBy,
        DateTimeOffset now, SlaTargets targets, BusinessCalendar calendar, Guid? customerId = null)
    {
        if (Check(input) is { Count: > 0 } errors) throw new DomainException(errors[0].Code);
        if (source == TicketSource.Public) throw new DomainException("Ticket.SourceInvalid");
        var ticket = New(number, input.Type!.Value, input.Priority!.Value, source, input.UnitId, input.Description!, input.Name!, input.Phone!, input.Email, now);
        ticket.ReporterPartnerId = source == TicketSource.Partner ? reporterPartnerId ?? throw new DomainException("Ticket.PartnerRequired") : null;
        ticket.CreatedBy = createdBy;
        ticket.CustomerId = customerId;
        ticket.StartSla(targets, calendar);
        return ticket;
    }

    private static Ticket New(string number, TicketType type, TicketPriority priority, TicketSource source, Guid? unitId, string description,
        string name, string phone, string? email, DateTimeOffset now)
    {
        var mobile = ContactRules.IndonesianMobile(phone).Value!;
        return new Ticket
        {
            Number = Guard.Required(number, "Ticket.NumberRequired", 30), Type = type, Status = TicketStatus.New, Priority = priority, Source = source,
            UnitId = unitId, CustomerName = name.Trim(), CustomerPhone = mobile, PhoneKey = Stock.Customer.PhoneKeyOf(mobile)!,
            CustomerEmail = ContactRules.Email(email).Value, Description = description.Trim(), CreatedAt = now,
        };
    }

    /// <summary>Both due dates from the creation time, in business time (no calendar: plain hours, for the public form's fallback).</summary>
    private void StartSla(SlaTargets targets, BusinessCalendar? calendar)
    {
        (FirstResponseMinutes, ResolutionMinutes) = (targets.FirstResponseMinutes, targets.ResolutionMinutes);
        FirstResponseDueAt = calendar?.Add(CreatedAt, targets.FirstResponseMinutes) ?? CreatedAt.AddMinutes(targets.FirstResponseMinutes);
        ResolutionDueAt = calendar?.Add(CreatedAt, targets.ResolutionMinutes) ?? CreatedAt.AddMinutes(targets.ResolutionMinutes);
    }

    /// <summary>A new priority brings the targets of its SLA policy, counted again from the ticket's creation.</summary>
    public void ChangePriority(TicketPriority priority, SlaTargets targets, BusinessCalendar calendar)
    {
        if (!Enum.IsDefined(priority)) throw new DomainException("Ticket.PriorityRequired");
        if (IsFinished) throw new DomainException("Ticket.Finished");
        if (priority == Priority) return;
        Priority = priority;
        var paused = PausedAt;
        StartSla(targets, calendar);
        PausedAt = paused;
        Version++;
    }

    /// <summary>Whether <paramref name="typed"/> is this ticket's phone (however it is punctuated).</summary>
    public bool IsPhoneOf(string? typed) =>
        ContactRules.IndonesianMobile(typed).Value is { } phone && Stock.Customer.PhoneKeyOf(phone) == PhoneKey;

    public void Assign(TicketAssignee assignee)
    {
        if (Status is TicketStatus.Closed or TicketStatus.Rejected) throw new DomainException("Ticket.Finished");
        if (assignee.UserId is null == assignee.PartnerId is null) throw new DomainException("Ticket.AssigneeRequired");
        AssignedUserId = assignee.UserId;
        AssignedPartnerId = assignee.PartnerId;
        AssigneeName = Guard.Required(assignee.Name, "Ticket.AssigneeRequired", 200);
        Version++;
    }

    /// <summary>
    /// Moves the ticket on. Leaving New is its first response. Resolving needs the resolution, rejecting the reason (the
    /// customer reads both). Waiting on the customer stops the resolution clock; moving on adds the business time waited
    /// to the resolution due date. Reopening a resolved ticket clears its resolution and rating window.
    /// </summary>
    public void MoveTo(TicketStatus to, string? text, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (!Next(Status).Contains(to)) throw new DomainException("Ticket.TransitionInvalid", $"{Status} → {to}");
        if (to == TicketStatus.Resolved) Resolution = Guard.Required(Plain(text), "Ticket.ResolutionRequired", ReasonMax);
        if (to == TicketStatus.Rejected) RejectReason = Guard.Required(Plain(text), "Ticket.ReasonRequired", ReasonMax);
        if (to == TicketStatus.Resolved && ClaimOutcome == Service.ClaimOutcome.Replacement && ReplacementUnitId is null)
            throw new DomainException("Ticket.ReplacementMissing");
        if (Status == TicketStatus.New) FirstRespondedAt ??= now;
        if (Status == TicketStatus.WaitingOnCustomer) Resume(now, calendar);
        if (to == TicketStatus.WaitingOnCustomer) PausedAt = now;
        if (to == TicketStatus.Resolved) ResolvedAt = now;
        if (to is TicketStatus.Closed or TicketStatus.Rejected) ClosedAt = now;
        if (Status == TicketStatus.Resolved && to == TicketStatus.InProgress) (ResolvedAt, Resolution) = (null, null);
        Status = to;
        Version++;
    }

    private static string? Plain(string? text) =>
        text is not null && !PlainText.IsPlain(text, multiline: true) ? throw new DomainException("Validation.PlainText") : text;

    private void Resume(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (PausedAt is { } paused && ResolutionDueAt is { } due)
            ResolutionDueAt = calendar.Add(due, calendar.MinutesBetween(paused, now));
        PausedAt = null;
    }

    /// <summary>
    /// A message on the ticket's conversation. A staff reply the customer sees is a first response (a new ticket is then
    /// acknowledged); a customer's reply while we wait on them puts the ticket back in progress. Nobody writes on a
    /// closed or rejected ticket; a customer may still write on a resolved one (it is reopened by staff, not by the reply).
    /// </summary>
    public TicketMessage Write(TicketMessageKind kind, string? body, Guid? authorUserId, string authorName, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (Status is TicketStatus.Closed or TicketStatus.Rejected) throw new DomainException("Ticket.Finished");
        var message = TicketMessage.Create(Id, kind, body, authorUserId, authorName, now);
        if (kind == TicketMessageKind.Reply && Status == TicketStatus.New)
        {
            FirstRespondedAt ??= now;
            Status = TicketStatus.Acknowledged;
        }
        if (kind == TicketMessageKind.Customer && Status == TicketStatus.WaitingOnCustomer)
        {
            Resume(now, calendar);
            Status = TicketStatus.InProgress;
        }
        Version++;
        return message;
    }

    public TicketAttachment Attach(Guid? messageId, byte[] content, string? fileName, bool customerVisible)
    {
        if (Status is TicketStatus.Closed or TicketStatus.Rejected) throw new DomainException("Ticket.Finished");
        var attachment = TicketAttachment.Create(Id, messageId, content, fileName, customerVisible);
        Version++;
        return attachment;
    }

    /// <summary>The SLA target running now and how it stands; <paramref name="nearPercent"/> of its business time gone = near.</summary>
    public SlaView Sla(DateTimeOffset now, BusinessCalendar calendar, int nearPercent)
    {
        if (FirstResponseDueAt is not { } firstDue || ResolutionDueAt is not { } resolutionDue) return new(SlaState.None, false, null, null);
        if (Status == TicketStatus.Rejected) return new(SlaState.None, false, null, null);
        if (FirstRespondedAt is null)
            return Running(true, firstDue, FirstResponseMinutes);
        if (ResolvedAt is not null || Status == TicketStatus.Closed)
            return new((ResolvedAt ?? ClosedAt ?? now) <= resolutionDue ? SlaState.Met : SlaState.Missed, false, resolutionDue, null);
        if (PausedAt is not null) return new(SlaState.Paused, false, resolutionDue, null);
        return Running(false, resolutionDue, ResolutionMinutes);

        SlaView Running(bool first, DateTimeOffset due, int targetMinutes)
        {
            if (now >= due) return new(SlaState.Breached, first, due, 0);
            var left = calendar.MinutesBetween(now, due);
            var near = left <= targetMinutes * (100 - nearPercent) / 100;
            return new(near ? SlaState.Near : SlaState.OnTrack, first, due, left);
        }
    }

    public void MarkEscalated(DateTimeOffset now) => EscalatedAt ??= now;

    /// <summary>
    /// Customer service decides a warranty claim against the unit's warranty today: only a claim on a unit whose warranty
    /// is active can be approved (what it ends in is chosen with it); a rejection needs the reason and ends the ticket.
    /// </summary>
    public void DecideClaim(bool approve, ClaimOutcome? outcome, string? note, Units.WarrantyView warranty, DateTimeOffset now)
    {
        if (Type != TicketType.WarrantyClaim || UnitId is null) throw new DomainException("Ticket.NotAClaim");
        if (ClaimStatus != ClaimStatus.None) throw new DomainException("Ticket.ClaimDecided");
        if (IsFinished) throw new DomainException("Ticket.Finished");
        if (approve)
        {
            if (warranty.State != Units.WarrantyState.Active) throw new DomainException("Ticket.ClaimNotCovered", warranty.State.ToString());
            if (outcome is not { } o || !Enum.IsDefined(o)) throw new DomainException("Ticket.ClaimOutcomeRequired");
            ClaimStatus = ClaimStatus.Approved;
            ClaimNote = Guard.Optional(Plain(note), ReasonMax);
            FirstRespondedAt ??= now;
            if (Status is TicketStatus.New or TicketStatus.Acknowledged or TicketStatus.WaitingOnCustomer) Status = TicketStatus.InProgress;
            PausedAt = null;
            ClaimOutcome = o;
        }
        else
        {
            ClaimStatus = ClaimStatus.Rejected;
            ClaimNote = Guard.Required(Plain(note), "Ticket.ReasonRequired", ReasonMax);
            FirstRespondedAt ??= now;
            RejectReason = ClaimNote;
            Status = TicketStatus.Rejected;
            ClosedAt = now;
        }
        Version++;
    }

    /// <summary>Whether the ticket may record <paramref name="outcome"/>: an approved claim only the route chosen when approving it.</summary>
    public void MustAllow(ClaimOutcome outcome)
    {
        if (IsFinished) throw new DomainException("Ticket.Finished");
        if (UnitId is null) throw new DomainException("Ticket.NoUnit");
        if (outcome == Service.ClaimOutcome.Replacement && Type is not (TicketType.WarrantyClaim or TicketType.Replacement))
            throw new DomainException("Ticket.NotAClaim");
        if (Type == TicketType.WarrantyClaim && ClaimStatus != ClaimStatus.Approved) throw new DomainException("Ticket.ClaimNotApproved");
        if (Type == TicketType.WarrantyClaim && ClaimOutcome != outcome) throw new DomainException("Ticket.ClaimOtherOutcome");
        if (ReplacementUnitId is not null) throw new DomainException("Ticket.AlreadyReplaced");
    }

    /// <summary>The replacement unit went out to the customer (the handler moved both units and posted the ledger).</summary>
    public void RecordReplacement(Guid replacementUnitId, DateTimeOffset now)
    {
        MustAllow(Service.ClaimOutcome.Replacement);
        ReplacementUnitId = replacementUnitId;
        FirstRespondedAt ??= now;
        if (Status is TicketStatus.New or TicketStatus.Acknowledged) Status = TicketStatus.InProgress;
        Version++;
    }

    /// <summary>Parts used on a repair (the handler posts them out of the repairer's warehouse).</summary>
    public TicketPart UseParts(Guid productId, decimal quantity, Guid warehouseId, string? user, DateTimeOffset now)
    {
        MustAllow(Service.ClaimOutcome.Repair);
        if (Type is not (TicketType.Repair or TicketType.WarrantyClaim or TicketType.Installation)) throw new DomainException("Ticket.NoParts");
        FirstRespondedAt ??= now;
        if (Status is TicketStatus.New or TicketStatus.Acknowledged) Status = TicketStatus.InProgress;
        Version++;
        return TicketPart.Create(Id, productId, quantity, warehouseId, user, now);
    }

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
        Version++;
    }
}
