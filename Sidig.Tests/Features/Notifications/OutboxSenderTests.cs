using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Outbox;

namespace Sidig.Tests.Features.Notifications;

/// <summary>The outbox and its sender against a real SMTP listener: delivery, dedup, retries, crashes, isolation.</summary>
public abstract class OutboxSenderTests<TApp>(TApp app) where TApp : SmtpApp
{
    private const string Admin = "admin@demo.test";

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private Task<T> AsAdmin<T>(string tenant, Func<IServiceProvider, Task<T>> work) =>
        app.AsUser(tenant, tenant == "demo" ? Admin : "admin@other.test", work);

    [Fact]
    public async Task A_queued_email_arrives_over_smtp_with_its_recipient_subject_body_and_a_stable_message_id_and_is_marked_sent()
    {
        var to = OutboxKit.Address();
        var message = OutboxKit.Mail(to, "Faktur INV/2026/11/00001", Now);
        (await app.EnqueueAsync("demo", message)).ShouldBeTrue();

        await app.RunSenderAsync("demo");

        var mail = app.Smtp.To(to).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Faktur INV/2026/11/00001");
        mail.TextBody.ShouldContain("Isi pesan uji.");
        mail.MessageId.ShouldBe(EmailMessages.MessageId(message.Id));
        mail.From.Mailboxes.Single().Address.ShouldBe("tagihan@sidig.test");
        var stored = (await app.FindMessageAsync("demo", message.Id))!;
        stored.Status.ShouldBe(OutboxStatus.Sent);
        stored.SentAt.ShouldBe(Now);
        stored.Attempts.ShouldBe(1);

        await app.RunSenderAsync("demo"); // a re-run finds nothing to send
        app.Smtp.To(to).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_dedup_key_is_queued_once_and_a_race_on_the_key_does_not_lose_the_callers_other_changes()
    {
        var key = "test:dup:" + Guid.NewGuid().ToString("N");
        var first = OutboxMessage.Email("Test", key, OutboxKit.Address(), "Satu", "", null, Now);
        (await app.EnqueueAsync("demo", first)).ShouldBeTrue();
        (await app.EnqueueAsync("demo", OutboxMessage.Email("Test", key, OutboxKit.Address(), "Dua", "", null, Now))).ShouldBeFalse();

        // Someone else queues the key between our check and our save: the save still writes the other change.
        var raceKey = "test:race:" + Guid.NewGuid().ToString("N");
        var otherKey = "test:other:" + Guid.NewGuid().ToString("N");
        await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var outbox = sp.GetRequiredService<Outbox>();
            (await outbox.EnqueueAsync(db, OutboxMessage.Email("Test", raceKey, OutboxKit.Address(), "Kita", "", null, Now))).ShouldBeTrue();
            (await outbox.EnqueueAsync(db, OutboxMessage.Email("Test", otherKey, OutboxKit.Address(), "Lain", "", null, Now))).ShouldBeTrue();
            (await app.EnqueueAsync("demo", OutboxMessage.Email("Test", raceKey, OutboxKit.Address(), "Mereka", "", null, Now))).ShouldBeTrue();
            await outbox.SaveChangesAsync(db);
        });

