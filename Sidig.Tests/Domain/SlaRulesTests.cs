using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Units;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Domain;

/// <summary>SLA clocks in business time (Mon–Fri 08:00–17:00, UTC here) and the ticket workflow, with a hand-set clock.</summary>
public sealed class SlaRulesTests
{
    private static readonly BusinessCalendar Calendar = ServiceTesting.Calendar;
    // Friday 4 December 2026, 16:00
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 12, 4, 16, 0, 0, TimeSpan.Zero);

    private static Ticket NewTicket(DateTimeOffset at, TicketType type = TicketType.Repair, int firstMinutes = 120, int resolutionMinutes = 9 * 60) =>
        Ticket.Open("TK-2026-000009", new TicketInput(type, TicketPriority.High, Guid.NewGuid(), "Tidak dingin.", "Budi", "0812 3456 7890", null),
            TicketSource.Staff, null, "cs", at, new SlaTargets(firstMinutes, resolutionMinutes), Calendar);

    [Fact]
    public void Business_time_skips_the_night_and_the_weekend() =>
        Calendar.Add(FridayAfternoon, 120).ShouldBe(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)); // 1 h Friday + 1 h Monday

    [Fact]
    public void A_holiday_does_not_count()
    {
        var settings = ServiceSettings.CreateDefault();
        settings.Update(settings.WorkDays, settings.OpensAt, settings.ClosesAt, "2026-12-07", 80);
        new BusinessCalendar(settings, TimeZoneInfo.Utc).Add(FridayAfternoon, 120).ShouldBe(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Business_minutes_between_two_instants_count_only_open_hours() =>
        Calendar.MinutesBetween(FridayAfternoon, new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero)).ShouldBe(60 + 90);

    [Fact]
    public void Settings_refuse_a_day_without_hours_and_a_malformed_holiday()
    {
        var s = ServiceSettings.CreateDefault();
        Should.Throw<DomainException>(() => s.Update(s.WorkDays, new TimeOnly(17, 0), new TimeOnly(8, 0), null, 80)).Code.ShouldBe("Service.HoursInvalid");
        Should.Throw<DomainException>(() => s.Update(0, s.OpensAt, s.ClosesAt, null, 80)).Code.ShouldBe("Service.WorkDaysRequired");
        Should.Throw<DomainException>(() => s.Update(s.WorkDays, s.OpensAt, s.ClosesAt, "25/12/2026", 80)).Code.ShouldBe("Service.HolidayInvalid");
    }

    [Fact]
    public void A_new_ticket_runs_the_first_response_clock_then_the_resolution_clock()
    {
        var ticket = NewTicket(FridayAfternoon);
        ticket.FirstResponseDueAt.ShouldBe(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        ticket.Sla(FridayAfternoon.AddMinutes(10), Calendar, 80).ShouldBe(new SlaView(SlaState.OnTrack, true, ticket.FirstResponseDueAt, 110));
        ticket.Sla(new DateTimeOffset(2026, 12, 7, 8, 40, 0, TimeSpan.Zero), Calendar, 80).State.ShouldBe(SlaState.Near); // 20 of 120 minutes left
        ticket.Sla(new DateTimeOffset(2026, 12, 7, 9, 1, 0, TimeSpan.Zero), Calendar, 80).State.ShouldBe(SlaState.Breached);

        ticket.MoveTo(TicketStatus.InProgress, null, new DateTimeOffset(2026, 12, 7, 8, 30, 0, TimeSpan.Zero), Calendar);
        var sla = ticket.Sla(new DateTimeOffset(2026, 12, 7, 9, 1, 0, TimeSpan.Zero), Calendar, 80);
        (sla.State, sla.FirstResponse).ShouldBe((SlaState.OnTrack, false));
    }

    [Fact]
    public void Waiting_on_the_customer_stops_the_resolution_clock_and_adds_the_wait_to_its_due_date()
    {
        var ticket = NewTicket(FridayAfternoon);
        var due = ticket.ResolutionDueAt!.Value; // 9 business hours from Friday 16:00 = Monday 16:00
        due.ShouldBe(new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero));
        ticket.MoveTo(TicketStatus.WaitingOnCustomer, null, new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), Calendar);
        ticket.Sla(new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero), Calendar, 80).State.ShouldBe(SlaState.Paused);

        ticket.Write(TicketMessageKind.Customer, "Ini fotonya.", null, "Budi", new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.Zero), Calendar);

        ticket.Status.ShouldBe(TicketStatus.InProgress);
        ticket.ResolutionDueAt.ShouldBe(due.AddHours(1).AddHours(15).AddHours(1)); // 2 business hours waited: Monday 16:00 → Tuesday 09:00
    }

    [Fact]
    public void Only_the_workflows_steps_are_allowed_and_resolving_needs_a_resolution()
    {
        var ticket = NewTicket(FridayAfternoon);
        Should.Throw<DomainException>(() => ticket.MoveTo(TicketStatus.Closed, null, FridayAfternoon, Calendar)).Code.ShouldBe("Ticket.TransitionInvalid");
        Should.Throw<DomainException>(() => ticket.MoveTo(TicketStatus.Resolved, " ", FridayAfternoon, Calendar)).Code.ShouldBe("Ticket.ResolutionRequired");
        ticket.MoveTo(TicketStatus.Resolved, "Freon diisi ulang.", FridayAfternoon, Calendar);
        ticket.MoveTo(TicketStatus.Closed, null, FridayAfternoon, Calendar);
        Should.Throw<DomainException>(() => ticket.Write(TicketMessageKind.Reply, "Halo", null, "cs", FridayAfternoon, Calendar)).Code.ShouldBe("Ticket.Finished");
    }

    [Fact]
    public void A_claim_is_approved_only_on_an_active_warranty_and_the_route_chosen_is_the_only_one_allowed()
    {
        var expired = NewTicket(FridayAfternoon, TicketType.WarrantyClaim);
        Should.Throw<DomainException>(() => expired.DecideClaim(true, ClaimOutcome.Repair, null,
            new WarrantyView(WarrantyState.Expired, new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1), null), FridayAfternoon)).Code.ShouldBe("Ticket.ClaimNotCovered");

        var claim = NewTicket(FridayAfternoon, TicketType.WarrantyClaim);
        claim.DecideClaim(true, ClaimOutcome.Repair, null, new WarrantyView(WarrantyState.Active, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), null), FridayAfternoon);
        (claim.Status, claim.FirstRespondedAt).ShouldBe((TicketStatus.InProgress, FridayAfternoon));
        Should.Throw<DomainException>(() => claim.MustAllow(ClaimOutcome.Replacement)).Code.ShouldBe("Ticket.ClaimOtherOutcome");
        claim.UseParts(Guid.NewGuid(), 1, Guid.NewGuid(), "tech", FridayAfternoon).Quantity.ShouldBe(1);
    }

    [Fact]
    public void Attachments_are_images_or_pdf_by_their_bytes_whatever_their_name()
    {
        var ticket = NewTicket(FridayAfternoon);
        ticket.Attach(null, "%PDF-1.7"u8.ToArray(), "../../etc/nota.pdf", false).FileName.ShouldBe("nota.pdf");
        Should.Throw<DomainException>(() => ticket.Attach(null, TestImages.Zip, "foto.jpg", true)).Code.ShouldBe("Ticket.AttachmentType");
        Should.Throw<DomainException>(() => ticket.Attach(null, new byte[TicketAttachment.MaxBytes + 1], "besar.pdf", true)).Code.ShouldBe("Ticket.AttachmentTooLarge");
    }
}
