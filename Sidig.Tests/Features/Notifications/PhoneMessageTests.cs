using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sidig.Domain.Common;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Notifications;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Outbox;

namespace Sidig.Tests.Features.Notifications;

/// <summary>WhatsApp/SMS texts through the outbox to a real HTTP gateway stand-in: the request, retries, the outbox page.</summary>
public abstract class PhoneGatewayTests<TApp>(TApp app) where TApp : PhoneGatewayApp
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private static string Normalised(string typed) => ContactRules.IndonesianMobile(typed).Value!;

    [Fact]
    public async Task A_queued_text_is_posted_to_the_gateway_as_json_with_the_bearer_token_and_marked_sent()
    {
        app.Services.GetRequiredService<IPhoneMessageTransport>().ShouldBeOfType<HttpGatewayPhoneMessageTransport>();
        var phone = OutboxKit.Mobile();
        var message = OutboxKit.Text(phone, "Garansi unit SN-0001 aktif sampai 2 Des 2027.", Now);
        (await app.EnqueueAsync("demo", message)).ShouldBeTrue();

        await app.RunSenderAsync("demo");

        var request = app.Gateway.To(Normalised(phone)).ShouldHaveSingleItem();
        request.Authorization.ShouldBe("Bearer " + PhoneGatewayApp.Token);
        request.ContentType.ShouldStartWith("application/json");
        request.Body.GetProperty("to").GetString().ShouldBe(Normalised(phone));
        request.Body.GetProperty("channel").GetString().ShouldBe("whatsapp");
        request.Body.GetProperty("text").GetString().ShouldBe("Garansi unit SN-0001 aktif sampai 2 Des 2027.");
        request.Body.GetProperty("reference").GetString().ShouldBe(message.Id.ToString("N"));
        var stored = (await app.FindMessageAsync("demo", message.Id))!;
        stored.Status.ShouldBe(OutboxStatus.Sent);
        stored.Attempts.ShouldBe(1);

        await app.RunSenderAsync("demo"); // a re-run posts nothing again
        app.Gateway.To(Normalised(phone)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_sms_tells_the_gateway_its_channel()
    {
        var phone = OutboxKit.Mobile();
        await app.EnqueueAsync("demo", OutboxKit.Text(phone, now: Now, channel: OutboxChannels.Sms));

        await app.RunSenderAsync("demo");

        app.Gateway.To(Normalised(phone)).ShouldHaveSingleItem().Body.GetProperty("channel").GetString().ShouldBe("sms");
    }

    [Fact]
    public async Task A_500_from_the_gateway_leaves_the_text_pending_with_backoff_and_it_is_sent_with_the_same_reference_once_it_recovers()
    {
        var phone = OutboxKit.Mobile();
        var message = OutboxKit.Text(phone, now: Now);
        await app.EnqueueAsync("demo", message);
        app.Gateway.StatusCode = 500;
        try
        {
            var start = Now;
            await app.RunSenderAsync("demo");

            var failed = (await app.FindMessageAsync("demo", message.Id))!;
            failed.Status.ShouldBe(OutboxStatus.Pending);
            failed.Attempts.ShouldBe(1);
            failed.NextAttemptAt.ShouldBe(start.AddMinutes(1));
            failed.LastError.ShouldNotBeNull().ShouldContain("500");
            failed.LastError.ShouldContain("gateway broken (test)");

            await app.RunSenderAsync("demo"); // not due yet
            app.Gateway.To(Normalised(phone)).Count.ShouldBe(1);
        }
        finally
        {
            app.Gateway.StatusCode = 202;
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunSenderAsync("demo");

        var requests = app.Gateway.To(Normalised(phone));
        requests.Count.ShouldBe(2);
        requests.Select(r => r.Body.GetProperty("reference").GetString()).Distinct().ShouldHaveSingleItem().ShouldBe(message.Id.ToString("N"));
        var sent = (await app.FindMessageAsync("demo", message.Id))!;
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task The_outbox_page_lists_a_text_with_its_channel_number_and_the_start_of_its_text_and_shows_the_whole_text()
    {
        var phone = OutboxKit.Mobile();
        var text = "Yth. Budi, garansi unit SN-0001 telah disetujui. " + new string('x', 100);
        var message = OutboxKit.Text(phone, text, Now);
        await app.EnqueueAsync("demo", message);

        // The admin types the number as people do (0812…); it is stored as +62812….
        var page = await app.AsUser("demo", "admin@demo.test", sp => sp.GetRequiredService<ListOutboxMessagesHandler>()
            .HandleAsync(new ListOutboxMessages(Search: phone)));
        var item = page.Value!.Items.ShouldHaveSingleItem();
        item.Channel.ShouldBe("whatsapp");
        item.To.ShouldBe(Normalised(phone));
        item.Subject.ShouldBe(text[..ListOutboxMessagesHandler.PreviewLength] + "…");

        var detail = await app.AsUser("demo", "admin@demo.test", sp => sp.GetRequiredService<GetOutboxMessageHandler>()
            .HandleAsync(new GetOutboxMessage(message.Id)));
        detail.Value!.Channel.ShouldBe("whatsapp");
        detail.Value.Subject.ShouldBe("");
        detail.Value.Body.ShouldBe(text);
    }
}

public sealed class PhoneGatewayTests_Sqlite(PhoneGatewaySqliteApp app) : PhoneGatewayTests<PhoneGatewaySqliteApp>(app), IClassFixture<PhoneGatewaySqliteApp>;
public sealed class PhoneGatewayTests_Postgres(PhoneGatewayPostgresApp app) : PhoneGatewayTests<PhoneGatewayPostgresApp>(app), IClassFixture<PhoneGatewayPostgresApp>;

/// <summary>The HTTP gateway transport on its own, against the real gateway stand-in: the failures it must call "not sent".</summary>
public sealed class HttpGatewayTransportTests : IAsyncLifetime
{
    private readonly PhoneGatewayListener _gateway = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddHttpClient().BuildServiceProvider();

    private HttpGatewayPhoneMessageTransport Transport(string url, int timeoutSeconds = 10) => new(
        _services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new PhoneMessageOptions { Transport = PhoneMessageTransportKind.HttpGateway, Url = url, Token = "t", TimeoutSeconds = timeoutSeconds }),
        _services.GetRequiredService<ILogger<HttpGatewayPhoneMessageTransport>>());

    private static OutboxMessage Message() => OutboxKit.Text(OutboxKit.Mobile());

    [Fact]
    public async Task A_gateway_that_does_not_answer_in_time_is_not_sent()
    {
        _gateway.Delay = TimeSpan.FromSeconds(5);
        var e = await Should.ThrowAsync<MessageNotSentException>(() => Transport(_gateway.Url, timeoutSeconds: 1).SendAsync(Message()));
        e.Message.ShouldContain("no answer");
    }

    [Fact]
    public async Task A_gateway_that_refuses_the_connection_is_not_sent()
    {
        var closed = new Uri(_gateway.Url);
        await _gateway.DisposeAsync(); // nothing listens on that port any more
        await Should.ThrowAsync<MessageNotSentException>(() => Transport(closed.ToString()).SendAsync(Message()));
    }

    [Fact]
    public async Task A_refusal_of_the_gateway_is_not_sent()
    {
        _gateway.StatusCode = 401;
        (await Should.ThrowAsync<MessageNotSentException>(() => Transport(_gateway.Url).SendAsync(Message()))).Message.ShouldContain("401");
    }

    [Fact]
    public void Gateway_settings_are_checked_at_start_up()
    {
        var v = new PhoneMessageOptionsValidator();
        v.Validate(null, new PhoneMessageOptions()).Succeeded.ShouldBeTrue(); // the default: log only
        v.Validate(null, new PhoneMessageOptions { Transport = PhoneMessageTransportKind.HttpGateway, Url = "https://wa.example.id/send", Token = "t" })
            .Succeeded.ShouldBeTrue();
        v.Validate(null, new PhoneMessageOptions { Transport = PhoneMessageTransportKind.HttpGateway, Url = "https://wa.example.id/send" })
            .Failed.ShouldBeTrue(); // no token
        v.Validate(null, new PhoneMessageOptions { Transport = PhoneMessageTransportKind.HttpGateway, Url = "http://wa.example.id/send", Token = "t" })
            .Failed.ShouldBeTrue(); // the token would cross the network in clear
        v.Validate(null, new PhoneMessageOptions { Transport = PhoneMessageTransportKind.HttpGateway, Url = "/send", Token = "t" })
            .Failed.ShouldBeTrue();
        v.Validate(null, new PhoneMessageOptions { Transport = PhoneMessageTransportKind.HttpGateway, Url = "http://127.0.0.1:8080/send", Token = "t" })
            .Succeeded.ShouldBeTrue(); // a gateway on the same machine
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _services.DisposeAsync();
    }
}

/// <summary>The default without a gateway: texts are written to the log and count as sent.</summary>
public sealed class LoggingPhoneMessageTests(PickupSqliteApp app) : IClassFixture<PickupSqliteApp>
{
    [Fact]
    public async Task Without_a_gateway_the_sender_writes_the_text_to_the_log_and_marks_it_sent()
    {
        app.Services.GetRequiredService<IPhoneMessageTransport>().ShouldBeOfType<LoggingPhoneMessageTransport>();
        var phone = OutboxKit.Mobile();
        var message = OutboxKit.Text(phone, "Tiket servis SRV-0001 sudah selesai.", DateTimeOffset.UtcNow.AddMinutes(-1));
        await app.EnqueueAsync("demo", message);
        var log = new CapturingLogger<LoggingPhoneMessageTransport>();

        await app.RunSenderAsync("demo", phoneTransport: new LoggingPhoneMessageTransport(log));

        var line = log.Lines.ShouldHaveSingleItem();
        line.ShouldContain(ContactRules.IndonesianMobile(phone).Value!);
        line.ShouldContain("Tiket servis SRV-0001 sudah selesai.");
        line.ShouldContain("whatsapp");
        (await app.FindMessageAsync("demo", message.Id))!.Status.ShouldBe(OutboxStatus.Sent);
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
