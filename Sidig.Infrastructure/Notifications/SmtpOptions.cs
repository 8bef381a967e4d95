using Microsoft.Extensions.Options;
using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Notifications;

public enum SmtpSecurity { None = 0, StartTls = 1, SslOnConnect = 2 }

/// <summary>
/// Outgoing e-mail (section <c>Sidig:Smtp</c>). Without a <see cref="Host"/> (the embedded default) messages are written
/// as .eml files to <see cref="PickupDirectory"/> instead, and are visible on the outbox page.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Sidig:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@sidig.local";
    public string FromName { get; set; } = "Sidig";
    /// <summary>Relative paths are taken from the app's directory.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("App_Data", "mail-pickup");
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);

    public string ResolvePickupDirectory() => Path.IsPathRooted(PickupDirectory)
        ? PickupDirectory
        : Path.Combine(AppContext.BaseDirectory, PickupDirectory);
}

/// <summary>Checked at start-up, so a wrong mail setting stops the app instead of failing every message later.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        var errors = new List<string>();
        if (EmailAddress.Normalize(o.FromAddress) is null) errors.Add($"{SmtpOptions.Section}:FromAddress is not an e-mail address.");
        if (string.IsNullOrWhiteSpace(o.FromName)) errors.Add($"{SmtpOptions.Section}:FromName is required.");
        if (o.UsesSmtp)
        {
            if (o.Port is < 1 or > 65535) errors.Add($"{SmtpOptions.Section}:Port must be 1-65535.");
            if (!Enum.IsDefined(o.UseTls)) errors.Add($"{SmtpOptions.Section}:UseTls must be None, StartTls or SslOnConnect.");
            if (string.IsNullOrEmpty(o.User) != string.IsNullOrEmpty(o.Password))
                errors.Add($"{SmtpOptions.Section}:User and Password go together (both or neither).");
            if (o.TimeoutSeconds is < 1 or > 600) errors.Add($"{SmtpOptions.Section}:TimeoutSeconds must be 1-600.");
        }
        else if (string.IsNullOrWhiteSpace(o.PickupDirectory)) errors.Add($"{SmtpOptions.Section}:PickupDirectory is required when no Host is set.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
