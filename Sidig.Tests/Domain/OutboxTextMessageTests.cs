using Sidig.Domain.Common;
using Sidig.Domain.Notifications;

namespace Sidig.Tests.Domain;

public sealed class OutboxTextMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_text_message_goes_to_the_normalised_mobile_number_by_whatsapp_without_a_subject_and_is_due_now()
    {
        var m = OutboxMessage.TextMessage("WarrantyApproved", "warranty:1:approved", "0812-3456-7890", "  Garansi Anda aktif.  ", Now);

        m.Channel.ShouldBe(OutboxChannels.WhatsApp);
        m.To.ShouldBe("+6281234567890");
        m.Subject.ShouldBe("");
        m.Body.ShouldBe("Garansi Anda aktif.");
        m.HtmlBody.ShouldBeNull();
        m.Status.ShouldBe(OutboxStatus.Pending);
        m.NextAttemptAt.ShouldBe(Now);
    }

    [Fact]
    public void A_text_message_can_go_by_sms() =>
        OutboxMessage.TextMessage("Test", "k", "+62 857 1234 5678", "Halo", Now, OutboxChannels.Sms).Channel.ShouldBe("sms");

    [Theory]
    [InlineData("021 555 1234", "Validation.MobileInvalid")] // a landline reaches neither WhatsApp nor SMS
    [InlineData("+1 415 555 0100", "Validation.MobileInvalid")]
    [InlineData("", "Validation.MobileRequired")]
    public void A_text_message_needs_an_indonesian_mobile_number(string phone, string code) =>
        Should.Throw<DomainException>(() => OutboxMessage.TextMessage("Test", "k", phone, "Halo", Now)).Code.ShouldBe(code);

    [Fact]
    public void A_text_message_needs_a_text_of_at_most_1000_characters()
    {
        Should.Throw<DomainException>(() => OutboxMessage.TextMessage("Test", "k", "081234567890", "  ", Now)).Code.ShouldBe("Outbox.TextRequired");
        Should.Throw<DomainException>(() => OutboxMessage.TextMessage("Test", "k", "081234567890", new string('a', 1001), Now))
            .Code.ShouldBe("Validation.TooLong");
        OutboxMessage.TextMessage("Test", "k", "081234567890", new string('a', 1000), Now).Body.Length.ShouldBe(1000);
    }

    [Fact]
    public void E_mail_is_not_a_text_channel() =>
        Should.Throw<DomainException>(() => OutboxMessage.TextMessage("Test", "k", "081234567890", "Halo", Now, OutboxChannels.Email))
            .Code.ShouldBe("Outbox.ChannelInvalid");

    [Fact]
    public void Kind_and_dedup_key_are_required_as_for_e_mail()
    {
        Should.Throw<DomainException>(() => OutboxMessage.TextMessage("", "k", "081234567890", "Halo", Now)).Code.ShouldBe("Outbox.KindRequired");
        Should.Throw<DomainException>(() => OutboxMessage.TextMessage("Test", " ", "081234567890", "Halo", Now)).Code.ShouldBe("Outbox.KeyRequired");
    }
}
