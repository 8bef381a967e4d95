using Sidig.Domain.Tenancy;

namespace Sidig.Infrastructure.Tenancy;

public enum HostKind { Platform, Tenant, Unknown }

/// <summary>Reads the request host: platform host, a tenant's slug, or a host that is not ours.</summary>
public static class HostParser
{
    public static (HostKind Kind, string? Slug) Parse(string? host, string baseDomain)
    {
        if (string.IsNullOrEmpty(host)) return (HostKind.Unknown, null);
        host = host.ToLowerInvariant().TrimEnd('.');
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.EndsWith(']')) host = host[..colon];
        baseDomain = baseDomain.ToLowerInvariant();

        if (host == baseDomain || host == "admin." + baseDomain) return (HostKind.Platform, null);
        if (!host.EndsWith("." + baseDomain, StringComparison.Ordinal)) return (HostKind.Unknown, null);
        var label = host[..^(baseDomain.Length + 1)];
        if (label.Contains('.') || TenantSlug.Validate(label) is not null) return (HostKind.Unknown, null);
        return (HostKind.Tenant, label);
    }
}
