namespace Sidig.Infrastructure.Notifications;

/// <summary>
/// The transport is sure the message was not handed over (no connection, login refused, the server rejected it): the
/// sender may try again later. Any other failure of a transport leaves the message uncertain (it may have gone out).
/// </summary>
public class MessageNotSentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An e-mail that was not handed over (see <see cref="MessageNotSentException"/>).</summary>
public sealed class EmailNotSentException(string message, Exception? inner = null) : MessageNotSentException(message, inner);
