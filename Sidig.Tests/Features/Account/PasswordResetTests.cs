using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Tests.Features.Users;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Account;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Account;

/// <summary>Forgot password, reset through the link, and the lockout after repeated wrong passwords.</summary>
public abstract class PasswordResetTests<TApp>(TApp app) where TApp : LinkCapturingApp
{
    private const string Neutral = "If an account with this e-mail exists, a link to set a new password has been sent to it.";

    private static Task<HttpResponseMessage> ForgotAsync(SidigClient client, string email) =>
        client.PostFormAsync("/account/forgot-password", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_email_and_sends_nothing()
    {
        using var client = await app.Client("demo").InEnglish();

        var unknown = await (await ForgotAsync(client, "tidak.ada@demo.test")).TextAsync();
        var known = await (await ForgotAsync(client, "sales@demo.test")).TextAsync();

        unknown.ShouldContain(Neutral);
        known.ShouldContain(Neutral);
        app.Links.To("tidak.ada@demo.test").ShouldBeEmpty();
        app.Links.To("sales@demo.test").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Forgot_password_on_one_tenant_never_sends_a_link_for_a_user_of_another()
    {
        using var client = await app.Client("demo").InEnglish();

        (await (await ForgotAsync(client, "finance@other.test")).TextAsync()).ShouldContain(Neutral);

        app.Links.To("finance@other.test").ShouldBeEmpty();
    }

    [Fact]
    public async Task Forgot_password_sends_nothing_to_a_deactivated_user()
    {
        var id = await app.UserId("agent@demo.test");
        (await app.As("admin@demo.test", sp => sp.GetRequiredService<DeactivateUserHandler>().HandleAsync(new DeactivateUser(id))))
            .Errors.ShouldBeEmpty();
        using var client = await app.Client("demo").InEnglish();

        (await (await ForgotAsync(client, "agent@demo.test")).TextAsync()).ShouldContain(Neutral);

        app.Links.To("agent@demo.test").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_user_resets_a_forgotten_password_end_to_end()
    {
        using var client = await app.Client("demo").InEnglish();
        await ForgotAsync(client, "cs@demo.test");
        var link = app.Links.To("cs@demo.test").Single();
        link.Kind.ShouldBe(AccountLinkKind.PasswordReset);
        link.Url.ShouldStartWith("http://demo.localhost/account/reset-password?u=");

        (await client.PageTextAsync(AccountForms.Local(link.Url))).ShouldContain("value=\"cs@demo.test\"");
        var reset = await client.SetPasswordAsync(link.Url, "Sandi-Pulih-2026");

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Headers.Location!.PathAndQuery.ShouldBe("/account/login?notice=reset");
        (await client.PageTextAsync("/account/login?notice=reset")).ShouldContain("Your password is set. Sign in with it now.");
        (await client.SignInAsync("cs@demo.test")).StatusCode.ShouldBe(HttpStatusCode.OK); // the old password is gone
        using var fresh = await app.Client("demo").SignedInAs("cs@demo.test", "Sandi-Pulih-2026");
        (await client.PageTextAsync(AccountForms.Local(link.Url))).ShouldContain("This link is invalid, already used or expired.");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        const string email = "technician@demo.test";
        using var client = await app.Client("demo").InEnglish();
        for (var i = 0; i < 4; i++) await client.SignInAsync(email, "Salah-Sandi-0" + i);
        var afterFour = await app.FindUser("demo", email);

        var fifth = await client.SignInAsync(email, "Salah-Sandi-05");
        var sixth = await client.SignInAsync(email);

        afterFour!.AccessFailedCount.ShouldBe(4);
        afterFour.LockoutEnd.ShouldBeNull();
        (await fifth.TextAsync()).ShouldContain("Too many failed attempts. The account is locked for 15 minutes.");
        sixth.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sixth.TextAsync()).ShouldContain("Too many failed attempts. The account is locked for 15 minutes.");
        var locked = await app.FindUser("demo", email);
        locked!.LockoutEnd.ShouldNotBeNull();
        locked.LockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Resetting_the_password_lifts_a_lockout()
    {
        const string email = "distributor@demo.test";
        using var client = await app.Client("demo").InEnglish();
        for (var i = 0; i < 5; i++) await client.SignInAsync(email, "Salah-Sandi-1" + i);
        (await app.FindUser("demo", email))!.LockoutEnd.ShouldNotBeNull();

        await ForgotAsync(client, email);
        (await client.SetPasswordAsync(app.Links.To(email).Single().Url, "Sandi-Pulih-2027")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.FindUser("demo", email))!.LockoutEnd.ShouldBeNull();
        using var fresh = await app.Client("demo").SignedInAs(email, "Sandi-Pulih-2027");
    }
}

public sealed class PasswordResetTests_Sqlite(LinkCapturingSqliteApp app)
    : PasswordResetTests<LinkCapturingSqliteApp>(app), IClassFixture<LinkCapturingSqliteApp>;

public sealed class PasswordResetTests_Postgres(LinkCapturingPostgresApp app)
    : PasswordResetTests<LinkCapturingPostgresApp>(app), IClassFixture<LinkCapturingPostgresApp>;
