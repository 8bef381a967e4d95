using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Sidig.Domain.Notifications;

namespace Sidig.Infrastructure.Notifications;

/// <summary>Hands one outbox e-mail to its way out. Throws when it could not be handed over (the sender retries).</summary>
public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct = default);
}

/// <summary>The MIME form of an outbox message, the same for SMTP and the pickup folder.</summary>
public static class EmailMessages
{
    public const string MessageIdDomain = "outbox.sidig";

    /// <summary>Stable per outbox message: an admin's re-send of an uncertain message carries the same Message-Id, so
    /// receiving systems can tell it is the same message.</summary>
    public static string MessageId(Guid outboxId) => $"{outboxId:N}@{MessageIdDomain}";

    public static MimeMessage Build(OutboxMessage message, SmtpOptions options)
    {
        var mime = new MimeMessage { Subject = message.Subject, MessageId = MessageId(message.Id), Date = message.CreatedAt };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Headers.Add("X-Sidig-Kind", message.Kind);
        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>MailKit over SMTP with the configured host, port, TLS mode and credentials.</summary>
public sealed class SmtpEmailTransport(IOptions<SmtpOptions> options, ILogger<SmtpEmailTransport> logger) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var mime = EmailMessages.Build(message, o);
        using var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
        var security = o.UseTls switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, security, ct);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new EmailNotSentException($"SMTP {o.Host}:{o.Port}: {e.Message}", e); // nothing was handed over yet
        }
        try
        {
            await client.SendAsync(mime, ct);
        }
        catch (SmtpCommandException e)
        {
            // The server answered with a refusal (sender, recipient or message not accepted): it does not have the message.
            throw new EmailNotSentException($"SMTP {o.Host} refused the message: {e.StatusCode} {e.Message}", e);
        }
        // Other failures during the transfer (connection lost, protocol error) propagate: the server may have it.
        logger.LogInformation("E-mail {MessageId} ({Kind}) handed to {Host}", mime.MessageId, message.Kind, o.Host);
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Closing the SMTP connection after e-mail {MessageId} failed; the message was accepted", mime.MessageId);
        }
    }
}

/// <summary>
/// The embedded default without an SMTP server: each message becomes <c>{outbox id}.eml</c> in the pickup folder
/// (written to a temporary name, then moved, so a reader never sees half a file).
/// </summary>
public sealed class PickupFolderEmailTransport(IOptions<SmtpOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var dir = o.ResolvePickupDirectory();
        var mime = EmailMessages.Build(message, o);
        var target = Path.Combine(dir, $"{message.Id:N}.eml");
        var temp = target + ".tmp";
        try
        {
            Directory.CreateDirectory(dir);
            await using (var file = File.Create(temp)) await mime.WriteToAsync(file, ct);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmailNotSentException($"Pickup folder {dir}: {e.Message}", e);
        }
    }
}
