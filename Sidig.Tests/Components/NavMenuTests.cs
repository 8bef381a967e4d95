using Bunit;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Tenancy;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Layout;

namespace Sidig.Tests.Components;

public sealed class NavMenuTests : ComponentTest
{
    private static readonly string[] Catalog = ["nav-catalog", "nav-products", "nav-categories", "nav-warranty-policies", "nav-price-lists"];
    private static readonly string[] Partners = ["nav-partners-group", "nav-partners", "nav-network"];
    private static readonly string[] Stock = ["nav-stock-group", "nav-stock", "nav-movements", "nav-warehouses"];
    private static readonly string[] Units = ["nav-units-group", "nav-units", "nav-unit-batches"];
    private static readonly string[] Admin = ["nav-users", "nav-company", "nav-audit", "nav-sales-settings", "nav-outbox", "nav-api-keys"];
    private static readonly string[] Sales = ["nav-sales", "nav-quotations", "nav-orders", "nav-delivery-notes"];
    private static readonly string[] Finance = ["nav-finance", "nav-invoices", "nav-credit-notes"];
    private static readonly string[] FinanceStaff = [.. Finance, "nav-payments", "nav-receivables", "nav-commissions"];
    private static readonly string[] Service = ["nav-service-tickets", "nav-service-my"];

    /// <summary>The links each role sees (the menu mirrors the policies; pages check them again on the server).</summary>
    public static TheoryData<string, string[]> LinksByRole => new()
    {
        { Roles.PrincipalAdmin, [.. Sales, "nav-approvals", .. FinanceStaff, .. Catalog, .. Partners, "nav-allocations", .. Stock, "nav-audits", .. Units, "nav-label-prints", "nav-warranty-registrations", "nav-warranty-anomalies", .. Service, "nav-service-settings", "nav-sell-out", "nav-import", .. Admin] },
        { Roles.Sales, [.. Sales, .. Finance, .. Catalog, .. Partners, "nav-allocations", .. Stock, .. Units, "nav-sell-out", "nav-import"] },
        { Roles.Finance, [.. Sales, "nav-approvals", .. FinanceStaff, .. Partners, .. Stock] },
        { Roles.Warehouse, [.. Sales, .. Partners, .. Stock, "nav-audits", .. Units, "nav-label-prints", "nav-import"] },
        { Roles.CustomerService, [.. Partners, .. Stock, .. Units, "nav-warranty-registrations", "nav-warranty-anomalies", .. Service] },
        { Roles.Technician, [.. Units, .. Service] },
        { Roles.DistributorUser, ["nav-portal", .. Sales, .. Finance, "nav-my-statement", .. Stock, "nav-audits", "nav-sell-out", .. Service] },
        { Roles.AgentUser, ["nav-portal", .. Sales, .. Finance, "nav-my-commission", .. Service] },
    };

    private IReadOnlyList<string> ShownLinks()
    {
        var cut = Ctx.Render<NavMenu>();
        cut.FindAll("a[href='/']").ShouldNotBeEmpty(); // the menu itself is always there
        return cut.FindAll("[data-testid^='nav-']").Select(e => e.GetAttribute("data-testid")!).ToList();
    }

    [Theory]
    [MemberData(nameof(LinksByRole))]
    public void Each_role_sees_exactly_the_links_of_its_policies(string role, string[] expected)
    {
        OnHost(Demo);
        SignedInAs(Demo, "User Demo", role);

        ShownLinks().ShouldBe(expected, ignoreOrder: true);
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
