using System.ComponentModel.DataAnnotations;

namespace Sidig.Infrastructure.Tenancy;

public sealed class TenancyOptions
{
    public const string Section = "Sidig:Tenancy";

    /// <summary>Hosts are &lt;tenant&gt;.&lt;BaseDomain&gt;; the bare base domain and admin.&lt;BaseDomain&gt; are the platform host.</summary>
    [Required, RegularExpression(@"^[a-z0-9.-]+$")]
    public string BaseDomain { get; set; } = "localhost";

    public int CacheSeconds { get; set; } = 60;

    /// <summary>Scheme of the links in messages made without a request to copy it from (the reminder jobs).</summary>
    [Required, RegularExpression("^https?$")]
    public string PublicScheme { get; set; } = "https";

    /// <summary>Port of those links when it is not the scheme's default (e.g. 5000 for a local run); null = default.</summary>
    [Range(1, 65535)]
    public int? PublicPort { get; set; }

    /// <summary>https://acme.&lt;BaseDomain&gt;[:port], the tenant's site as its customers reach it.</summary>
    public string TenantOrigin(string slug) => $"{PublicScheme}://{slug}.{BaseDomain}{(PublicPort is { } port ? $":{port}" : "")}";
}
