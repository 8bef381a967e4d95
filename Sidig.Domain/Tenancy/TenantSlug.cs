using System.Text.RegularExpressions;

namespace Sidig.Domain.Tenancy;

/// <summary>The subdomain label that names a tenant: lowercase letters, digits and inner hyphens, 3–40 chars.</summary>
public static partial class TenantSlug
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "www", "api", "app", "platform", "mail", "smtp", "ftp", "static", "assets", "cdn",
        "help", "support", "status", "docs", "blog", "hangfire", "health", "login", "auth", "sidig",
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")]
    private static partial Regex Pattern();

    /// <summary>Returns the resource key of the problem, or null when the slug is acceptable.</summary>
    public static string? Validate(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug)) return "Tenant.SlugRequired";
        if (!Pattern().IsMatch(slug) || slug.Contains("--")) return "Tenant.SlugInvalid";
        if (Reserved.Contains(slug)) return "Tenant.SlugReserved";
        return null;
    }
}