        (await app.MessagesAsync("demo", q => q.Where(m => m.DedupKey == key))).ShouldHaveSingleItem().Subject.ShouldBe("Satu");
        (await app.MessagesAsync("demo", q => q.Where(m => m.DedupKey == raceKey))).ShouldHaveSingleItem().Subject.ShouldBe("Mereka");
        (await app.MessagesAsync("demo", q => q.Where(m => m.DedupKey == otherKey))).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task With_the_smtp_server_down_the_message_is_retried_with_backoff_and_sent_once_when_it_is_back()
    {
        var to = OutboxKit.Address();
        var message = OutboxKit.Mail(to, now: Now);
        await app.EnqueueAsync("demo", message);
        app.Smtp.Stop();
        try
        {
            var start = Now;
            await app.RunSenderAsync("demo");
            var afterFirst = (await app.FindMessageAsync("demo", message.Id))!;
            afterFirst.Status.ShouldBe(OutboxStatus.Pending);
            afterFirst.Attempts.ShouldBe(1);
            afterFirst.LastError.ShouldNotBeNullOrEmpty();
            afterFirst.NextAttemptAt.ShouldBe(start.AddMinutes(1));

            await app.RunSenderAsync("demo"); // not due yet: no attempt
            (await app.FindMessageAsync("demo", message.Id))!.Attempts.ShouldBe(1);

            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.RunSenderAsync("demo");
            var afterSecond = (await app.FindMessageAsync("demo", message.Id))!;
            afterSecond.Attempts.ShouldBe(2);
            afterSecond.NextAttemptAt.ShouldBe(Now.AddMinutes(2));
        }
        finally
        {
            app.Smtp.Start();
        }
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunSenderAsync("demo");

        app.Smtp.To(to).Count.ShouldBe(1);
        var sent = (await app.FindMessageAsync("demo", message.Id))!;
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(3);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_crash_between_send_and_mark_never_sends_twice_and_is_shown_as_uncertain_until_an_admin_retries()
    {
        var to = OutboxKit.Address();
        var message = OutboxKit.Mail(to, now: Now);
        await app.EnqueueAsync("demo", message);
        var smtp = app.Services.GetRequiredService<SmtpEmailTransport>();

        await app.RunSenderAsync("demo", new CrashAfterSendTransport(smtp));
        app.Smtp.To(to).Count.ShouldBe(1); // it went out
        (await app.FindMessageAsync("demo", message.Id))!.Status.ShouldBe(OutboxStatus.Sending);

        await app.RunSenderAsync("demo");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.RunSenderAsync("demo");
        app.Smtp.To(to).Count.ShouldBe(1, "a message whose outcome is unknown is never re-sent by itself");

        var page = await AsAdmin("demo", sp => sp.GetRequiredService<ListOutboxMessagesHandler>()
            .HandleAsync(new ListOutboxMessages(Status: OutboxView.Uncertain, Search: to)));
        page.Value!.Items.ShouldHaveSingleItem().Status.ShouldBe(OutboxView.Uncertain);
        page.Value.UncertainCount.ShouldBeGreaterThanOrEqualTo(1);

        var retried = await AsAdmin("demo", sp => sp.GetRequiredService<RetryOutboxMessageHandler>().HandleAsync(new RetryOutboxMessage(message.Id)));
        retried.Succeeded.ShouldBeTrue();
        await app.RunSenderAsync("demo");
        var again = app.Smtp.To(to);
        again.Count.ShouldBe(2);
        again.Select(m => m.MessageId).Distinct().ShouldHaveSingleItem(); // the same Message-Id, so the receiver can tell
        (await app.FindMessageAsync("demo", message.Id))!.Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public async Task A_sender_killed_after_its_claim_leaves_the_message_claimed_and_a_rerun_does_not_send_it()
    {
        var to = OutboxKit.Address();
        var message = OutboxKit.Mail(to, now: Now);
        await app.EnqueueAsync("demo", message);
        // The claim is committed, then the process dies (nothing after the claim happens).
        await app.InTenant("demo", async sp =>
        {
            var db = sp.GetRequiredService<SidigDbContext>();
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            row.Claim(Now);
            await db.SaveChangesAsync();
        });

        await app.RunSenderAsync("demo");
        app.Smtp.To(to).ShouldBeEmpty();
        var detail = await AsAdmin("demo", sp => sp.GetRequiredService<GetOutboxMessageHandler>().HandleAsync(new GetOutboxMessage(message.Id)));
        detail.Value!.Status.ShouldBe(OutboxView.Sending); // just claimed: not yet uncertain
        detail.Value.CanRetry.ShouldBeFalse();
        (await AsAdmin("demo", sp => sp.GetRequiredService<RetryOutboxMessageHandler>().HandleAsync(new RetryOutboxMessage(message.Id))))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Outbox.NotFailed");

        app.Clock.Advance(OutboxMessage.ClaimTimeout + TimeSpan.FromMinutes(1));
        await app.RunSenderAsync("demo");
        app.Smtp.To(to).ShouldBeEmpty();
        (await AsAdmin("demo", sp => sp.GetRequiredService<GetOutboxMessageHandler>().HandleAsync(new GetOutboxMessage(message.Id))))
            .Value!.Status.ShouldBe(OutboxView.Uncertain);
    }

    [Fact]
    public async Task A_message_refused_every_time_fails_for_good_after_the_last_attempt_and_an_admin_can_retry_it()
    {
        var to = OutboxKit.Address();
        var message = OutboxKit.Mail(to, now: Now);
        await app.EnqueueAsync("demo", message);
        var refusing = new RefusingTransport();
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await app.RunSenderAsync("demo", refusing);
            app.Clock.Advance(TimeSpan.FromMinutes(Math.Pow(2, i)));
        }
        var failed = (await app.FindMessageAsync("demo", message.Id))!;
        failed.Status.ShouldBe(OutboxStatus.Failed);
        failed.Attempts.ShouldBe(OutboxMessage.MaxAttempts);
        (await AsAdmin("demo", sp => sp.GetRequiredService<ListOutboxMessagesHandler>()
            .HandleAsync(new ListOutboxMessages(Status: OutboxView.Failed, Search: to)))).Value!.Items.ShouldHaveSingleItem();

        (await AsAdmin("demo", sp => sp.GetRequiredService<RetryOutboxMessageHandler>().HandleAsync(new RetryOutboxMessage(message.Id))))
            .Succeeded.ShouldBeTrue();
        await app.RunSenderAsync("demo");
        app.Smtp.To(to).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_job_and_the_outbox_page_of_one_tenant_never_see_or_send_another_tenants_messages()
    {
        var toOther = OutboxKit.Address("other");
        var otherMessage = OutboxKit.Mail(toOther, now: Now);
        await app.EnqueueAsync("other", otherMessage);

        await app.RunSenderAsync("demo");
        app.Smtp.To(toOther).ShouldBeEmpty();
        (await app.FindMessageAsync("other", otherMessage.Id))!.Status.ShouldBe(OutboxStatus.Pending);
        (await app.FindMessageAsync("demo", otherMessage.Id)).ShouldBeNull();

        var list = await AsAdmin("demo", sp => sp.GetRequiredService<ListOutboxMessagesHandler>().HandleAsync(new ListOutboxMessages(Search: toOther)));
        list.Value!.Items.ShouldBeEmpty();
        (await AsAdmin("demo", sp => sp.GetRequiredService<GetOutboxMessageHandler>().HandleAsync(new GetOutboxMessage(otherMessage.Id))))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Outbox.NotFound");
        (await AsAdmin("demo", sp => sp.GetRequiredService<RetryOutboxMessageHandler>().HandleAsync(new RetryOutboxMessage(otherMessage.Id))))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("Outbox.NotFound");

        await app.RunSenderAsync("other");
        app.Smtp.To(toOther).ShouldHaveSingleItem();
        (await AsAdmin("other", sp => sp.GetRequiredService<ListOutboxMessagesHandler>().HandleAsync(new ListOutboxMessages(Search: toOther))))
            .Value!.Items.ShouldHaveSingleItem().Status.ShouldBe(OutboxView.Sent);
    }

    [Fact]
    public async Task The_outbox_list_filters_by_status_kind_recipient_and_day_and_only_admins_may_read_it()
    {
        var to = OutboxKit.Address("filter");
        await app.EnqueueAsync("demo", OutboxKit.Mail(to, "Filter satu", Now, kind: "PaymentReminder"));
        await app.EnqueueAsync("demo", OutboxKit.Mail(to, "Filter dua", Now, kind: "Invitation"));
        var list = (ListOutboxMessages q) => AsAdmin("demo", sp => sp.GetRequiredService<ListOutboxMessagesHandler>().HandleAsync(q));

        (await list(new ListOutboxMessages(Search: to))).Value!.TotalCount.ShouldBe(2);
        (await list(new ListOutboxMessages(Search: to, Kind: "Invitation"))).Value!.Items.ShouldHaveSingleItem().Subject.ShouldBe("Filter dua");
        (await list(new ListOutboxMessages(Search: "FILTER SATU"))).Value!.Items.ShouldHaveSingleItem().To.ShouldBe(to);
        (await list(new ListOutboxMessages(Search: to, Status: OutboxView.Sent))).Value!.Items.ShouldBeEmpty();
        var today = DateOnly.FromDateTime(Now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        (await list(new ListOutboxMessages(Search: to, From: today, To: today))).Value!.TotalCount.ShouldBe(2);
        (await list(new ListOutboxMessages(Search: to, From: today.AddDays(1)))).Value!.TotalCount.ShouldBe(0);
        (await list(new ListOutboxMessages(From: today, To: today.AddDays(-1)))).Errors.ShouldHaveSingleItem().Code.ShouldBe("Outbox.RangeInvalid");
        (await list(new ListOutboxMessages(Search: to, PageSize: 1))).Value!.Items.Count.ShouldBe(1);

        var asSales = await app.Handle<ListOutboxMessagesHandler, Sidig.Domain.Common.Result<OutboxMessagePage>>("demo", "sales@demo.test",
            h => h.HandleAsync(new ListOutboxMessages()));
        asSales.Errors.ShouldHaveSingleItem().Code.ShouldBe("Access.Denied");
    }

    private sealed class RefusingTransport : IEmailTransport
    {
        public Task SendAsync(OutboxMessage message, CancellationToken ct = default) =>
            throw new EmailNotSentException("550 mailbox unavailable (simulated)");
    }
}

public sealed class OutboxSenderTests_Sqlite(SmtpSqliteApp app) : OutboxSenderTests<SmtpSqliteApp>(app), IClassFixture<SmtpSqliteApp>;
public sealed class OutboxSenderTests_Postgres(SmtpPostgresApp app) : OutboxSenderTests<SmtpPostgresApp>(app), IClassFixture<SmtpPostgresApp>;
