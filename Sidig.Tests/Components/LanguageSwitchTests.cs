using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Sidig.Tests.TestSupport;
using Sidig.Web.Components.Layout;

namespace Sidig.Tests.Components;

public sealed class LanguageSwitchTests : ComponentTest
{
    [Fact]
    public void The_language_menu_offers_both_languages()
    {
        var popovers = Ctx.Render<MudPopoverProvider>();
        var cut = Ctx.Render<LanguageSwitch>();

        cut.Find("button").Click();

        popovers.WaitForAssertion(() =>
        {
            popovers.Find("[data-testid='lang-id-ID']").TextContent.Trim().ShouldBe("Bahasa Indonesia");
            popovers.Find("[data-testid='lang-en-US']").TextContent.Trim().ShouldBe("English");
        });
    }

    [Fact]
    public void Picking_a_language_reloads_the_page_through_the_culture_endpoint()
    {
        var nav = Ctx.Services.GetRequiredService<BunitNavigationManager>();
        nav.NavigateTo("/admin/users?page=2");
        var popovers = Ctx.Render<MudPopoverProvider>();
        var cut = Ctx.Render<LanguageSwitch>();

        cut.Find("button").Click();
        popovers.WaitForElement("[data-testid='lang-en-US']").Click();

        cut.WaitForAssertion(() => // the menu item's click handler runs asynchronously
        {
            var last = nav.History.First(); // newest first
            last.Uri.ShouldBe("/culture?c=en-US&back=%2Fadmin%2Fusers%3Fpage%3D2");
            last.Options.ForceLoad.ShouldBeTrue();
        });
    }
}
