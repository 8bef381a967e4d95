using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Account;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Users;

/// <summary>Roles, deactivation and the users list: the rules, the permissions and their effect on signing in.</summary>
public abstract class UserAdministrationTests<TApp>(TApp app) where TApp : LinkCapturingApp
{
    private const string Admin = "admin@demo.test";
    private const string Deactivated = "This account is deactivated. Contact your administrator.";

    private Task<Result> Deactivate(string actor, Guid user) =>
        app.As(actor, sp => sp.GetRequiredService<DeactivateUserHandler>().HandleAsync(new DeactivateUser(user)));

    private Task<Result> Reactivate(string actor, Guid user) =>
        app.As(actor, sp => sp.GetRequiredService<ReactivateUserHandler>().HandleAsync(new ReactivateUser(user)));

    private Task<Result> ChangeRoles(string actor, Guid user, params string[] roles) =>
        app.As(actor, sp => sp.GetRequiredService<ChangeUserRolesHandler>().HandleAsync(new ChangeUserRoles(user, roles)));

    private Task<IList<string>> RolesOf(string email) =>
        app.InTenant("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });

    /// <summary>A second active principal admin, invited and accepted through the real form.</summary>
    private async Task<string> SecondAdmin(string email)
    {
        var invitation = await app.InvitedAs(Admin, email, Roles.PrincipalAdmin);
        using var client = app.Client("demo");
        (await client.SetPasswordAsync(invitation.Link, "Admin-Kedua-2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return email;
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_can_again_after_reactivation()
    {
        var id = await app.UserId("warehouse@demo.test");

        (await Deactivate(Admin, id)).Errors.ShouldBeEmpty();
        using var client = await app.Client("demo").InEnglish();
        var refused = await client.SignInAsync("warehouse@demo.test");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.TextAsync()).ShouldContain(Deactivated);
        (await Reactivate(Admin, id)).Errors.ShouldBeEmpty();
        (await client.SignInAsync("warehouse@demo.test")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Deactivation_renews_the_security_stamp_so_open_sessions_end()
    {
        var (session, stampBefore) = await app.As("finance@demo.test", async sp =>
            ((await sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()
                .GetAuthenticationStateAsync()).User, (await app.FindUser("demo", "finance@demo.test"))!.SecurityStamp));
        var tenant = await app.InTenant("demo", sp => Task.FromResult(sp.GetRequiredService<TenantContext>().Tenant));
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        (await SessionCheck.IsCurrentAsync(scopes, tenant, session)).ShouldBeTrue();

        (await Deactivate(Admin, await app.UserId("finance@demo.test"))).Errors.ShouldBeEmpty();

        (await app.FindUser("demo", "finance@demo.test"))!.SecurityStamp.ShouldNotBe(stampBefore);
        (await SessionCheck.IsCurrentAsync(scopes, tenant, session)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_admin_cannot_remove_the_admin_role_from_themself()
    {
        await SecondAdmin("admin.kedua@demo.test"); // not the last admin: only the self rule applies

        var result = await ChangeRoles(Admin, await app.UserId(Admin), Roles.Sales);

        result.Errors.ShouldContain(new Error("User.CannotDemoteSelf", "Roles"));
        (await RolesOf(Admin)).ShouldBe([Roles.PrincipalAdmin]);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themself()
    {
        var result = await Deactivate(Admin, await app.UserId(Admin));

        result.Errors.ShouldContain(new Error("User.CannotDeactivateSelf"));
        (await app.FindUser("demo", Admin))!.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated()
    {
        // A second admin opens a session; then their admin role is taken away elsewhere. Their old session still
        // carries the admin claim, but the original admin is now the tenant's last active admin and must stay.
        var second = await SecondAdmin("admin.lama@demo.test");
        var staleSession = await app.As(second, sp => sp.SignInScopeAsync(second));
        await app.InTenant("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(second))!;
            (await users.RemoveFromRoleAsync(user, Roles.PrincipalAdmin)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Sales)).Succeeded.ShouldBeTrue();
        });
        var adminId = await app.UserId(Admin);

        var (demoted, deactivated) = await app.InTenant("demo", async sp =>
        {
            sp.UseScopeUser(staleSession);
            return (await sp.GetRequiredService<ChangeUserRolesHandler>().HandleAsync(new ChangeUserRoles(adminId, [Roles.Sales])),
                await sp.GetRequiredService<DeactivateUserHandler>().HandleAsync(new DeactivateUser(adminId)));
        });

        demoted.Errors.ShouldContain(new Error("User.LastAdmin", "Roles"));
        deactivated.Errors.ShouldContain(new Error("User.LastAdmin"));
        (await RolesOf(Admin)).ShouldBe([Roles.PrincipalAdmin]);
        (await app.FindUser("demo", Admin))!.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Another_admin_may_take_admin_rights_while_an_active_admin_remains()
    {
        var second = await SecondAdmin("admin.ketiga@demo.test");

        var result = await ChangeRoles(Admin, await app.UserId(second), Roles.Sales, Roles.Finance);

        result.Errors.ShouldBeEmpty();
        (await RolesOf(second)).OrderBy(r => r).ShouldBe([Roles.Finance, Roles.Sales]);
    }

    [Fact]
    public async Task Roles_cannot_be_emptied()
    {
        var result = await ChangeRoles(Admin, await app.UserId("cs@demo.test"));

        result.Errors.ShouldContain(new Error("User.RoleRequired", "Roles"));
        (await RolesOf("cs@demo.test")).ShouldBe([Roles.CustomerService]);
    }

    [Fact]
    public async Task A_non_admin_is_denied_every_user_command_and_changes_nothing()
    {
        var target = await app.UserId("technician@demo.test");
        const string sales = "sales@demo.test";
        var before = await app.CountUsers("demo");

        var results = new List<Result>
        {
            await app.As(sales, sp => sp.GetRequiredService<ListUsersHandler>().HandleAsync(new ListUsers())),
            await app.InviteAs(sales, "penyusup@demo.test"),
            await app.As(sales, sp => sp.GetRequiredService<ReinviteUserHandler>().HandleAsync(new ReinviteUser(target), UserTestSupport.Origin("demo"))),
            await ChangeRoles(sales, target, Roles.PrincipalAdmin),
            await Deactivate(sales, target),
            await Reactivate(sales, target),
        };

        results.ShouldAllBe(r => r.Errors.Count == 1 && r.Errors[0].Code == "Access.Denied");
        (await app.CountUsers("demo")).ShouldBe(before);
        (await RolesOf("technician@demo.test")).ShouldBe([Roles.Technician]);
        (await app.FindUser("demo", "technician@demo.test"))!.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task The_users_page_sends_a_non_admin_to_access_denied()
    {
        using var client = await app.Client("demo").SignedInAs("sales@demo.test");

        var response = await client.Http.GetAsync("/admin/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://demo.localhost/account/access-denied");
    }

    [Fact]
    public async Task The_users_page_opens_for_an_admin()
    {
        using var client = await app.Client("demo").SignedInAs(Admin);

        var response = await client.Http.GetAsync("/admin/users");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"users-grid\"");
    }

    [Fact]
    public async Task An_admin_cannot_touch_a_user_of_another_tenant()
    {
        var foreign = await app.UserId("sales@other.test");

        var result = await Deactivate(Admin, foreign);

        result.Errors.ShouldContain(new Error("User.NotFound"));
        (await app.FindUser("other", "sales@other.test"))!.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task The_list_pages_sorts_and_filters_on_the_server()
    {
        await app.InvitedAs(Admin, "daftar.undangan@demo.test", Roles.Technician);
        Task<UserPage> List(ListUsers query) => app.As(Admin, async sp =>
            (await sp.GetRequiredService<ListUsersHandler>().HandleAsync(query)).Value!);

        var all = await List(new ListUsers(PageSize: 100, SortBy: nameof(UserListItem.Email)));
        var page = await List(new ListUsers(Page: 1, PageSize: 3, SortBy: nameof(UserListItem.Email), Descending: true));
        var search = await List(new ListUsers(Search: "WAREHOUSE"));
        var finance = await List(new ListUsers(Role: Roles.Finance));
        var invited = await List(new ListUsers(Status: UserStatus.Invited));

        all.Items.Select(u => u.Email).ShouldBe(all.Items.Select(u => u.Email).OrderBy(e => e, StringComparer.Ordinal));
        all.Items.ShouldNotContain(u => u.Email.EndsWith("@other.test"));
        all.Items.Single(u => u.Email == Admin).IsSelf.ShouldBeTrue();
        page.TotalCount.ShouldBe(all.TotalCount);
        page.Items.Select(u => u.Email).ShouldBe(all.Items.Select(u => u.Email).Reverse().Skip(3).Take(3));
        search.Items.Select(u => u.Email).ShouldBe(["warehouse@demo.test"]);
        finance.Items.ShouldAllBe(u => u.Roles.Contains(Roles.Finance));
        finance.Items.ShouldContain(u => u.Email == "finance@demo.test");
        invited.Items.ShouldContain(u => u.Email == "daftar.undangan@demo.test");
        invited.Items.ShouldAllBe(u => u.Status == UserStatus.Invited);
    }
}

public sealed class UserAdministrationTests_Sqlite(LinkCapturingSqliteApp app)
    : UserAdministrationTests<LinkCapturingSqliteApp>(app), IClassFixture<LinkCapturingSqliteApp>;

public sealed class UserAdministrationTests_Postgres(LinkCapturingPostgresApp app)
    : UserAdministrationTests<LinkCapturingPostgresApp>(app), IClassFixture<LinkCapturingPostgresApp>;
