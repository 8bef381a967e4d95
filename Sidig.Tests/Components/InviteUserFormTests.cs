using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Web.Features.Users;
using Sidig.Web.Features.Users.Components;

namespace Sidig.Tests.Components;

public sealed class InviteUserFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly List<InviteUser> _submitted = [];
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;
    private Result _answer = Result.Ok();

    public InviteUserFormTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }

    private IRenderedComponent<InviteUserForm> RenderForm()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<InviteUserForm>(p => p
            .Add(x => x.DefaultLanguage, "en-US")
            .Add(x => x.Submit, command =>
            {
                _submitted.Add(command);
                return Task.FromResult(_answer);
            }));
    }

    private static string Text(IRenderedComponent<InviteUserForm> form) => System.Net.WebUtility.HtmlDecode(form.Markup);

    private static void Submit(IRenderedComponent<InviteUserForm> form) => form.Find("button[data-testid=invite-submit]").Click();

    private static void CheckRole(IRenderedComponent<InviteUserForm> form, string role) =>
        form.Find($"[data-testid=role-{role}] input, input[data-testid=role-{role}]").Change(true);

    [Fact]
    public void An_empty_form_shows_what_is_missing_and_submits_nothing()
    {
        var form = RenderForm();

        Submit(form);

        form.WaitForAssertion(() =>
        {
            Text(form).ShouldContain("Enter the e-mail address.");
            Text(form).ShouldContain("Enter the person's name.");
            form.Find("[data-testid=roles-error]").TextContent.ShouldBe("Choose at least one role.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void An_invalid_email_is_explained_and_nothing_is_submitted()
    {
        var form = RenderForm();
        form.Find("input[data-testid=invite-email]").Change("budi@");
        form.Find("input[data-testid=invite-name]").Change("Budi Santoso");
        CheckRole(form, Roles.Sales);

        Submit(form);

        form.WaitForAssertion(() => Text(form).ShouldContain("Enter a valid e-mail address, e.g. name@company.co.id."));
        form.FindAll("[data-testid=roles-error]").ShouldBeEmpty();
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_partner_role_asks_for_the_partner_and_is_not_sent_without_one()
    {
        var form = RenderForm();
        form.FindAll("[data-testid=partner-note]").ShouldBeEmpty();
        form.FindAll("[data-testid=invite-partner]").ShouldBeEmpty();
        form.Find("input[data-testid=invite-email]").Change("mitra@demo.test");
        form.Find("input[data-testid=invite-name]").Change("Mitra Baru");

        CheckRole(form, Roles.DistributorUser);
        Submit(form);

        form.WaitForAssertion(() =>
        {
            form.Find("[data-testid=partner-note]").TextContent.ShouldContain("see only their own partner company");
            form.FindAll("[data-testid=invite-partner]").ShouldNotBeEmpty();
            Text(form).ShouldContain("Choose the partner company this user works for.");
        });
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void A_complete_form_sends_the_invitation_and_shows_a_refusal_at_its_field()
    {
        _answer = Result.Fail("User.EmailTaken", nameof(InviteUser.Email));
        var form = RenderForm();
        form.Find("input[data-testid=invite-email]").Change("Budi@Demo.test");
        form.Find("input[data-testid=invite-name]").Change("Budi Santoso");
        CheckRole(form, Roles.Finance);
        CheckRole(form, Roles.Sales);

        Submit(form);

        form.WaitForAssertion(() => Text(form).ShouldContain("A user with this e-mail already exists in your company."));
        var sent = _submitted.ShouldHaveSingleItem();
        sent.Email.ShouldBe("Budi@Demo.test");
        sent.DisplayName.ShouldBe("Budi Santoso");
        sent.Roles.ShouldBe([Roles.Sales, Roles.Finance]);
        sent.Language.ShouldBe("en-US");
    }
}
