using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Seeding;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Shared;
using Sidig.Web.Features.Platform;
using Sidig.Web.Resources;

namespace Sidig.Tests.Features.Platform;

public abstract class TenantOnboardingTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Operator = DemoSeeder.PlatformOperatorEmail;

    private static string NewSlug() => "t" + Guid.NewGuid().ToString("N")[..10];

    private static CreateTenant Command(string slug, string? email = null) =>
        new(slug, "Acme Elektronik", "Asia/Makassar", "en-US", email ?? $"budi.{Guid.NewGuid():N}@acme.test", "Budi Santoso", "http://localhost/");

    private Task<Result<TenantCreated>> CreateAsync(CreateTenant command, string actor = Operator, string? host = null) =>
        app.Handle<CreateTenantHandler, Result<TenantCreated>>(host, actor, h => h.HandleAsync(command));

    private async Task<TenantCreated> CreateOkAsync(string slug, string? email = null)
    {
        var result = await CreateAsync(Command(slug, email));
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    private Task<int> TenantCountAsync() =>
        app.InTenant(null, sp => sp.GetRequiredService<SidigDbContext>().Tenants.CountAsync());

    private Task<AppUser?> FindUserAsync(string tenant, string email) =>
        app.InTenant(tenant, sp => sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));

    [Theory]
    [InlineData("", "Tenant.SlugRequired", "Enter the subdomain.")]
    [InlineData("ab", "Tenant.SlugInvalid", "Use 3–40 lowercase letters, digits or hyphens; start and end with a letter or digit.")]
    [InlineData("acme_corp", "Tenant.SlugInvalid", "Use 3–40 lowercase letters, digits or hyphens; start and end with a letter or digit.")]
    [InlineData("-acme", "Tenant.SlugInvalid", "Use 3–40 lowercase letters, digits or hyphens; start and end with a letter or digit.")]
    [InlineData("admin", "Tenant.SlugReserved", "This subdomain is reserved; choose another.")]
    [InlineData("Hangfire", "Tenant.SlugReserved", "This subdomain is reserved; choose another.")]
    [InlineData("demo", "Tenant.SlugTaken", "This subdomain is already in use.")]
    [InlineData("  OTHER ", "Tenant.SlugTaken", "This subdomain is already in use.")]
    public async Task Creating_a_tenant_with_a_bad_slug_is_refused_with_its_message_and_creates_nothing(string slug, string code, string message)
    {
        var before = await TenantCountAsync();
        var email = $"nobody.{Guid.NewGuid():N}@acme.test";

        var result = await CreateAsync(Command(slug, email));

        result.Succeeded.ShouldBeFalse();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(nameof(CreateTenant.Slug));
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        app.Services.GetRequiredService<IStringLocalizer<SharedResource>>().Message(error).ShouldBe(message);
        (await TenantCountAsync()).ShouldBe(before);
        (await FindUserAsync("demo", email)).ShouldBeNull();
        (await FindUserAsync("other", email)).ShouldBeNull();
    }

    [Fact]
    public async Task A_tenant_whose_first_admin_cannot_be_created_is_removed_again()
    {
        var slug = NewSlug();
        var before = await TenantCountAsync();

        // A valid e-mail that Identity refuses as a user name (apostrophe): the tenant row exists for a moment.
        var result = await CreateAsync(Command(slug, "o'neil@acme.test"));

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("Tenant.AdminEmailUnusable");
        (await TenantCountAsync()).ShouldBe(before);
        (await app.Services.GetRequiredService<TenantStore>().FindAsync(slug)).ShouldBeNull();
        using var visitor = app.Client(slug);
        (await visitor.Http.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_created_tenant_serves_its_sign_in_page_and_its_admin_exists_only_there()
    {
        var slug = NewSlug();
        var email = $"first.admin.{Guid.NewGuid():N}@acme.test";
        using var visitor = app.Client(slug);
        (await visitor.Http.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // also caches "unknown"

        var created = await CreateOkAsync(slug, email);

        var page = await visitor.Http.GetAsync("/account/login");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"login-email\"");
        html.ShouldContain("Acme Elektronik");

        var admin = await app.InTenant(slug, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
            (await users.IsInRoleAsync(user, Roles.PrincipalAdmin)).ShouldBeTrue();
            (await users.Users.CountAsync()).ShouldBe(1);
            return user;
        });
        admin.Id.ShouldBe(created.AdminUserId);
        admin.TenantId.ShouldBe(created.TenantId);
        admin.PasswordHash.ShouldBeNull();
        admin.InvitedAt.ShouldNotBeNull();
        admin.DisplayName.ShouldBe("Budi Santoso");
        (await FindUserAsync("demo", email)).ShouldBeNull();
        (await app.InTenant("demo", sp => sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(admin.Id.ToString()))).ShouldBeNull();

        var tenant = (await app.Services.GetRequiredService<TenantStore>().FindAsync(slug)).ShouldNotBeNull();
        tenant.TimeZoneId.ShouldBe("Asia/Makassar");
        tenant.Language.ShouldBe("en-US");
    }

    [Fact]
    public async Task The_invitation_link_carries_a_token_that_lets_the_first_admin_choose_a_password_and_sign_in()
    {
        var slug = NewSlug();
        var email = $"first.admin.{Guid.NewGuid():N}@acme.test";
        var created = await CreateOkAsync(slug, email);

        var link = new Uri(created.InvitationLink);
        link.Scheme.ShouldBe("http");
        link.Host.ShouldBe($"{slug}.localhost");
        link.AbsolutePath.ShouldBe("/account/accept-invite");
        var query = QueryHelpers.ParseQuery(link.Query);
        query["u"].ToString().ShouldBe(created.AdminUserId.ToString());
        var token = query["t"].ToString();
        token.ShouldNotBeNullOrWhiteSpace();

        const string password = "Acme-Admin-2026";
        await app.InTenant(slug, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(query["u"].ToString())).ShouldNotBeNull();
            (await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<AppUser>.ResetPasswordTokenPurpose, token)).ShouldBeTrue();
            (await users.ResetPasswordAsync(user, token, password)).Succeeded.ShouldBeTrue();
        });

        using var admin = await app.Client(slug).SignedInAs(email, password);
        var home = await admin.Http.GetStringAsync("/");
        home.ShouldContain("data-testid=\"admin-dashboard\"");
        home.ShouldContain("Budi Santoso");
    }

    [Fact]
    public async Task Suspending_a_tenant_shows_the_suspended_page_at_once_and_reactivating_opens_it_again()
    {
        var slug = NewSlug();
        var created = await CreateOkAsync(slug);
        using var visitor = app.Client(slug);
        (await visitor.Http.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached as active

        var suspend = await app.Handle<SuspendTenantHandler, Result>(null, Operator, h => h.HandleAsync(new SuspendTenant(created.TenantId)));

        suspend.Errors.ShouldBeEmpty();
        var closed = await visitor.Http.GetAsync("/account/login");
        closed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await closed.Content.ReadAsStringAsync()).ShouldContain("Portal suspended");
        var again = await app.Handle<SuspendTenantHandler, Result>(null, Operator, h => h.HandleAsync(new SuspendTenant(created.TenantId)));
        again.Errors.ShouldHaveSingleItem().Code.ShouldBe("Tenant.AlreadySuspended");

        var reactivate = await app.Handle<ReactivateTenantHandler, Result>(null, Operator, h => h.HandleAsync(new ReactivateTenant(created.TenantId)));

        reactivate.Errors.ShouldBeEmpty();
        (await visitor.Http.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_tenant_list_pages_searches_and_filters_by_status()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var a = await CreateAsync(Command("a" + marker) with { DisplayName = $"Zeta {marker} Satu" });
        var b = await CreateAsync(Command("b" + marker) with { DisplayName = $"Zeta {marker} Dua" });
        a.Errors.ShouldBeEmpty();
        b.Errors.ShouldBeEmpty();
        (await app.Handle<SuspendTenantHandler, Result>(null, Operator, h => h.HandleAsync(new SuspendTenant(b.Value!.TenantId)))).Errors.ShouldBeEmpty();

        Task<Result<TenantPage>> List(ListTenants q) => app.Handle<ListTenantsHandler, Result<TenantPage>>(null, Operator, h => h.HandleAsync(q));

        var byName = (await List(new ListTenants(Search: marker.ToUpperInvariant(), SortBy: nameof(TenantListItem.Slug), Descending: false))).Value!;
        byName.TotalCount.ShouldBe(2);
        byName.Items.Select(t => t.Slug).ShouldBe(["a" + marker, "b" + marker]);

        var suspended = (await List(new ListTenants(Search: marker, Status: TenantStatus.Suspended))).Value!;
        suspended.Items.ShouldHaveSingleItem().Slug.ShouldBe("b" + marker);
        suspended.Items[0].SuspendedAt.ShouldNotBeNull();

        var firstPage = (await List(new ListTenants(Page: 0, PageSize: 1, Search: marker, SortBy: nameof(TenantListItem.Slug), Descending: true))).Value!;
        firstPage.TotalCount.ShouldBe(2);
        firstPage.Items.ShouldHaveSingleItem().Slug.ShouldBe("b" + marker);
        var secondPage = (await List(new ListTenants(Page: 1, PageSize: 1, Search: marker, SortBy: nameof(TenantListItem.Slug), Descending: true))).Value!;
        secondPage.Items.ShouldHaveSingleItem().Slug.ShouldBe("a" + marker);
    }

    [Fact]
    public async Task Platform_stats_count_the_tenants_by_status_and_list_the_newest_first()
    {
        var slug = NewSlug();
        await CreateOkAsync(slug);

        var stats = (await app.Handle<GetPlatformStatsHandler, Result<PlatformStats>>(null, Operator, h => h.HandleAsync(new GetPlatformStats()))).Value!;

        var expected = await app.InTenant(null, async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            return (Active: await db.Tenants.CountAsync(t => t.Status == TenantStatus.Active),
                    Suspended: await db.Tenants.CountAsync(t => t.Status == TenantStatus.Suspended));
        });
        stats.Active.ShouldBe(expected.Active);
        stats.Suspended.ShouldBe(expected.Suspended);
        stats.Total.ShouldBe(expected.Active + expected.Suspended);
        stats.Total.ShouldBeGreaterThanOrEqualTo(3); // demo, other and the one above
        stats.Newest[0].Slug.ShouldBe(slug);
        stats.Newest.Select(t => t.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task A_tenant_admin_cannot_open_the_tenants_page()
    {
        using var admin = await app.Client("demo").SignedInAs("admin@demo.test");

        var response = await admin.Http.GetAsync("/platform/tenants");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task The_operator_opens_the_tenants_page_and_the_platform_dashboard()
    {
        using var op = await app.Client(null).SignedInAs(Operator);

        (await op.Http.GetStringAsync("/platform/tenants")).ShouldContain("data-testid=\"tenants-title\"");
        var home = await op.Http.GetStringAsync("/");
        home.ShouldContain("data-testid=\"platform-dashboard\"");
        home.ShouldContain("data-testid=\"stat-tenants-total\"");
        home.ShouldContain("data-testid=\"newest-tenant\"");
    }

    [Fact]
    public async Task Platform_handlers_refuse_a_tenant_admin()
    {
        var slug = NewSlug();
        var before = await TenantCountAsync();
        var demoId = (await app.Services.GetRequiredService<TenantStore>().FindAsync("demo"))!.Id;
        const string admin = "admin@demo.test";

        (await CreateAsync(Command(slug), admin, "demo")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await app.Handle<ListTenantsHandler, Result<TenantPage>>("demo", admin, h => h.HandleAsync(new ListTenants())))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await app.Handle<GetPlatformStatsHandler, Result<PlatformStats>>("demo", admin, h => h.HandleAsync(new GetPlatformStats())))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await app.Handle<SuspendTenantHandler, Result>("demo", admin, h => h.HandleAsync(new SuspendTenant(demoId))))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await app.Handle<ReactivateTenantHandler, Result>("demo", admin, h => h.HandleAsync(new ReactivateTenant(demoId))))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");

        (await TenantCountAsync()).ShouldBe(before);
        (await app.Services.GetRequiredService<TenantStore>().FindAsync("demo"))!.IsActive.ShouldBeTrue();
    }
}

public sealed class TenantOnboardingTests_Sqlite(SqliteApp app) : TenantOnboardingTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class TenantOnboardingTests_Postgres(PostgresApp app) : TenantOnboardingTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class TenantUrlTests
{
    [Theory]
    [InlineData("http://localhost:5244/", "http://acme.localhost:5244")]
    [InlineData("https://admin.sidig.id/", "https://acme.sidig.id")]
    [InlineData("http://localhost/", "http://acme.localhost")]
    public void The_tenant_url_takes_scheme_and_port_from_the_current_address(string current, string expected)
    {
        var baseDomain = current.Contains("sidig.id") ? "sidig.id" : "localhost";
        TenantUrl.For("acme", baseDomain, current).ShouldBe(expected);
    }
}
