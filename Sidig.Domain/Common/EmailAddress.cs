using System.Net.Mail;

namespace Sidig.Domain.Common;

public static class EmailAddress
{
    /// <summary>Lower-cased, trimmed address, or null when it is not a plain single address.</summary>
    public static string? Normalize(string? input)
    {
        var v = input?.Trim();
        if (string.IsNullOrEmpty(v) || v.Length > 254 || v.Contains(' ')) return null;
        if (!MailAddress.TryCreate(v, out var parsed) || parsed.Address != v || !parsed.Host.Contains('.')) return null;
        return v.ToLowerInvariant();
    }
}
