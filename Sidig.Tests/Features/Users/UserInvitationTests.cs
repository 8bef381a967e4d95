using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Account;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Users;

/// <summary>Inviting users and accepting invitations through the real set-password form.</summary>
public abstract class UserInvitationTests<TApp>(TApp app) where TApp : LinkCapturingApp
{
    private const string Admin = "admin@demo.test";
    private const string NewPassword = "Rahasia-Baru-2026";

    [Fact]
    public async Task An_invited_user_accepts_through_the_form_and_signs_in_with_the_new_password()
    {
        var invitation = await app.InvitedAs(Admin, "budi.santoso@demo.test", Roles.Sales, Roles.Finance);
        invitation.Link.ShouldStartWith($"http://demo.localhost{AccountLinkFactory.AcceptInvitePath}?u={invitation.UserId}&t=");
        app.Links.To("budi.santoso@demo.test").Single().Url.ShouldBe(invitation.Link); // the link is delivered, not only shown

        using var client = await app.Client("demo").InEnglish();
        var page = await client.PageTextAsync(AccountForms.Local(invitation.Link));
        page.ShouldContain("value=\"budi.santoso@demo.test\"");

        var accepted = await client.SetPasswordAsync(invitation.Link, NewPassword);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.PathAndQuery.ShouldBe("/account/login?notice=reset");

        using var browser = app.Client("demo");
        await browser.SignedInAs("budi.santoso@demo.test", NewPassword);
        var user = await app.FindUser("demo", "budi.santoso@demo.test");
        user!.EmailConfirmed.ShouldBeTrue();
        user.InvitedAt.ShouldBeNull();
        user.PartnerId.ShouldBeNull();
    }

