using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Hosting;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// A bUnit context with what Sidig's components need: MudBlazor, localization, the host's tenant and the app's real
/// authorization policies (<see cref="WebSetup.AddSidigPolicies"/>), evaluated for a user set through bUnit's
/// authorization context. xunit 2 disposes the context asynchronously (MudBlazor's services are async-only).
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    public static readonly TenantInfo Demo = new(Guid.Parse("0197a000-0000-7000-8000-000000000001"), "demo", "Demo Elektronik", "Asia/Jakarta", "id-ID", true);
    public static readonly TenantInfo Other = new(Guid.Parse("0197a000-0000-7000-8000-000000000002"), "other", "Other Appliances", "Asia/Jakarta", "id-ID", true);

    private readonly TenantContext _tenant = new();

    protected BunitContext Ctx { get; } = new();
    protected BunitAuthorizationContext Auth { get; }

    protected ComponentTest()
    {
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices();
        Ctx.Services.AddLocalization();
        Ctx.Services.AddSingleton(_tenant);
        Ctx.Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryState>();

        Auth = Ctx.AddAuthorization();
        // bUnit's authorization doubles answer by policy name only; replace them with ASP.NET Core's own services so
        // AuthorizeView evaluates Sidig's real policies (roles + host requirement) for the user set below.
        Ctx.Services.AddAuthorizationBuilder().AddSidigPolicies();
        Ctx.Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Ctx.Services.AddTransient<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
    }

    /// <summary>The component is rendered on this host (a tenant, or <see cref="TenantInfo.Platform"/>).</summary>
    protected void OnHost(TenantInfo tenant) => _tenant.Set(tenant);

    /// <summary>Signs in a user of <paramref name="userTenant"/> with the given roles and display name.</summary>
    protected void SignedInAs(TenantInfo userTenant, string displayName, params string[] roles)
    {
        Auth.SetAuthorized($"{displayName.Split(' ')[0].ToLowerInvariant()}@{userTenant.Slug}.test");
        Auth.SetRoles(roles);
        Auth.SetClaims( // last: SetRoles replaces the principal without the claims
            new Claim(SidigClaims.TenantId, userTenant.Id.ToString()),
            new Claim(ClaimTypes.GivenName, displayName));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => Ctx.DisposeAsync().AsTask();

    private sealed class FixedAntiforgeryState : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
