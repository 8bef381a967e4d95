using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Service;
using Sidig.Web.Features.Warranty;

namespace Sidig.Tests.Features.Service;

/// <summary>The staff service desk through its handlers on the real database: scope, workflow, claims, parts, SLA escalation.</summary>
public abstract class ServiceDeskTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Cs = "cs@demo.test", Technician = "technician@demo.test", ServiceCentre = "servis@demo.test", Base = "http://demo.localhost/";
    private readonly WarrantyBuilders _warranty = new(app);
    private readonly Builders _make = new(app);

    private Task<Result<string>> Open(string user, TicketType type, string? serial, TicketPriority priority = TicketPriority.Normal) =>
        app.Handle<OpenTicketHandler, Result<string>>("demo", user, h => h.HandleAsync(new OpenTicket(type, priority, serial,
            "Mesin tidak menyala setelah listrik padam.", "Sri Wahyuni", "0813 2222 3333", null)));

    private Task<Result> Work(string user, Func<WorkTicketHandler, Task<Result>> call) => app.Handle("demo", user, call);

    private Task<Ticket> Ticket(string number) => _make.Query(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number));

    private Task<List<string>> Visible(string user, string tenant = "demo") =>
        app.Handle<ListTicketsHandler, List<string>>(tenant, user, async h =>
            (await h.HandleAsync(new ListTickets(OpenOnly: false, PageSize: 100))).Value!.Items.Select(i => i.Number).ToList());

    /// <summary>A unit sold to a customer, its warranty registered <paramref name="registeredDaysAgo"/> days ago, and a spare unit in stock.</summary>
    private async Task<(Unit Sold, Unit Spare)> SoldUnitWithSpare(int registeredDaysAgo = 30)
    {
        var units = await _warranty.Units(2);
        var warehouseId = units[0].WarehouseId!.Value;
        (await _make.Post(Builders.Unique("SLO"), new StockLine(warehouseId, units[0].ProductId, MovementType.SellOut, -1))).Succeeded.ShouldBeTrue();
        var registered = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-registeredDaysAgo);
        await _make.Query(db => db.Units.Where(u => u.Id == units[0].Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.Status, UnitStatus.Sold).SetProperty(u => u.WarehouseId, (Guid?)null).SetProperty(u => u.RegisteredOn, registered)));
        return (units[0], units[1]);
    }

    [Fact]
    public async Task Customer_service_sees_every_ticket_a_technician_only_those_assigned_to_them()
    {
        var unit = (await _warranty.Units()).Single();
        var number = (await Open(Cs, TicketType.Repair, unit.Serial)).Value!;

        (await Visible(Cs)).ShouldContain(number);
        (await Visible(Technician)).ShouldNotContain(number);
        (await app.Handle<GetTicketHandler, Result<TicketDetails>>("demo", Technician, h => h.HandleAsync(new GetTicket(number)))).Errors[0].Code.ShouldBe("Ticket.NotFound");
        (await Work(Technician, h => h.HandleAsync(new WriteTicketMessage(number, TicketMessageKind.Note, "Saya ambil.", [], Base)))).Errors[0].Code.ShouldBe("Ticket.NotFound");

        var tech = (await app.Handle<WorkTicketHandler, Result<IReadOnlyList<AssigneeOption>>>("demo", Cs, h => h.HandleAsync(new ListAssignees()))).Value!
            .Single(o => o.Kind == Sidig.Domain.Access.Roles.Technician);
        (await Work(Cs, h => h.HandleAsync(new AssignTicket(number, tech.UserId, null)))).Succeeded.ShouldBeTrue();

        (await Visible(Technician)).ShouldContain(number);
        (await app.Handle<ListTicketsHandler, Result<TicketList>>("demo", Technician, h => h.HandleAsync(new ListTickets(Mine: true, PageSize: 100)))).Value!
            .Items.Select(i => i.Number).ShouldContain(number);
    }

    [Fact]
    public async Task A_service_centre_sees_and_works_only_the_tickets_assigned_to_its_partner()
    {
        var unit = (await _warranty.Units()).Single();
        var mine = (await Open(Cs, TicketType.Repair, unit.Serial)).Value!;
        var other = (await Open(Cs, TicketType.Complaint, null)).Value!;
        var centre = (await app.Handle<WorkTicketHandler, Result<IReadOnlyList<AssigneeOption>>>("demo", Cs, h => h.HandleAsync(new ListAssignees()))).Value!
            .Single(o => o.PartnerId is not null && o.Name == "PT Servis Prima Jakarta");
        (await Work(Cs, h => h.HandleAsync(new AssignTicket(mine, null, centre.PartnerId)))).Succeeded.ShouldBeTrue();

        var seen = await Visible(ServiceCentre);
        seen.ShouldContain(mine);
        seen.ShouldNotContain(other);
        (await Work(ServiceCentre, h => h.HandleAsync(new ChangeTicketStatus(other, TicketStatus.InProgress, null, Base)))).Errors[0].Code.ShouldBe("Ticket.NotFound");
        (await Work(ServiceCentre, h => h.HandleAsync(new ChangeTicketStatus(mine, TicketStatus.InProgress, null, Base)))).Succeeded.ShouldBeTrue();
        // Closing and assigning stay with customer service.
        (await Work(ServiceCentre, h => h.HandleAsync(new AssignTicket(mine, null, centre.PartnerId)))).Errors[0].Code.ShouldBe("Access.Denied");
        (await Ticket(mine)).Status.ShouldBe(TicketStatus.InProgress);
    }

    [Fact]
    public async Task An_attachment_downloads_only_for_those_who_may_see_its_ticket()
    {
        var number = (await Open(Cs, TicketType.Complaint, null)).Value!;
        (await Work(Cs, h => h.HandleAsync(new WriteTicketMessage(number, TicketMessageKind.Note, "Nota pembelian.",
            [new UploadedFile("nota.pdf", "%PDF-1.4 nota"u8.ToArray())], Base)))).Succeeded.ShouldBeTrue();
        var ticket = await Ticket(number);
        var url = TicketAttachmentEndpoints.Url(ticket.Id, await _make.Query(db => db.TicketAttachments.Where(a => a.TicketId == ticket.Id).Select(a => a.Id).SingleAsync()));

        using var cs = await app.Client("demo").SignedInAs(Cs);
        var ok = await cs.Http.GetAsync(url);
        ok.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldStartWith("%PDF-");
        using var technician = await app.Client("demo").SignedInAs(Technician);
        (await technician.Http.GetAsync(url)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        using var other = await app.Client("other").SignedInAs("cs@other.test");
        (await other.Http.GetAsync(url)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_distributor_opens_tickets_for_units_it_holds_only_and_follows_them()
    {
        var units = await _warranty.Units(2);
        var jakarta = await _make.Query(db => db.Partners.Where(p => p.Code == Sidig.Infrastructure.Seeding.DemoBusinessSeed.DistributorJakarta).Select(p => p.Id).SingleAsync());
        await _make.Query(db => db.Units.Where(u => u.Id == units[0].Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.OwnerPartnerId, jakarta)));

        (await Open("distributor@demo.test", TicketType.Repair, units[1].Serial)).Errors[0].Code.ShouldBe("Ticket.UnitUnknown");
        var number = (await Open("distributor@demo.test", TicketType.Repair, units[0].Serial)).Value!;

        var ticket = await Ticket(number);
        (ticket.Source, ticket.ReporterPartnerId).ShouldBe((TicketSource.Partner, jakarta));
        (await Visible("distributor@demo.test")).ShouldContain(number);
        (await Visible("distributor.sby@demo.test")).ShouldNotContain(number);
    }

    [Fact]
    public async Task Sla_settings_are_the_admins_per_tenant_and_bad_ones_are_refused_without_a_change()
    {
        var settings = (Func<string, string, Task<ServiceSettingsView>>)(async (tenant, admin) =>
            (await app.Handle<ServiceSettingsHandler, Result<ServiceSettingsView>>(tenant, admin, h => h.HandleAsync(new GetServiceSettings()))).Value!);
        var before = await settings("demo", "admin@demo.test");
        var save = (string tenant, string user, SaveServiceSettings command) =>
            app.Handle<ServiceSettingsHandler, Result>(tenant, user, h => h.HandleAsync(command));
        var rows = before.Sla.Select(r => r.Type == TicketType.Complaint && r.Priority == TicketPriority.Urgent ? r with { FirstResponseMinutes = 30 } : r).ToList();

        (await save("demo", Cs, new SaveServiceSettings(before.WorkDays, before.OpensAt, before.ClosesAt, null, 80, rows))).Errors[0].Code.ShouldBe("Access.Denied");
        (await save("other", "admin@other.test", new SaveServiceSettings(before.WorkDays, new TimeOnly(7, 0), before.ClosesAt, "2026-12-25", 80, rows)))
            .Succeeded.ShouldBeTrue();
        (await save("demo", "admin@demo.test", new SaveServiceSettings(before.WorkDays, before.OpensAt, before.ClosesAt, "25/12/2026", 80, rows)))
            .Errors[0].Code.ShouldBe("Service.HolidayInvalid");

        var demo = await settings("demo", "admin@demo.test");
        (demo.OpensAt, demo.Holidays).ShouldBe((before.OpensAt, before.Holidays)); // the other tenant's save and the refused one changed nothing here
        demo.Sla.Single(r => r.Type == TicketType.Complaint && r.Priority == TicketPriority.Urgent).IsDefault.ShouldBeTrue();
        var other = await settings("other", "admin@other.test");
        (other.OpensAt, other.Holidays).ShouldBe((new TimeOnly(7, 0), "2026-12-25"));
        other.Sla.Single(r => r.Type == TicketType.Complaint && r.Priority == TicketPriority.Urgent).FirstResponseMinutes.ShouldBe(30);
    }

    [Fact]
    public async Task Another_tenants_staff_cannot_see_or_change_a_ticket()
    {
        var number = (await Open(Cs, TicketType.Complaint, null)).Value!;
        (await Visible("cs@other.test", "other")).ShouldNotContain(number);
        (await app.Handle<WorkTicketHandler, Result>("other", "cs@other.test", h => h.HandleAsync(new ChangeTicketStatus(number, TicketStatus.Rejected, "x", Base))))
            .Errors[0].Code.ShouldBe("Ticket.NotFound");
        (await Ticket(number)).Status.ShouldBe(TicketStatus.New);
    }

    [Fact]
    public async Task A_reply_is_the_first_response_and_reaches_the_customer_an_internal_note_does_not()
    {
        var number = (await Open(Cs, TicketType.Complaint, null)).Value!;
        (await Work(Cs, h => h.HandleAsync(new WriteTicketMessage(number, TicketMessageKind.Note, "Cek riwayat pembelian dulu.",
            [new UploadedFile("catatan.pdf", "%PDF-1.4 test"u8.ToArray())], Base)))).Succeeded.ShouldBeTrue();
        var afterNote = await Ticket(number);
        afterNote.FirstRespondedAt.ShouldBeNull();
        (await _make.Query(db => db.OutboxMessages.CountAsync(m => m.DedupKey.StartsWith($"ticket:{afterNote.Id}:")))).ShouldBe(0);

        (await Work(Cs, h => h.HandleAsync(new WriteTicketMessage(number, TicketMessageKind.Reply, "Mohon kirim foto nomor seri.", [], Base)))).Succeeded.ShouldBeTrue();
        var ticket = await Ticket(number);
        ticket.Status.ShouldBe(TicketStatus.Acknowledged);
        ticket.FirstRespondedAt.ShouldNotBeNull();
        var text = await _make.Query(db => db.OutboxMessages.SingleAsync(m => m.DedupKey.StartsWith($"ticket:{ticket.Id}:message:")));
        (text.Channel, text.To).ShouldBe(("whatsapp", "+6281322223333"));
        text.Body.ShouldContain($"/t/{number}");
        (await _make.Query(db => db.TicketAttachments.Where(a => a.TicketId == ticket.Id).Select(a => new { a.ContentType, a.CustomerVisible }).SingleAsync()))
            .ShouldBe(new { ContentType = "application/pdf", CustomerVisible = false });
    }

    [Fact]
    public async Task Hostile_or_wrong_input_on_a_ticket_is_refused_and_nothing_is_stored()
    {
        var number = (await Open(Cs, TicketType.Complaint, null)).Value!;
        var id = (await Ticket(number)).Id;
        (await Work(Cs, h => h.HandleAsync(new WriteTicketMessage(number, TicketMessageKind.Reply, "<script>alert(1)</script>", [], Base)))).Errors[0].Code.ShouldBe("Validation.PlainText");
        (await Work(Cs, h => h.HandleAsync(new WriteTicketMessage(number, TicketMessageKind.Note, "lampiran", [new UploadedFile("x.zip", TestImages.Zip)], Base))))
            .Errors[0].Code.ShouldBe("Ticket.AttachmentType");
        (await Work(Cs, h => h.HandleAsync(new ChangeTicketStatus(number, TicketStatus.Resolved, "  ", Base)))).Errors[0].Code.ShouldBe("Ticket.ResolutionRequired");
        (await Work(Cs, h => h.HandleAsync(new ChangeTicketStatus(number, TicketStatus.Closed, null, Base)))).Errors[0].Code.ShouldBe("Ticket.TransitionInvalid");
        (await _make.Query(db => db.TicketMessages.CountAsync(m => m.TicketId == id))).ShouldBe(0);
        (await _make.Query(db => db.TicketAttachments.CountAsync(a => a.TicketId == id))).ShouldBe(0);
        (await Ticket(number)).Status.ShouldBe(TicketStatus.New);
    }

    [Fact]
    public async Task Waiting_on_the_customer_ends_when_they_answer_on_the_ticket_page()
    {
        var number = (await Open(Cs, TicketType.Complaint, null)).Value!;
        (await Work(Cs, h => h.HandleAsync(new ChangeTicketStatus(number, TicketStatus.WaitingOnCustomer, null, Base)))).Succeeded.ShouldBeTrue();
        (await Ticket(number)).PausedAt.ShouldNotBeNull();

        var answered = await app.InTenant("demo", sp => sp.GetRequiredService<PublicTicketHandler>()
            .HandleAsync(new ReplyToTicket(number, "+62 813-2222-3333", "Foto sudah saya kirim lewat WA.")));

        answered.Value!.Messages.Single().FromCustomer.ShouldBeTrue();
        var ticket = await Ticket(number);
        (ticket.Status, ticket.PausedAt).ShouldBe((TicketStatus.InProgress, null));
        (await app.InTenant("demo", sp => sp.GetRequiredService<PublicTicketHandler>()
            .HandleAsync(new ReplyToTicket(number, "0811 0000 0000", "bukan saya")))).Errors[0].Code.ShouldBe("Ticket.NotFoundForPhone");
    }

    [Fact]
    public async Task An_approved_claim_ships_a_replacement_from_stock_and_links_both_units()
    {
        var (sold, spare) = await SoldUnitWithSpare();
        var warehouseId = spare.WarehouseId!.Value;
        var number = (await Open(Cs, TicketType.WarrantyClaim, sold.Serial)).Value!;
        var service = (Func<ServiceWorkHandler, Task<Result>> call) => app.Handle("demo", Cs, call);

        (await service(h => h.HandleAsync(new ReplaceUnit(number, warehouseId, spare.Serial)))).Errors[0].Code.ShouldBe("Ticket.ClaimNotApproved");
        (await service(h => h.HandleAsync(new DecideClaim(number, true, ClaimOutcome.Replacement, "Kompresor rusak.", Base)))).Succeeded.ShouldBeTrue();
        (await Work(Cs, h => h.HandleAsync(new ChangeTicketStatus(number, TicketStatus.Resolved, "Diganti.", Base)))).Errors[0].Code.ShouldBe("Ticket.ReplacementMissing");
        (await service(h => h.HandleAsync(new ReplaceUnit(number, warehouseId, spare.Serial.ToLowerInvariant())))).Succeeded.ShouldBeTrue();

        var ticket = await Ticket(number);
        ticket.ReplacementUnitId.ShouldBe(spare.Id);
        var units = await _make.Query(db => db.Units.AsNoTracking().Where(u => u.Id == sold.Id || u.Id == spare.Id).ToDictionaryAsync(u => u.Id));
        units[sold.Id].Status.ShouldBe(UnitStatus.Replaced);
        (units[spare.Id].Status, units[spare.Id].WarehouseId, units[spare.Id].RegisteredOn).ShouldBe((UnitStatus.Sold, null, units[sold.Id].RegisteredOn));
        var links = await _make.Query(db => db.UnitEvents.AsNoTracking().Where(e => e.DocumentId == ticket.Id && (e.Kind == UnitEventKind.Replaced || e.Kind == UnitEventKind.ReplacementFor))
            .Select(e => new { e.UnitId, e.OtherUnitId }).ToListAsync());
        links.ShouldBe([new { UnitId = sold.Id, OtherUnitId = (Guid?)spare.Id }, new { UnitId = spare.Id, OtherUnitId = (Guid?)sold.Id }], ignoreOrder: true);
        var movement = await _make.Query(db => db.StockMovements.AsNoTracking().SingleAsync(m => m.DocumentNumber == number));
        (movement.Type, movement.Quantity, movement.WarehouseId).ShouldBe((MovementType.ServiceOut, -1m, warehouseId));
        (await _make.OnHand(warehouseId, sold.ProductId)).ShouldBe(0);
        (await _make.LedgerSum(warehouseId, sold.ProductId)).ShouldBe(0);
        (await service(h => h.HandleAsync(new ReplaceUnit(number, warehouseId, spare.Serial)))).Errors[0].Code.ShouldBe("Ticket.AlreadyReplaced");
        (await Work(Cs, h => h.HandleAsync(new ChangeTicketStatus(number, TicketStatus.Resolved, "Unit diganti baru.", Base)))).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task A_claim_on_an_expired_warranty_cannot_be_approved_and_a_rejection_tells_the_customer_why()
    {
        var (sold, _) = await SoldUnitWithSpare(registeredDaysAgo: 400); // a 12-month policy
        var number = (await Open(Cs, TicketType.WarrantyClaim, sold.Serial)).Value!;
        (await app.Handle<ServiceWorkHandler, Result>("demo", Cs, h => h.HandleAsync(new DecideClaim(number, true, ClaimOutcome.Repair, null, Base))))
            .Errors[0].Code.ShouldBe("Ticket.ClaimNotCovered");
        (await app.Handle<ServiceWorkHandler, Result>("demo", Technician, h => h.HandleAsync(new DecideClaim(number, false, null, "Garansi habis.", Base))))
            .Errors[0].Code.ShouldBe("Access.Denied");
        (await app.Handle<ServiceWorkHandler, Result>("demo", Cs, h => h.HandleAsync(new DecideClaim(number, false, null, "Masa garansi sudah berakhir.", Base))))
            .Succeeded.ShouldBeTrue();

        var ticket = await Ticket(number);
        (ticket.Status, ticket.ClaimStatus, ticket.RejectReason).ShouldBe((TicketStatus.Rejected, ClaimStatus.Rejected, "Masa garansi sudah berakhir."));
        (await _make.Query(db => db.OutboxMessages.SingleAsync(m => m.DedupKey.StartsWith($"ticket:{ticket.Id}:status:Rejected")))).Body.ShouldContain("Masa garansi sudah berakhir.");
    }

    [Fact]
    public async Task Parts_used_on_a_repair_leave_the_technicians_warehouse_and_too_many_leave_nothing()
    {
        var unit = (await _warranty.Units()).Single();
        var part = await _make.Product();
        var van = await _make.Warehouse();
        (await _make.Receive(van.Id, part.Id, 10)).Succeeded.ShouldBeTrue();
        var number = (await Open(Cs, TicketType.Repair, unit.Serial)).Value!;
        var tech = (await app.Handle<WorkTicketHandler, Result<IReadOnlyList<AssigneeOption>>>("demo", Cs, h => h.HandleAsync(new ListAssignees()))).Value!
            .Single(o => o.Kind == Sidig.Domain.Access.Roles.Technician);
        (await Work(Cs, h => h.HandleAsync(new AssignTicket(number, tech.UserId, null)))).Succeeded.ShouldBeTrue();
        var use = (decimal quantity, Guid productId) => app.Handle<ServiceWorkHandler, Result>("demo", Technician,
            h => h.HandleAsync(new UseParts(number, van.Id, [new PartLine(productId, quantity)], "Ganti kapasitor dan bersihkan filter.")));

        (await use(11, part.Id)).Errors[0].Code.ShouldBe("Stock.Insufficient");
        (await use(1, unit.ProductId)).Errors[0].Code.ShouldBe("Ticket.PartSerialised");
        var id = (await Ticket(number)).Id;
        (await _make.Query(db => db.TicketParts.CountAsync(p => p.TicketId == id))).ShouldBe(0);
        (await _make.Query(db => db.UnitEvents.CountAsync(e => e.DocumentId == id))).ShouldBe(0);

        (await use(2, part.Id)).Succeeded.ShouldBeTrue();
        (await _make.OnHand(van.Id, part.Id)).ShouldBe(8);
        (await _make.LedgerSum(van.Id, part.Id)).ShouldBe(8);
        (await _make.Query(db => db.TicketParts.SingleAsync(p => p.TicketId == id))).Quantity.ShouldBe(2);
        (await _make.Query(db => db.UnitEvents.SingleAsync(e => e.DocumentId == id))).Kind.ShouldBe(UnitEventKind.Repaired);
        (await _make.Query(db => db.TicketMessages.SingleAsync(m => m.TicketId == id))).Kind.ShouldBe(TicketMessageKind.Visit);
        (await Ticket(number)).Status.ShouldBe(TicketStatus.InProgress);
    }

    [Fact]
    public async Task A_technician_registers_the_unit_they_installed_and_its_warranty_starts()
    {
        var unit = (await _warranty.Units()).Single();
        var number = (await Open(Cs, TicketType.Installation, unit.Serial)).Value!;
        var tech = (await app.Handle<WorkTicketHandler, Result<IReadOnlyList<AssigneeOption>>>("demo", Cs, h => h.HandleAsync(new ListAssignees()))).Value!
            .Single(o => o.Kind == Sidig.Domain.Access.Roles.Technician);
        (await Work(Cs, h => h.HandleAsync(new AssignTicket(number, tech.UserId, null)))).Succeeded.ShouldBeTrue();
        var key = Guid.NewGuid();
        var register = () => app.Handle<ServiceWorkHandler, Result<RegistrationOutcome>>("demo", Technician, h => h.HandleAsync(
            new RegisterInstalledUnit(number, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), "31", "31.71", null, key)));

        var first = await register();
        var again = await register(); // a double tap: the same registration

        first.Value!.Status.ShouldBe(RegistrationStatus.Approved);
        again.Value!.Id.ShouldBe(first.Value.Id);
        var registration = await _make.Query(db => db.WarrantyRegistrations.AsNoTracking().SingleAsync(r => r.UnitId == unit.Id));
        (registration.Source, registration.Name).ShouldBe((RegistrationSource.Technician, "Sri Wahyuni"));
        (await _make.Query(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id))).RegisteredOn.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_breached_ticket_is_escalated_once_however_often_the_job_runs()
    {
        var number = (await Open(Cs, TicketType.Complaint, null, TicketPriority.Urgent)).Value!;
        var id = (await Ticket(number)).Id;
        var past = DateTimeOffset.UtcNow.AddHours(-2);
        await _make.Query(db => db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.FirstResponseDueAt, past)));
        var tenantId = await app.TenantId("demo");

        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SlaEscalationJob>().RunAsync(tenantId, CancellationToken.None);
        }

        var mails = await _make.Query(db => db.OutboxMessages.AsNoTracking().Where(m => m.DedupKey.StartsWith($"sla:{id}:")).ToListAsync());
        mails.ShouldNotBeEmpty();
        mails.Select(m => m.To).ShouldBeUnique(); // once per recipient, after two runs
        mails.ShouldAllBe(m => m.DedupKey.Contains(":first:breach:") && m.Subject.Contains(number));
        mails.Select(m => m.To).ShouldContain("cs@demo.test");
        (await Ticket(number)).EscalatedAt.ShouldNotBeNull();
    }
}

public sealed class ServiceDeskTests_Sqlite(SqliteApp app) : ServiceDeskTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ServiceDeskTests_Postgres(PostgresApp app) : ServiceDeskTests<PostgresApp>(app), IClassFixture<PostgresApp>;
