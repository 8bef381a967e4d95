using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Identity;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Home;

namespace Sidig.Tests.Features.Home;

public abstract class DashboardTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private Task<Result<AdminDashboardData>> AdminAsync(string tenant, string actor) =>
        app.Handle<GetAdminDashboardHandler, Result<AdminDashboardData>>(tenant, actor, h => h.HandleAsync(new GetAdminDashboard()));

    private Task<Result<MyDashboardData>> MineAsync(string tenant, string actor) =>
        app.Handle<GetMyDashboardHandler, Result<MyDashboardData>>(tenant, actor, h => h.HandleAsync(new GetMyDashboard()));

    [Fact]
    public async Task The_admin_dashboard_counts_the_seeded_users_one_per_role()
    {
        var data = (await AdminAsync("demo", "admin@demo.test")).Value!;

        // One demo user per role, plus three more partner users (Surya Timur, the Jakarta dealer, the service centre).
        data.TotalUsers.ShouldBe(11);
        data.Active.ShouldBe(11);
        data.Inactive.ShouldBe(0);
        data.Invited.ShouldBe(0);
        data.UsersByRole.Select(r => r.Role).ShouldBe(Roles.Tenant);
        data.UsersByRole.ShouldAllBe(r => r.Count == (r.Role == Roles.DistributorUser ? 4 : 1));
        data.LatestAudit.Count.ShouldBe(10); // many seeded entries in demo, the latest 10 shown
        data.LatestAudit.Select(a => a.At).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Invited_and_deactivated_users_are_counted_apart_from_active_ones()
    {
        await app.AsUser("other", "admin@other.test", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var invited = new AppUser { UserName = "new.hire@other.test", Email = "new.hire@other.test", DisplayName = "New Hire", InvitedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(invited)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(invited, Roles.Sales)).Succeeded.ShouldBeTrue();
            var agent = (await users.FindByEmailAsync("agent@other.test"))!;
            agent.IsActive = false;
            (await users.UpdateAsync(agent)).Succeeded.ShouldBeTrue();
            return true;
        });

        var data = (await AdminAsync("other", "admin@other.test")).Value!;

        data.TotalUsers.ShouldBe(9);
        data.Active.ShouldBe(7);
        data.Invited.ShouldBe(1);
        data.Inactive.ShouldBe(1);
        data.UsersByRole.Single(r => r.Role == Roles.Sales).Count.ShouldBe(2);
        (await AdminAsync("demo", "admin@demo.test")).Value!.TotalUsers.ShouldBe(11); // demo is not affected
    }

    [Fact]
    public async Task A_staff_member_sees_their_own_account_and_only_their_own_activity()
    {
        var salesId = await app.AsUser("demo", "finance@demo.test", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var sales = (await users.FindByEmailAsync("sales@demo.test"))!; // a change by finance, about sales
            sales.PhoneNumber = "+62 812 0000 0001";
            (await users.UpdateAsync(sales)).Succeeded.ShouldBeTrue();
            return sales.Id;
        });
        await app.AsUser("demo", "sales@demo.test", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var me = (await users.FindByEmailAsync("sales@demo.test"))!;
            me.Language = "en-US";
            (await users.UpdateAsync(me)).Succeeded.ShouldBeTrue();
            return true;
        });

        var data = (await MineAsync("demo", "sales@demo.test")).Value!;

        data.Account.Id.ShouldBe(salesId);
        data.Account.Email.ShouldBe("sales@demo.test");
        data.Account.DisplayName.ShouldBe("Sales Demo Elektronik");
        data.Account.Roles.ShouldBe([Roles.Sales]);
        data.Activity.ShouldNotBeEmpty();
        data.Activity.ShouldAllBe(a => a.UserId == salesId);
        data.Activity.ShouldContain(a => a.Changes.Any(c => c.Property == "Language" && c.New == "en-US"));
        data.Activity.ShouldNotContain(a => a.Changes.Any(c => c.Property == "PhoneNumber"));
    }

    [Fact]
    public async Task The_admin_dashboard_is_refused_to_staff_and_the_personal_one_to_nobody_in_the_tenant()
    {
        (await AdminAsync("demo", "sales@demo.test")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await AdminAsync("demo", "distributor@demo.test")).Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
        (await MineAsync("demo", "technician@demo.test")).Errors.ShouldBeEmpty();
        (await app.Handle<GetMyDashboardHandler, Result<MyDashboardData>>(null, "operator@sidig.test", h => h.HandleAsync(new GetMyDashboard())))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task The_home_page_shows_the_admin_overview_with_its_chart()
    {
        using var admin = await app.Client("demo").SignedInAs("admin@demo.test");

        var html = await admin.Http.GetStringAsync("/");

        html.ShouldContain("data-testid=\"admin-dashboard\"");
        html.ShouldContain("mud-chart");
        html.ShouldContain("data-role=\"Technician\"");
        html.ShouldNotContain("data-testid=\"my-dashboard\"");
    }

    [Fact]
    public async Task The_home_page_shows_staff_their_own_account_and_what_their_modules_will_show()
    {
        using var cs = await app.Client("demo").SignedInAs("cs@demo.test");

        var html = await cs.Http.GetStringAsync("/");

        html.ShouldContain("data-testid=\"my-dashboard\"");
        html.ShouldContain("cs@demo.test");
        html.ShouldContain("data-testid=\"my-modules\"");
        html.ShouldContain("Layanan pelanggan: keluhan dan tiket servis"); // demo's language is Bahasa Indonesia
        html.ShouldNotContain("data-testid=\"admin-dashboard\"");
    }
}

public sealed class DashboardTests_Sqlite(SqliteApp app) : DashboardTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class DashboardTests_Postgres(PostgresApp app) : DashboardTests<PostgresApp>(app), IClassFixture<PostgresApp>;
