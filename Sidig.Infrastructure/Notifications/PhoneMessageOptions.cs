using Microsoft.Extensions.Options;

namespace Sidig.Infrastructure.Notifications;

public enum PhoneMessageTransportKind { Log = 0, HttpGateway = 1 }

/// <summary>
/// WhatsApp/SMS texts (section <c>Sidig:PhoneMessages</c>, ADR 0007). <see cref="PhoneMessageTransportKind.Log"/> (the
/// default, for development and demos) only writes each text to the log; <see cref="PhoneMessageTransportKind.HttpGateway"/>
/// POSTs it to <see cref="Url"/> with <see cref="Token"/> as bearer token.
/// </summary>
public sealed class PhoneMessageOptions
{
    public const string Section = "Sidig:PhoneMessages";

    public PhoneMessageTransportKind Transport { get; set; } = PhoneMessageTransportKind.Log;
    public string? Url { get; set; }
    public string? Token { get; set; }
    public int TimeoutSeconds { get; set; } = 15;
}

/// <summary>Checked at start-up, so a wrong gateway setting stops the app instead of failing every text later.</summary>
public sealed class PhoneMessageOptionsValidator : IValidateOptions<PhoneMessageOptions>
{
    public ValidateOptionsResult Validate(string? name, PhoneMessageOptions o)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(o.Transport)) errors.Add($"{PhoneMessageOptions.Section}:Transport must be Log or HttpGateway.");
        if (o.Transport == PhoneMessageTransportKind.HttpGateway)
        {
            if (!IsAllowedUrl(o.Url))
                errors.Add($"{PhoneMessageOptions.Section}:Url must be an absolute https URL (plain http only to a loopback address).");
            if (string.IsNullOrWhiteSpace(o.Token)) errors.Add($"{PhoneMessageOptions.Section}:Token is required for HttpGateway.");
            if (o.TimeoutSeconds is < 1 or > 120) errors.Add($"{PhoneMessageOptions.Section}:TimeoutSeconds must be 1-120.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The token and the texts (personal data) travel over TLS; plain http is allowed only to a gateway on the same
    /// machine (a sidecar), where nothing crosses the network.</summary>
    public static bool IsAllowedUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
