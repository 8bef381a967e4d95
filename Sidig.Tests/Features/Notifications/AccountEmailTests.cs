using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Seeding;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Account;
using Sidig.Web.Features.Platform;
using Sidig.Web.Features.Users;

namespace Sidig.Tests.Features.Notifications;

/// <summary>Invitations and password resets go through the outbox and arrive over SMTP with a working link.</summary>
public abstract class AccountEmailTests<TApp>(TApp app) where TApp : SmtpApp
{
    private const string Admin = "admin@demo.test";

    private static string LinkIn(MimeKit.MimeMessage mail) =>
        mail.TextBody.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://", StringComparison.Ordinal));

    private Task<Result<Invitation>> InviteAsync(string email, string language = "id-ID") =>
        app.Handle<InviteUserHandler, Result<Invitation>>("demo", Admin,
            h => h.HandleAsync(new InviteUser(email, "Budi Uji", [Roles.Sales], language), "http://demo.localhost/admin/users"));

    [Fact]
    public async Task An_invitation_is_queued_with_the_new_user_and_arrives_over_smtp_with_the_link_the_admin_sees()
    {
        var email = OutboxKit.Address("budi");
        var invitation = await InviteAsync(email);
        invitation.Errors.ShouldBeEmpty();

        var queued = (await app.MessagesAsync("demo", q => q.Where(m => m.To == email))).ShouldHaveSingleItem();
        queued.Kind.ShouldBe("Invitation");
        queued.Status.ShouldBe(OutboxStatus.Pending);
        queued.DedupKey.ShouldStartWith($"invitation:{invitation.Value!.UserId}:");

        await app.RunSenderAsync("demo");
        var mail = app.Smtp.To(email).ShouldHaveSingleItem();
        var tenantName = await app.InTenant("demo", sp => Task.FromResult(sp.GetRequiredService<Sidig.Infrastructure.Tenancy.TenantContext>().Tenant.DisplayName));
        mail.Subject.ShouldBe($"Undangan bergabung dengan {tenantName} di Sidig");
        LinkIn(mail).ShouldBe(invitation.Value.Link);
        QueryHelpers.ParseQuery(new Uri(LinkIn(mail)).Query)["u"].ToString().ShouldBe(invitation.Value.UserId.ToString());
    }

    [Fact]
    public async Task A_reinvitation_is_a_new_message_with_a_new_link_in_the_users_language()
    {
        var email = OutboxKit.Address("ani");
        var first = await InviteAsync(email, "en-US");
        var again = await app.Handle<ReinviteUserHandler, Result<Invitation>>("demo", Admin,
            h => h.HandleAsync(new ReinviteUser(first.Value!.UserId), "http://demo.localhost/admin/users"));
        again.Errors.ShouldBeEmpty();
        again.Value!.Link.ShouldNotBe(first.Value.Link);

        var queued = await app.MessagesAsync("demo", q => q.Where(m => m.To == email));
        queued.Count.ShouldBe(2);
        queued.Select(m => m.DedupKey).Distinct().Count().ShouldBe(2);
        await app.RunSenderAsync("demo");
        var mails = app.Smtp.To(email);
        mails.Count.ShouldBe(2);
        mails.ShouldAllBe(m => m.Subject.StartsWith("You are invited to"));
        mails.Select(LinkIn).ShouldBe([first.Value.Link, again.Value.Link], ignoreOrder: true);
    }

    [Fact]
    public async Task A_password_reset_request_is_queued_and_arrives_over_smtp_and_an_unknown_address_queues_nothing()
    {
        var before = (await app.MessagesAsync("demo", q => q.Where(m => m.Kind == "PasswordReset"))).Count;
        await app.InTenant("demo", sp => sp.GetRequiredService<RequestPasswordResetHandler>()
            .HandleAsync(new RequestPasswordReset("nobody.here@demo.test"), "http://demo.localhost/account/forgot-password"));
        (await app.MessagesAsync("demo", q => q.Where(m => m.Kind == "PasswordReset"))).Count.ShouldBe(before);

        await app.InTenant("demo", sp => sp.GetRequiredService<RequestPasswordResetHandler>()
            .HandleAsync(new RequestPasswordReset("finance@demo.test"), "http://demo.localhost/account/forgot-password"));
        var queued = (await app.MessagesAsync("demo", q => q.Where(m => m.Kind == "PasswordReset" && m.To == "finance@demo.test"))).ShouldHaveSingleItem();
        queued.DedupKey.ShouldStartWith("password-reset:");

        await app.RunSenderAsync("demo");
        var mail = app.Smtp.To("finance@demo.test").ShouldHaveSingleItem();
        LinkIn(mail).ShouldStartWith("http://demo.localhost/account/reset-password?u=");
    }

    [Fact]
    public async Task The_first_admin_of_a_new_tenant_gets_the_invitation_from_that_tenants_outbox()
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..10];
        var email = OutboxKit.Address("pertama");
        var created = await app.Handle<CreateTenantHandler, Result<TenantCreated>>(null, DemoSeeder.PlatformOperatorEmail,
            h => h.HandleAsync(new CreateTenant(slug, "PT Acme Uji", "Asia/Makassar", "en-US", email, "Budi Santoso", "http://localhost/")));
        created.Errors.ShouldBeEmpty();

        (await app.MessagesAsync(slug, q => q.Where(m => m.To == email))).ShouldHaveSingleItem().Kind.ShouldBe("Invitation");
        (await app.MessagesAsync("demo", q => q.Where(m => m.To == email))).ShouldBeEmpty();
        await app.RunSenderAsync("demo");
        app.Smtp.To(email).ShouldBeEmpty();

        await app.RunSenderAsync(slug);
        var mail = app.Smtp.To(email).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("You are invited to PT Acme Uji on Sidig");
        LinkIn(mail).ShouldBe(created.Value!.InvitationLink);
    }
}

public sealed class AccountEmailTests_Sqlite(SmtpSqliteApp app) : AccountEmailTests<SmtpSqliteApp>(app), IClassFixture<SmtpSqliteApp>;
public sealed class AccountEmailTests_Postgres(SmtpPostgresApp app) : AccountEmailTests<SmtpPostgresApp>(app), IClassFixture<SmtpPostgresApp>;
