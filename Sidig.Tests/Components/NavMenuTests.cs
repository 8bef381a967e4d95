using Bunit;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Layout;

namespace Sidig.Tests.Components;

public sealed class NavMenuTests : ComponentTest
{
    private static readonly string[] AdminLinks = ["nav-users", "nav-company", "nav-audit"];

    private IReadOnlyList<string> ShownLinks()
    {
        var cut = Ctx.Render<NavMenu>();
        return cut.FindAll("[data-testid^='nav-']").Select(e => e.GetAttribute("data-testid")!).ToList();
    }

    [Fact]
    public void A_principal_admin_sees_the_admin_links()
    {
        OnHost(Demo);
        SignedInAs(Demo, "Admin Demo", Roles.PrincipalAdmin);

        ShownLinks().ShouldBe(AdminLinks, ignoreOrder: true);
    }

    [Theory]
    [InlineData(Roles.Sales)]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.CustomerService)]
    [InlineData(Roles.DistributorUser)]
    public void Other_tenant_roles_see_no_admin_links(string role)
    {
        OnHost(Demo);
        SignedInAs(Demo, "Staff Demo", role);

        var cut = Ctx.Render<NavMenu>();

        cut.FindAll("a[href='/']").ShouldNotBeEmpty(); // the menu itself is there
        cut.FindAll("[data-testid^='nav-']").ShouldBeEmpty();
    }

    [Fact]
    public void An_admin_of_another_tenant_sees_no_admin_links_on_this_host()
    {
        OnHost(Demo);
        SignedInAs(Other, "Admin Other", Roles.PrincipalAdmin);

        ShownLinks().ShouldBeEmpty();
    }

    [Fact]
    public void On_the_platform_host_the_operator_sees_tenants_and_no_tenant_admin_links()
    {
        OnHost(TenantInfo.Platform);
        SignedInAs(TenantInfo.Platform, "Operator Platform", Roles.PlatformOperator);

        ShownLinks().ShouldBe(["nav-tenants"]);
    }
}
