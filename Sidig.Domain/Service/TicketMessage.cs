using Sidig.Domain.Common;

namespace Sidig.Domain.Service;

/// <summary>
/// Reply = staff to the customer (the customer sees it on the ticket page and gets a WhatsApp); Note = internal, staff
/// only; Visit = a technician's visit report (internal); Customer = the customer's own message from the ticket page.
/// </summary>
public enum TicketMessageKind { Reply = 0, Note = 1, Visit = 2, Customer = 3 }

/// <summary>One message of a ticket's conversation; append-only.</summary>
public sealed class TicketMessage : Entity, ITenantOwned
{
    public const int BodyMax = 4000;

    private TicketMessage() { Body = AuthorName = ""; }

    public Guid TenantId { get; set; }
    public Guid TicketId { get; private set; }
    public TicketMessageKind Kind { get; private set; }
    public string Body { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }

    public bool CustomerVisible => Kind is TicketMessageKind.Reply or TicketMessageKind.Customer;

    internal static TicketMessage Create(Guid ticketId, TicketMessageKind kind, string? body, Guid? authorUserId, string authorName, DateTimeOffset at)
    {
        if (!Enum.IsDefined(kind)) throw new DomainException("Ticket.MessageKindInvalid");
        var text = Guard.Required(body, "Ticket.MessageRequired", BodyMax);
        if (!PlainText.IsPlain(text, multiline: true)) throw new DomainException("Validation.PlainText");
        return new TicketMessage
        {
            TicketId = ticketId, Kind = kind, Body = text, AuthorUserId = authorUserId,
            AuthorName = Guard.Required(authorName, "Ticket.AuthorRequired", 200), At = at,
        };
    }
}

/// <summary>
/// A file on a ticket: the customer's photos from the public form, a technician's photos, staff attachments (images or PDF,
/// type read from the bytes). Customer-visible ones are shown on the public ticket page.
/// </summary>
public sealed class TicketAttachment : Entity, ITenantOwned
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int FileNameMax = 200;

    private TicketAttachment() { Content = []; ContentType = ""; }

    public Guid TenantId { get; set; }
    public Guid TicketId { get; private set; }
    public Guid? MessageId { get; private set; }
    public string? FileName { get; private set; }
    public byte[] Content { get; private set; }
    public string ContentType { get; private set; }
    public bool CustomerVisible { get; private set; }

    /// <summary>The real content type of an attachment (an image or a PDF), or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> data) =>
        ImageContent.Sniff(data) ?? (data.Length >= 5 && data[..5].SequenceEqual("%PDF-"u8) ? "application/pdf" : null);

    internal static TicketAttachment Image(Guid ticketId, Guid? messageId, byte[] content, string? fileName, bool customerVisible) =>
        new()
        {
            TicketId = ticketId, MessageId = messageId, Content = content, ContentType = ImageContent.Sniff(content) ?? throw new DomainException("Ticket.PhotoType"),
            FileName = Name(fileName), CustomerVisible = customerVisible,
        };

    internal static TicketAttachment Create(Guid ticketId, Guid? messageId, byte[] content, string? fileName, bool customerVisible)
    {
        if (content.Length == 0) throw new DomainException("Ticket.AttachmentEmpty");
        if (content.Length > MaxBytes) throw new DomainException("Ticket.AttachmentTooLarge");
        var type = Sniff(content) ?? throw new DomainException("Ticket.AttachmentType");
        return new TicketAttachment
        {
            TicketId = ticketId, MessageId = messageId, Content = content, ContentType = type, FileName = Name(fileName), CustomerVisible = customerVisible,
        };
    }

    // Only the last path segment, printable, bounded: it is shown and sent back as a download name.
    private static string? Name(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return null;
        var name = new string(Path.GetFileName(fileName.Trim()).Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray());
        return name.Length == 0 ? null : name[..Math.Min(name.Length, FileNameMax)];
    }
}

/// <summary>A part used on a repair, posted out of <see cref="WarehouseId"/> (the technician's or service centre's stock).</summary>
public sealed class TicketPart : Entity, ITenantOwned
{
    private TicketPart() { }

    public Guid TenantId { get; set; }
    public Guid TicketId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Quantity { get; private set; }
    public Guid WarehouseId { get; private set; }
    public string? UserName { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static TicketPart Create(Guid ticketId, Guid productId, decimal quantity, Guid warehouseId, string? user, DateTimeOffset at)
    {
        if (productId == Guid.Empty) throw new DomainException("Stock.ProductRequired");
        if (warehouseId == Guid.Empty) throw new DomainException("Stock.WarehouseRequired");
        if (quantity <= 0) throw new DomainException("Stock.QuantityPositive");
        if (decimal.Round(quantity, 3) != quantity) throw new DomainException("Stock.QuantityPrecision");
        return new TicketPart { TicketId = ticketId, ProductId = productId, Quantity = quantity, WarehouseId = warehouseId, UserName = user, At = at };
    }
}
