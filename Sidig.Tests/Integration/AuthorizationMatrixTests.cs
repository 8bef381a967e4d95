using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Sidig.Domain.Access;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Integration;

/// <summary>
/// Each role against each page, on the server (the menu only hides links). The table below is the specification;
/// a page that is added without a row here fails <see cref="Every_page_is_in_the_matrix"/>.
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private static readonly string[] TenantRoles = [.. Roles.Tenant];

    /// <summary>Route → roles allowed on a tenant host ("platform" pages: the operator on the platform host only).</summary>
    public static readonly Dictionary<string, string[]> TenantPages = new()
    {
        ["/"] = TenantRoles,
        ["/admin/users"] = [Roles.PrincipalAdmin],
        ["/admin/company"] = [Roles.PrincipalAdmin],
        ["/admin/audit"] = [Roles.PrincipalAdmin],
        ["/admin/api-keys"] = [Roles.PrincipalAdmin],
        ["/admin/outbox"] = [Roles.PrincipalAdmin],
        ["/catalog/products"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/catalog/products/new"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/catalog/categories"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/catalog/warranty-policies"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/catalog/price-lists"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/import"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Warehouse],
        ["/partners"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService],
        ["/partners/new"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/partners/network"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService],
        ["/partners/settings"] = [Roles.PrincipalAdmin],
        ["/platform/tenants"] = [],
        ["/portal"] = [Roles.DistributorUser, Roles.AgentUser],
        ["/stock/audits"] = [Roles.PrincipalAdmin, Roles.Warehouse, Roles.DistributorUser],
        ["/sell-out"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.DistributorUser],
        ["/sell-out/new"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.DistributorUser],
        ["/allocations"] = [Roles.PrincipalAdmin, Roles.Sales],
        ["/stock"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService, Roles.DistributorUser],
        ["/stock/movements"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService, Roles.DistributorUser],
        ["/stock/warehouses"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.CustomerService, Roles.DistributorUser],
        ["/orders"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.DistributorUser, Roles.AgentUser],
        ["/orders/new"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.DistributorUser, Roles.AgentUser],
        ["/orders/approvals"] = [Roles.PrincipalAdmin, Roles.Finance],
        ["/quotations"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.DistributorUser, Roles.AgentUser],
        ["/quotations/new"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.DistributorUser, Roles.AgentUser],
        ["/admin/sales-settings"] = [Roles.PrincipalAdmin],
        ["/delivery-notes"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.Warehouse, Roles.DistributorUser, Roles.AgentUser],
        ["/delivery-notes/new"] = [Roles.PrincipalAdmin, Roles.Warehouse],
        ["/invoices"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.DistributorUser, Roles.AgentUser],
        ["/invoices/new"] = [Roles.PrincipalAdmin, Roles.Finance],
        ["/payments"] = [Roles.PrincipalAdmin, Roles.Finance],
        ["/credit-notes"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Finance, Roles.DistributorUser, Roles.AgentUser],
        ["/credit-notes/new"] = [Roles.PrincipalAdmin, Roles.Finance],
        ["/receivables"] = [Roles.PrincipalAdmin, Roles.Finance],
        ["/portal/statement"] = [Roles.DistributorUser],
        ["/commissions"] = [Roles.PrincipalAdmin, Roles.Finance],
        ["/commissions/mine"] = [Roles.AgentUser],
        ["/units"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Warehouse, Roles.CustomerService, Roles.Technician],
        ["/units/batches"] = [Roles.PrincipalAdmin, Roles.Sales, Roles.Warehouse, Roles.CustomerService, Roles.Technician],
        ["/warranty/registrations"] = [Roles.PrincipalAdmin, Roles.CustomerService],
        ["/warranty/anomalies"] = [Roles.PrincipalAdmin, Roles.CustomerService],
        ["/units/labels"] = [Roles.PrincipalAdmin, Roles.Warehouse],
        ["/service/tickets"] = [Roles.PrincipalAdmin, Roles.CustomerService, Roles.Technician, Roles.DistributorUser, Roles.AgentUser],
        ["/service/my"] = [Roles.PrincipalAdmin, Roles.CustomerService, Roles.Technician, Roles.DistributorUser, Roles.AgentUser],
        ["/service/settings"] = [Roles.PrincipalAdmin],
    };

    /// <summary>Pages anyone may open without signing in.</summary>
    public static readonly string[] PublicPages =
        ["/account/login", "/account/forgot-password", "/account/reset-password", "/account/accept-invite", "/account/access-denied", "/not-found", "/error"];

    public static IEnumerable<object[]> Cases() =>
        from page in TenantPages.Keys from role in TenantRoles select new object[] { page, role };

    private static string Email(string role) => role switch
    {
        Roles.PrincipalAdmin => "admin@demo.test",
        Roles.CustomerService => "cs@demo.test",
        Roles.DistributorUser => "distributor@demo.test",
        Roles.AgentUser => "agent@demo.test",
        _ => role.ToLowerInvariant() + "@demo.test",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_tenant_role_opens_exactly_the_pages_it_is_allowed(string page, string role)
    {
        using var client = await app.Client("demo").SignedInAs(Email(role));
        var response = await client.Http.GetAsync(page);
        if (TenantPages[page].Contains(role))
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} should open {page}");
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{role} must not open {page}");
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/platform/tenants")]
    public async Task The_platform_operator_opens_platform_pages_on_the_platform_host(string page)
    {
        using var client = await app.Client(null).SignedInAs("operator@sidig.test");
        (await client.Http.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/company")]
    [InlineData("/admin/audit")]
    public async Task The_platform_operator_cannot_open_tenant_admin_pages(string page)
    {
        using var client = await app.Client(null).SignedInAs("operator@sidig.test");
        var response = await client.Http.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/admin/company")]
    [InlineData("/admin/audit")]
    [InlineData("/platform/tenants")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        using var client = app.Client("demo");
        var response = await client.Http.GetAsync(page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public void Every_page_is_in_the_matrix()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Where(r => !r.Contains('{'))
            .ToList();
        routes.Where(r => !TenantPages.ContainsKey(r) && !PublicPages.Contains(r)).ShouldBeEmpty();
    }
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteApp app) : AuthorizationMatrixTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class AuthorizationMatrixTests_Postgres(PostgresApp app) : AuthorizationMatrixTests<PostgresApp>(app), IClassFixture<PostgresApp>;
