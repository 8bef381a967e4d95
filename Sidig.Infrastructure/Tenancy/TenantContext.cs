using Sidig.Domain.Common;

namespace Sidig.Infrastructure.Tenancy;

/// <summary>What the request, circuit or job knows about the tenant it serves.</summary>
public sealed record TenantInfo(Guid Id, string Slug, string DisplayName, string TimeZoneId, string Language, bool IsActive)
{
    public static readonly TenantInfo Platform = new(TenantIds.Platform, "", "Sidig", "Asia/Jakarta", "id-ID", true);
    public bool IsPlatform => Id == TenantIds.Platform;
}

/// <summary>
/// The ambient tenant of one DI scope (HTTP request, Blazor circuit, background job). It is set once; reading it
/// before it is set throws, so code without a tenant fails instead of running unfiltered.
/// </summary>
public sealed class TenantContext
{
    private TenantInfo? _tenant;

    public bool IsSet => _tenant is not null;

    public TenantInfo Tenant => _tenant ?? throw new InvalidOperationException("No tenant is set for this scope.");

    public Guid TenantId => Tenant.Id;

    public void Set(TenantInfo tenant)
    {
        if (_tenant is not null && _tenant.Id != tenant.Id)
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        _tenant = tenant;
    }
}

/// <summary>Who is acting in this scope; stamped on audit entries.</summary>
public sealed class CurrentUser
{
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }

    public void Set(Guid? userId, string? userName) { UserId = userId; UserName = userName; }
}
