using System.ComponentModel.DataAnnotations;

namespace Sidig.Infrastructure.Tenancy;

public sealed class TenancyOptions
{
    public const string Section = "Sidig:Tenancy";

    /// <summary>Hosts are &lt;tenant&gt;.&lt;BaseDomain&gt;; the bare base domain and admin.&lt;BaseDomain&gt; are the platform host.</summary>
    [Required, RegularExpression(@"^[a-z0-9.-]+$")]
    public string BaseDomain { get; set; } = "localhost";

    public int CacheSeconds { get; set; } = 60;
}
