using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Account;

namespace Sidig.Tests.Features.Account;

public sealed class AccountLinkTests
{
    private static readonly TenantInfo Demo = new(Guid.CreateVersion7(), "demo", "Demo", "Asia/Jakarta", "id-ID", true);

    private static AccountLinkFactory Factory(TenantInfo tenant, string baseDomain = "sidig.local")
    {
        var context = new TenantContext();
        context.Set(tenant);
        return new AccountLinkFactory(context, Options.Create(new TenancyOptions { BaseDomain = baseDomain }));
    }

    [Fact]
    public void A_link_points_to_the_tenants_own_host_and_carries_the_token_intact()
    {
        var user = Guid.CreateVersion7();
        const string token = "CfDJ8+ab/cd==";

        var link = Factory(Demo).Create("https://demo.sidig.local:8443/admin/users", AccountLinkFactory.AcceptInvitePath, user, token);

        link.ShouldStartWith($"https://demo.sidig.local:8443/account/accept-invite?u={user}&t=");
        var query = QueryHelpers.ParseQuery(new Uri(link!).Query);
        query["u"].ToString().ShouldBe(user.ToString());
        query["t"].ToString().ShouldBe(token);
    }

    [Theory]
    [InlineData("https://other.sidig.local/")]
    [InlineData("https://demo.evil.example/")]
    [InlineData("https://sidig.local/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative")]
    public void No_link_is_made_for_an_origin_that_is_not_the_tenants_host(string origin) =>
        Factory(Demo).Create(origin, AccountLinkFactory.ResetPasswordPath, Guid.CreateVersion7(), "token").ShouldBeNull();

    [Fact]
    public void The_platform_host_gets_links_for_platform_users() =>
        Factory(TenantInfo.Platform).Create("http://sidig.local:5000/", AccountLinkFactory.ResetPasswordPath, Guid.Empty, "t")
            .ShouldStartWith("http://sidig.local:5000/account/reset-password?u=");
}
