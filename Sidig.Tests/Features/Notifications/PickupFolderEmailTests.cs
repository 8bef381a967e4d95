using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Sidig.Domain.Notifications;
using Sidig.Infrastructure.Notifications;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Notifications;

/// <summary>The embedded default without SMTP: the sender writes each message as an .eml file to the pickup folder.</summary>
public sealed class PickupFolderEmailTests(PickupSqliteApp app) : IClassFixture<PickupSqliteApp>
{
    [Fact]
    public async Task Without_an_smtp_host_the_sender_writes_the_message_as_an_eml_file_and_marks_it_sent()
    {
        app.Services.GetRequiredService<IEmailTransport>().ShouldBeOfType<PickupFolderEmailTransport>();
        var to = OutboxKit.Address();
        var message = OutboxMessage.Email("Test", "test:" + Guid.NewGuid().ToString("N"), to, "Faktur jatuh tempo", "Sisa tagihan: Rp 1.500.000",
            null, DateTimeOffset.UtcNow.AddMinutes(-1));
        await app.EnqueueAsync("demo", message);

        await app.RunSenderAsync("demo");

        var file = Path.Combine(app.PickupDirectory, $"{message.Id:N}.eml");
        File.Exists(file).ShouldBeTrue();
        Directory.GetFiles(app.PickupDirectory, "*.tmp").ShouldBeEmpty();
        var mail = await MimeMessage.LoadAsync(file);
        mail.To.Mailboxes.Single().Address.ShouldBe(to);
        mail.Subject.ShouldBe("Faktur jatuh tempo");
        mail.TextBody.ShouldContain("Rp 1.500.000");
        mail.MessageId.ShouldBe(EmailMessages.MessageId(message.Id));
        (await app.FindMessageAsync("demo", message.Id))!.Status.ShouldBe(OutboxStatus.Sent);
    }

    [Fact]
    public void Smtp_settings_are_checked_at_start_up()
    {
        var validator = new SmtpOptionsValidator();
        validator.Validate(null, new SmtpOptions()).Succeeded.ShouldBeTrue(); // the embedded default: pickup folder
        validator.Validate(null, new SmtpOptions { Host = "smtp.example.com", Port = 0 }).Failed.ShouldBeTrue();
        validator.Validate(null, new SmtpOptions { Host = "smtp.example.com", User = "u" }).Failed.ShouldBeTrue(); // user without password
        validator.Validate(null, new SmtpOptions { FromAddress = "not an address" }).Failed.ShouldBeTrue();
        validator.Validate(null, new SmtpOptions { Host = "smtp.example.com", Port = 465, UseTls = SmtpSecurity.SslOnConnect, User = "u", Password = "p" })
            .Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unwritable_pickup_folder_is_a_retryable_failure()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"sidig-blocker-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be");
        try
        {
            var transport = new PickupFolderEmailTransport(Options.Create(new SmtpOptions { PickupDirectory = Path.Combine(blocker, "sub") }));
            var message = OutboxMessage.Email("Test", "k", "a@b.test", "s", "b", null, DateTimeOffset.UtcNow);
            await Should.ThrowAsync<EmailNotSentException>(() => transport.SendAsync(message));
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
