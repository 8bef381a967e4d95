using Bunit;
using MudBlazor;
using Sidig.Domain.Access;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Layout;

namespace Sidig.Tests.Components;

public sealed class UserMenuTests : ComponentTest
{
    [Fact]
    public void The_user_menu_shows_the_display_name()
    {
        OnHost(Demo);
        SignedInAs(Demo, "Admin Demo Elektronik", Roles.PrincipalAdmin);

        var cut = Ctx.Render<UserMenu>();

        cut.Find("[data-testid='user-name']").TextContent.ShouldBe("Admin Demo Elektronik");
    }

    [Fact]
    public void Clicking_the_user_opens_the_menu_with_sign_out()
    {
        OnHost(Demo);
        SignedInAs(Demo, "Admin Demo Elektronik", Roles.PrincipalAdmin);
        var popovers = Ctx.Render<MudPopoverProvider>();
        var cut = Ctx.Render<UserMenu>();
        popovers.FindAll("[data-testid='sign-out']").ShouldBeEmpty();

        cut.Find("[data-testid='user-menu-activator']").Click();

        popovers.WaitForAssertion(() =>
            popovers.Find("[data-testid='logout-form']").GetAttribute("action").ShouldBe("/account/logout"));
        popovers.Find("[data-testid='sign-out']").GetAttribute("type").ShouldBe("submit");
    }

    [Fact]
    public void Nobody_signed_in_means_no_user_menu()
    {
        OnHost(Demo);
        Auth.SetNotAuthorized();

        var cut = Ctx.Render<UserMenu>();

        cut.FindAll("[data-testid='user-menu']").ShouldBeEmpty();
    }
}
