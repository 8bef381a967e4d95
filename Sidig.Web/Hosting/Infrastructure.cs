using Hangfire.Dashboard;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Seeding;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Hosting;

/// <summary>Culture when the user has not picked one with the switch (cookie): their saved language, else the tenant's.</summary>
public sealed class UserAndTenantCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
    {
        var language = http.User.FindFirst(SidigClaims.Language)?.Value;
        if (language is null)
        {
            var tenant = http.RequestServices.GetRequiredService<TenantContext>();
            language = tenant.IsSet ? tenant.Tenant.Language : null;
        }
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }
}

/// <summary>The Hangfire dashboard is for platform operators on the platform host only.</summary>
public sealed class PlatformOperatorDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        return tenant.IsSet && tenant.Tenant.IsPlatform
            && http.User.IsInRole(Roles.PlatformOperator) && UserClaims.BelongsTo(http.User, tenant.TenantId);
    }
}

/// <summary>Readiness: the database answers a query.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
            var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
            await db.Tenants.AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Database unavailable", e);
        }
    }
}

public static class StartupBanner
{
    public static void Print(WebApplication app, DemoSeeder seeder)
    {
        var baseDomain = app.Configuration[$"{TenancyOptions.Section}:BaseDomain"] ?? "localhost";
        var port = app.Urls.Select(u => new Uri(u.Replace("*", "localhost").Replace("+", "localhost").Replace("0.0.0.0", "localhost")))
            .Select(u => u.Port).FirstOrDefault(5000);
        string Url(string slug) => $"http://{(slug == "" ? "" : slug + ".")}{baseDomain}:{port}";
        Console.WriteLine();
        Console.WriteLine("==================== Sidig is running ====================");
        Console.WriteLine($"  Platform (operators):   {Url("")}");
        foreach (var tenant in seeder.Accounts.Select(a => a.Host).Where(h => h != "").Distinct())
            Console.WriteLine($"  Tenant '{tenant}':{new string(' ', Math.Max(1, 14 - tenant.Length))}{Url(tenant)}");
        Console.WriteLine($"  Demo password (every account): {seeder.Password}");
        foreach (var a in seeder.Accounts)
            Console.WriteLine($"    {(a.Host == "" ? "platform" : a.Host),-9} {a.Role,-16} {a.Email}{(a.Partner is null ? "" : $"  (partner {a.Partner})")}");
        foreach (var (tenant, code) in seeder.ScanCodes)
            Console.WriteLine($"  A unit's QR page (no sign-in): {Url(tenant)}/u/{code}");
        Console.WriteLine("===========================================================");
    }
}