    [Fact]
    public async Task An_invitation_link_works_only_once()
    {
        var invitation = await app.InvitedAs(Admin, "sekali.pakai@demo.test");
        using var client = await app.Client("demo").InEnglish();
        (await client.SetPasswordAsync(invitation.Link, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var hashAfterFirstUse = (await app.FindUser("demo", "sekali.pakai@demo.test"))!.PasswordHash;

        var second = await client.ResubmitSetPasswordAsync(invitation.Link, "Lain-Lagi-2026x");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.TextAsync()).ShouldContain("This link is invalid, already used or expired.");
        (await app.FindUser("demo", "sekali.pakai@demo.test"))!.PasswordHash.ShouldBe(hashAfterFirstUse);
    }

    [Fact]
    public async Task A_tampered_invitation_token_is_refused_and_changes_nothing()
    {
        var invitation = await app.InvitedAs(Admin, "diubah@demo.test");
        var token = QueryHelpers.ParseQuery(new Uri(invitation.Link).Query)["t"].ToString();
        var middle = token.Length / 2;
        var changed = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var tampered = invitation.Link.Split("&t=")[0] + "&t=" + AccountLinkFactory.EncodeToken(changed);
        using var client = await app.Client("demo").InEnglish();

        var page = await client.PageTextAsync(AccountForms.Local(tampered));
        page.ShouldContain("data-testid=\"link-invalid\"");
        page.ShouldNotContain("data-testid=\"new-password\"");
        var posted = await client.ResubmitSetPasswordAsync(tampered, NewPassword);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.TextAsync()).ShouldContain("This link is invalid, already used or expired.");
        var user = await app.FindUser("demo", "diubah@demo.test");
        user!.PasswordHash.ShouldBeNull();
        user.InvitedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_link_of_another_user_id_is_refused()
    {
        var invitation = await app.InvitedAs(Admin, "pemilik.tautan@demo.test");
        var otherUser = await app.UserId("sales@demo.test");
        var forged = invitation.Link.Replace(invitation.UserId.ToString(), otherUser.ToString());
        using var client = await app.Client("demo").InEnglish();

        (await client.PageTextAsync(AccountForms.Local(forged))).ShouldContain("data-testid=\"link-invalid\"");
    }

    [Fact]
    public async Task A_weak_password_on_accept_is_explained_and_nothing_is_set()
    {
        var invitation = await app.InvitedAs(Admin, "sandi.lemah@demo.test");
        using var client = await app.Client("demo").InEnglish();

        var response = await client.SetPasswordAsync(invitation.Link, "lemah");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.TextAsync();
        text.ShouldContain("The password needs at least 10 characters.");
        text.ShouldContain("The password needs at least one digit (0–9).");
        text.ShouldContain("The password needs at least one capital letter (A–Z).");
        var user = await app.FindUser("demo", "sandi.lemah@demo.test");
        user!.PasswordHash.ShouldBeNull();
        user.InvitedAt.ShouldNotBeNull();
        // The link still works after a refused attempt.
        (await client.SetPasswordAsync(invitation.Link, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Two_different_passwords_on_accept_are_refused()
    {
        var invitation = await app.InvitedAs(Admin, "beda.sandi@demo.test");
        using var client = await app.Client("demo").InEnglish();

        var response = await client.SetPasswordAsync(invitation.Link, NewPassword, NewPassword + "x");

        (await response.TextAsync()).ShouldContain("The two passwords are not the same.");
        (await app.FindUser("demo", "beda.sandi@demo.test"))!.PasswordHash.ShouldBeNull();
    }

    [Fact]
    public async Task Inviting_with_an_invalid_email_is_refused_and_creates_nothing()
    {
        var before = await app.CountUsers("demo");

        var result = await app.InviteAs(Admin, "bukan-email");

        result.Errors.ShouldContain(new Error("Validation.EmailInvalid", "Email"));
        (await app.CountUsers("demo")).ShouldBe(before);
    }

    [Fact]
    public async Task Inviting_a_user_with_a_taken_email_is_refused_and_creates_nothing()
    {
        var before = await app.CountUsers("demo");

        var result = await app.InviteAs(Admin, "SALES@demo.test");

        result.Errors.ShouldContain(new Error("User.EmailTaken", "Email"));
        (await app.CountUsers("demo")).ShouldBe(before);
        app.Links.To("sales@demo.test").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_email_may_be_invited_in_another_tenant()
    {
        await app.InvitedAs(Admin, "dua.portal@example.co.id");

        var inOther = await app.InviteAs("admin@other.test", "dua.portal@example.co.id");
        var takenInOther = await app.InviteAs(Admin, "cs@other.test");

        inOther.Errors.ShouldBeEmpty();
        inOther.Value!.Link.ShouldStartWith("http://other.localhost/account/accept-invite?");
        takenInOther.Errors.ShouldBeEmpty(); // cs@other.test belongs to tenant other only
        (await app.FindUser("other", "dua.portal@example.co.id")).ShouldNotBeNull();
    }

    [Fact]
    public async Task An_invitation_needs_a_role_and_gives_exactly_the_chosen_roles()
    {
        var none = await app.As(Admin, sp => sp.GetRequiredService<InviteUserHandler>().HandleAsync(
            new InviteUser("tanpa.peran@demo.test", "Tanpa Peran", [], "id-ID"), UserTestSupport.Origin("demo")));
        var platformRole = await app.InviteAs(Admin, "operator.palsu@demo.test", Roles.PlatformOperator);
        var invitation = await app.InvitedAs(Admin, "dua.peran@demo.test", Roles.Warehouse, Roles.CustomerService);

        none.Errors.ShouldContain(new Error("User.RoleRequired", "Roles"));
        platformRole.Errors.ShouldContain(new Error("User.RoleInvalid", "Roles"));
        var listed = await app.As(Admin, sp => sp.GetRequiredService<ListUsersHandler>()
            .HandleAsync(new ListUsers(Search: "dua.peran")));
        listed.Value!.Items.Single().Roles.ShouldBe([Roles.Warehouse, Roles.CustomerService]);
        listed.Value.Items.Single().Id.ShouldBe(invitation.UserId);
    }

    [Fact]
    public async Task Inviting_again_replaces_the_link_and_the_old_one_stops_working()
    {
        var first = await app.InvitedAs(Admin, "undang.ulang@demo.test");

        var second = await app.As(Admin, sp => sp.GetRequiredService<ReinviteUserHandler>()
            .HandleAsync(new ReinviteUser(first.UserId), UserTestSupport.Origin("demo")));

        second.Errors.ShouldBeEmpty();
        second.Value!.Link.ShouldNotBe(first.Link);
        using var client = await app.Client("demo").InEnglish();
        (await client.PageTextAsync(AccountForms.Local(first.Link))).ShouldContain("data-testid=\"link-invalid\"");
        (await client.SetPasswordAsync(second.Value.Link, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Inviting_again_is_refused_for_a_user_who_already_accepted()
    {
        var salesId = await app.UserId("sales@demo.test");

        var result = await app.As(Admin, sp => sp.GetRequiredService<ReinviteUserHandler>()
            .HandleAsync(new ReinviteUser(salesId), UserTestSupport.Origin("demo")));

        result.Errors.ShouldContain(new Error("User.NotInvited"));
    }

    [Fact]
    public async Task An_invitation_link_is_never_made_for_a_foreign_host()
    {
        var result = await app.As(Admin, sp => sp.GetRequiredService<InviteUserHandler>().HandleAsync(
            new InviteUser("tamu@demo.test", "Tamu", [Roles.Sales], "en-US"), "http://other.localhost/"));

        result.Errors.ShouldContain(new Error("Account.LinkHostInvalid"));
        (await app.FindUser("demo", "tamu@demo.test")).ShouldBeNull();
    }
}

public sealed class UserInvitationTests_Sqlite(LinkCapturingSqliteApp app)
    : UserInvitationTests<LinkCapturingSqliteApp>(app), IClassFixture<LinkCapturingSqliteApp>;

public sealed class UserInvitationTests_Postgres(LinkCapturingPostgresApp app)
    : UserInvitationTests<LinkCapturingPostgresApp>(app), IClassFixture<LinkCapturingPostgresApp>;
