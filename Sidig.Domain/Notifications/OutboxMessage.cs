using Sidig.Domain.Common;

namespace Sidig.Domain.Notifications;

/// <summary>Sending = claimed by a sender; if the process dies before marking it sent, it stays Sending and is shown as
/// uncertain for an admin to check — never re-sent automatically, so a message goes out at most once and is never lost.</summary>
public enum OutboxStatus { Pending = 0, Sent = 1, Failed = 2, Sending = 3 }

/// <summary>The ways a message goes out. WhatsApp and SMS both go to the phone-message transport, which is told the channel.</summary>
public static class OutboxChannels
{
    public const string Email = "email";
    public const string WhatsApp = "whatsapp";
    public const string Sms = "sms";

    public static bool IsText(string channel) => channel is WhatsApp or Sms;
}

/// <summary>
/// A message to deliver (e-mail, or a WhatsApp/SMS text to an Indonesian mobile number), written in the transaction of the business
/// change that causes it, so it is never lost. <see cref="DedupKey"/> is unique per tenant (e.g. "reminder:{invoice}:due"),
/// so the same message is never queued twice; the sender marks it sent after delivery and retries failures with backoff.
/// </summary>
public sealed class OutboxMessage : Entity, ITenantOwned
{
    public const int MaxAttempts = 8;
    /// <summary>A text message is read on a phone: long enough for a notice with a link, short enough for a few SMS parts.</summary>
    public const int TextMaxLength = 1000;

    private OutboxMessage() { Channel = Kind = To = Subject = Body = DedupKey = ""; }

    public Guid TenantId { get; set; }
    public string Channel { get; private set; }
    /// <summary>What the message is about ("Invitation", "PasswordReset", "PaymentReminder", …), for the outbox page.</summary>
    public string Kind { get; private set; }
    public string DedupKey { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public string? HtmlBody { get; private set; }
    public OutboxStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>A claim older than this without a result means the sender died mid-send.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);

    public bool IsUncertain(DateTimeOffset now) => Status == OutboxStatus.Sending && ClaimedAt < now - ClaimTimeout;

    public static OutboxMessage Email(string kind, string dedupKey, string to, string subject, string body, string? htmlBody, DateTimeOffset now)
    {
        var address = EmailAddress.Normalize(to) ?? throw new DomainException("Outbox.RecipientInvalid");
        return new OutboxMessage
        {
            Channel = OutboxChannels.Email, Kind = Guard.Required(kind, "Outbox.KindRequired", 40), DedupKey = Guard.Required(dedupKey, "Outbox.KeyRequired", 200),
            To = address, Subject = Guard.Required(subject, "Outbox.SubjectRequired", 300), Body = body ?? "", HtmlBody = htmlBody,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>
    /// A WhatsApp (default) or SMS text to an Indonesian mobile number, normalised to +62…; no subject (empty), the body is
    /// the text. The gateway is told the channel; whether it falls back from WhatsApp to SMS is the gateway's business.
    /// </summary>
    public static OutboxMessage TextMessage(string kind, string dedupKey, string toPhone, string body, DateTimeOffset now,
        string channel = OutboxChannels.WhatsApp)
    {
        if (!OutboxChannels.IsText(channel)) throw new DomainException("Outbox.ChannelInvalid");
        var (phone, error) = ContactRules.IndonesianMobile(toPhone);
        if (phone is null) throw new DomainException(error!); // Validation.MobileRequired / Validation.MobileInvalid
        return new OutboxMessage
        {
            Channel = channel, Kind = Guard.Required(kind, "Outbox.KindRequired", 40), DedupKey = Guard.Required(dedupKey, "Outbox.KeyRequired", 200),
            To = phone, Subject = "", Body = Guard.Required(body, "Outbox.TextRequired", TextMaxLength), CreatedAt = now, NextAttemptAt = now,
        };
    }

    /// <summary>Taken by a sender, committed before the message is handed to the server.</summary>
    public void Claim(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Pending || NextAttemptAt > now) throw new DomainException("Outbox.NotDue");
        Status = OutboxStatus.Sending;
        ClaimedAt = now;
        Attempts++;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>A failed attempt: retried after 1, 2, 4 … minutes; failed for good after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(DateTimeOffset now, string error)
    {
        LastError = error.Length > 1000 ? error[..1000] : error;
        Status = Attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        if (Status == OutboxStatus.Pending) NextAttemptAt = now.AddMinutes(Math.Pow(2, Attempts - 1));
    }

    /// <summary>An admin sends a failed (or uncertain) message again.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed && !IsUncertain(now)) throw new DomainException("Outbox.NotFailed");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
