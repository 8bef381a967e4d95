using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sidig.Domain.Notifications;

namespace Sidig.Infrastructure.Notifications;

/// <summary>Hands one outbox text (channel whatsapp or sms) to its way out. Throws <see cref="MessageNotSentException"/>
/// when it was not accepted (the sender retries with backoff).</summary>
public interface IPhoneMessageTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct = default);
}

/// <summary>The body POSTed to the gateway (ADR 0007). <see cref="Reference"/> is the outbox id: the same on every retry
/// and on an admin's re-send, so the gateway can drop a text it already delivered.</summary>
public sealed record PhoneGatewayRequest(string To, string Channel, string Text, string Reference);

/// <summary>The default for development and demos: the text is written to the log and counts as sent.</summary>
public sealed class LoggingPhoneMessageTransport(ILogger<LoggingPhoneMessageTransport> logger) : IPhoneMessageTransport
{
    public Task SendAsync(OutboxMessage message, CancellationToken ct = default)
    {
        logger.LogInformation("Text message {Reference} ({Kind}) by {Channel} to {To} (not sent, Sidig:PhoneMessages:Transport is Log):\n{Text}",
            PhoneMessages.Reference(message.Id), message.Kind, message.Channel, message.To, message.Body);
        return Task.CompletedTask;
    }
}

/// <summary>
/// POSTs <see cref="PhoneGatewayRequest"/> as JSON with the bearer token. A 2xx answer means the gateway accepted the text;
/// any other answer, no connection or the timeout is <see cref="MessageNotSentException"/>: the sender retries later with the
/// same reference (so after a timeout the gateway may see a text twice and must de-duplicate on the reference).
/// </summary>
public sealed class HttpGatewayPhoneMessageTransport(
    IHttpClientFactory httpClients, IOptions<PhoneMessageOptions> options, ILogger<HttpGatewayPhoneMessageTransport> logger) : IPhoneMessageTransport
{
    public const string ClientName = "Sidig.PhoneGateway";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        var reference = PhoneMessages.Reference(message.Id);
        using var client = httpClients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            Content = JsonContent.Create(new PhoneGatewayRequest(message.To, message.Channel, message.Body, reference), options: PhoneMessages.Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new MessageNotSentException($"Gateway {Host(o)}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested) // HttpClient's timeout, not the job being stopped
        {
            throw new MessageNotSentException($"Gateway {Host(o)}: no answer within {o.TimeoutSeconds} s", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var detail = await ReadStartAsync(response, ct);
                throw new MessageNotSentException($"Gateway {Host(o)} answered {(int)response.StatusCode} {response.ReasonPhrase}{detail}");
            }
        }
        logger.LogInformation("Text message {Reference} ({Kind}) by {Channel} handed to {Host}", reference, message.Kind, message.Channel, Host(o));
    }

    private static string Host(PhoneMessageOptions o) => Uri.TryCreate(o.Url, UriKind.Absolute, out var u) ? u.Authority : "?";

    /// <summary>The start of the gateway's error text, for the outbox page (never the whole body: it may be large).</summary>
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var text = (await response.Content.ReadAsStringAsync(ct)).Trim();
            return text.Length == 0 ? "" : ": " + (text.Length > 300 ? text[..300] : text);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return "";
        }
    }
}

public static class PhoneMessages
{
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static string Reference(Guid outboxId) => outboxId.ToString("N");
}
