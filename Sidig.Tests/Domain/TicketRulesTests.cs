using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Warranty;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Domain;

public sealed class TicketRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
    private static ServiceRequestInput Valid => new(TicketType.Repair, "Mesin cuci berisik saat memeras.", "Budi", "0812 3456 7890", null, true);

    private static Ticket NewTicket() => Ticket.Request("TK-2026-000001", Guid.NewGuid(), Valid, [], Guid.NewGuid(), Now);

    [Fact]
    public void An_empty_request_names_every_missing_field()
    {
        Ticket.Check(new ServiceRequestInput(null, null, null, null, null, false), []).Select(e => e.Field)
            .ShouldBe(["Type", "Description", "Name", "Phone", "Consent"], ignoreOrder: true);
    }

    [Fact]
    public void Staff_only_types_cannot_be_asked_for_on_the_public_form() =>
        Ticket.Check(Valid with { Type = TicketType.Demo }, []).Single().Code.ShouldBe("Ticket.TypeRequired");

    [Fact]
    public void Photos_are_limited_in_number_and_checked_like_receipts()
    {
        var photo = new ReceiptPhoto(TestImages.PngOfSize(2000), 640, 480);
        Ticket.Check(Valid, [photo, photo, photo, photo]).Single().Code.ShouldBe("Ticket.TooManyPhotos");
        Ticket.Check(Valid, [new ReceiptPhoto(TestImages.Zip, 640, 480)]).Single().Code.ShouldBe("Ticket.PhotoType");
        Ticket.Check(Valid, [photo]).ShouldBeEmpty();
    }

    [Fact]
    public void The_phone_matches_however_it_is_typed_and_another_does_not()
    {
        var ticket = NewTicket();
        ticket.IsPhoneOf("+62 812-3456-7890").ShouldBeTrue();
        ticket.IsPhoneOf("0812 3456 7891").ShouldBeFalse();
        ticket.IsPhoneOf(null).ShouldBeFalse();
    }

    [Fact]
    public void A_ticket_is_rated_only_when_resolved_only_once_and_from_one_to_five()
    {
        var ticket = NewTicket();
        Should.Throw<DomainException>(() => ticket.Rate(5, null, Now)).Code.ShouldBe("Ticket.NotResolved");
        ticket.MoveTo(TicketStatus.Resolved, "Diperbaiki", Now, ServiceTesting.Calendar);
        Should.Throw<DomainException>(() => ticket.Rate(6, null, Now)).Code.ShouldBe("Ticket.RatingRange");
        ticket.Rate(5, "Cepat dan ramah", Now);
        Should.Throw<DomainException>(() => ticket.Rate(1, null, Now)).Code.ShouldBe("Ticket.AlreadyRated");
        ticket.Rating.ShouldBe(5);
    }
}
