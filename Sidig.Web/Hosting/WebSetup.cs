using Sidig.Web.Public;
using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using Serilog;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Jobs;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Seeding;
using Sidig.Web.Components;
using Sidig.Web.Features;
using Sidig.Web.Features.Api;
using Sidig.Web.Tenancy;

namespace Sidig.Web.Hosting;

public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("id-ID"), new("en-US")];

    public static void AddSidigLogging(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets(); // MudBlazor's assets when run from the build output in any environment
        builder.Services.AddSerilog((sp, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}"));
    }

    public static IServiceCollection AddSidigWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight);
        services.AddLocalization();
        services.AddHttpContextAccessor(); // only for Hangfire's dashboard filter and middleware, never in components

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies(cookies =>
            cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.Name = "sidig.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // No Cookie.Domain: the cookie is host-only, so one tenant's cookie is never sent to another host.
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
            }));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(30));
        services.AddAuthorizationBuilder().AddSidigPolicies();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSidigFeatures();
        services.AddSidigApi(configuration);
        services.AddSidigPublicForms();
        return services;
    }

    /// <summary>
    /// The authorization policies of every page, endpoint and command, with the handler that binds each policy to
    /// the host (platform or the user's own tenant). Also used by component tests, so they check the real policies.
    /// </summary>
    public static AuthorizationBuilder AddSidigPolicies(this AuthorizationBuilder builder)
    {
        builder
            .AddPolicy(Policies.Platform, p => p.RequireRole(Roles.PlatformOperator).AddRequirements(new HostRequirement(platform: true)))
            .AddPolicy(Policies.TenantUser, p => p.RequireAuthenticatedUser().AddRequirements(new HostRequirement(platform: false)))
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.PrincipalAdmin).AddRequirements(new HostRequirement(platform: false)))
            .AddPolicy(Policies.ManageCompany, p => p.RequireRole(Roles.PrincipalAdmin).AddRequirements(new HostRequirement(platform: false)))
            .AddPolicy(Policies.ViewAudit, p => p.RequireRole(Roles.PrincipalAdmin).AddRequirements(new HostRequirement(platform: false)))
            .AddPolicy(Policies.PrincipalStaff, p => p.RequireRole(Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService, Roles.Technician)
                .AddRequirements(new HostRequirement(platform: false)))
            .AddPolicy(Policies.PartnerPortal, p => p.RequireRole(Roles.DistributorUser, Roles.AgentUser).AddRequirements(new HostRequirement(platform: false)));
        void Tenant(string policy, params string[] roles) =>
            builder.AddPolicy(policy, p => p.RequireRole(roles).AddRequirements(new HostRequirement(platform: false)));
        string[] staff = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService, Roles.Technician];
        Tenant(Policies.ViewCatalog, [.. staff, Roles.DistributorUser, Roles.AgentUser]);
        Tenant(Policies.ManageCatalog, Roles.PrincipalAdmin, Roles.Sales);
        Tenant(Policies.ViewPartners, Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService);
        Tenant(Policies.ManagePartners, Roles.PrincipalAdmin, Roles.Sales);
        Tenant(Policies.ViewStock, Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService, Roles.DistributorUser, Roles.ApiClient);
        Tenant(Policies.ManageWarehouses, Roles.PrincipalAdmin, Roles.Warehouse);
        Tenant(Policies.MoveStock, Roles.PrincipalAdmin, Roles.Warehouse);
        Tenant(Policies.AdjustStock, Roles.PrincipalAdmin, Roles.Warehouse);
        Tenant(Policies.CountStock, Roles.PrincipalAdmin, Roles.Warehouse, Roles.DistributorUser);
        Tenant(Policies.ApproveStockAudit, Roles.PrincipalAdmin);
        Tenant(Policies.RecordSellOut, Roles.PrincipalAdmin, Roles.Sales, Roles.DistributorUser);
        Tenant(Policies.ManageAllocations, Roles.PrincipalAdmin, Roles.Sales);
        Tenant(Policies.ManageStockSettings, Roles.PrincipalAdmin);
        Tenant(Policies.ImportData, Roles.PrincipalAdmin, Roles.Sales, Roles.Warehouse);
        Tenant(Policies.ViewOrders, Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.DistributorUser, Roles.AgentUser, Roles.ApiClient);
        Tenant(Policies.PlaceOrders, Roles.PrincipalAdmin, Roles.Sales, Roles.DistributorUser, Roles.AgentUser, Roles.ApiClient);
        Tenant(Policies.ApproveOrders, Roles.PrincipalAdmin, Roles.Finance);
        Tenant(Policies.ShipOrders, Roles.PrincipalAdmin, Roles.Warehouse);
        Tenant(Policies.ViewInvoices, Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.DistributorUser, Roles.AgentUser, Roles.ApiClient);
        Tenant(Policies.ManageInvoices, Roles.PrincipalAdmin, Roles.Finance);
        Tenant(Policies.ReportPayments, Roles.DistributorUser);
        Tenant(Policies.ManageCommissions, Roles.PrincipalAdmin, Roles.Finance);
        Tenant(Policies.ViewOwnCommission, Roles.AgentUser);
        Tenant(Policies.ManageSalesSettings, Roles.PrincipalAdmin);
        Tenant(Policies.ViewOutbox, Roles.PrincipalAdmin);
        Tenant(Policies.ManageApiKeys, Roles.PrincipalAdmin);
        Tenant(Policies.ViewUnits, Roles.PrincipalAdmin, Roles.Sales, Roles.Warehouse, Roles.CustomerService, Roles.Technician);
        Tenant(Policies.ManageUnits, Roles.PrincipalAdmin, Roles.Warehouse);
        Tenant(Policies.ReviewWarranty, Roles.PrincipalAdmin, Roles.CustomerService);
        Tenant(Policies.WorkTickets, Roles.PrincipalAdmin, Roles.CustomerService, Roles.Technician, Roles.DistributorUser, Roles.AgentUser);
        Tenant(Policies.ManageTickets, Roles.PrincipalAdmin, Roles.CustomerService);
        Tenant(Policies.ManageServiceSettings, Roles.PrincipalAdmin);
        Tenant(Policies.ManageWarrantySettings, Roles.PrincipalAdmin);
        builder.Services.AddScoped<IAuthorizationHandler, HostRequirementHandler>();
        return builder;
    }

    public static async Task<bool> RunCommandLineAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("--check-stock"))
        {
            // Exits non-zero when any balance differs from its ledger (or the check could not run).
            Environment.ExitCode = await Sidig.Infrastructure.Stock.StockConsistencyCheck.RunAsync(app.Services, Console.Out);
            return true;
        }
        if (!args.Contains("--migrate")) return false;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seed: args.Contains("--seed"));
        Console.WriteLine("Database is up to date.");
        return true;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (seeder.Accounts.Count > 0)
            app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, seeder));
    }

    public static void UseSidig(this WebApplication app)
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSerilogRequestLogging();
        app.MapHealthChecks("/health", new() { Predicate = _ => false }); // liveness: the process answers
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });

        // Before tenant resolution: the re-executed request gets a new scope and must resolve its tenant again.
        // Hangfire's dashboard answers 401/403 itself and keeps its status without a page.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/hangfire"),
            b => b.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantUserMiddleware>();
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id-ID");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // Query string, then the language picked with the switch (cookie), then the user's saved language or the
            // tenant's, and only then the browser's Accept-Language.
            var cookie = o.RequestCultureProviders.IndexOf(o.RequestCultureProviders.OfType<CookieRequestCultureProvider>().First());
            o.RequestCultureProviders.Insert(cookie + 1, new UserAndTenantCultureProvider());
        });
        app.UseAuthorization();
        app.UseRateLimiter(); // after authorization: the API's limits are per API key
        app.UsePublicFormGuard(); // before antiforgery reads a public form's body
        app.UseAntiforgery();

        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new PlatformOperatorDashboardFilter()],
            IsReadOnlyFunc = _ => false,
            DisplayStorageConnectionString = false,
        });
        RecurringTenantJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());

        app.MapStaticAssets();
        app.MapSidigEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
