using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Delivery;

namespace Sidig.Tests.Features.Delivery;

/// <summary>Delivery notes through their handlers: quantities, the ledger moving with the shipment in one transaction, delivery, isolation.</summary>
public abstract class DeliveryNoteTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly FulfilmentBuilders _f = new(app);
    private static DateOnly Today => FulfilmentBuilders.Today;

    private Task<Result<DeliveryNoteView>> Get(Guid id, string email, string tenant = "demo") =>
        app.Handle<GetDeliveryNoteHandler, Result<DeliveryNoteView>>(tenant, email, h => h.HandleAsync(new GetDeliveryNote(id)));

    private Task<Result<DeliveryNoteList>> List(string email) =>
        app.Handle<ListDeliveryNotesHandler, Result<DeliveryNoteList>>("demo", email, h => h.HandleAsync(new ListDeliveryNotes(All: true)));

    [Fact]
    public async Task Shipping_moves_stock_out_of_the_principal_and_into_the_distributors_warehouse()
    {
        var s = await _f.ScenarioAsync(stock: 50);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 10, 1_000_000, 0), (s.Other, 4, 250_000, 0));

        var created = await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 10, 4));
        created.Errors.ShouldBeEmpty();
        created.Value!.Number.ShouldMatch($@"^SJ/{Today.Year}/\d{{6}}$");
        (await _f.Make.OnHand(s.From.Id, s.Product.Id)).ShouldBe(50m); // a draft moves nothing

        (await _f.Ship(created.Value.Id)).Errors.ShouldBeEmpty();

        (await _f.Make.OnHand(s.From.Id, s.Product.Id)).ShouldBe(40m);
        (await _f.Make.OnHand(s.From.Id, s.Other.Id)).ShouldBe(46m);
        (await _f.Make.OnHand(s.To!.Id, s.Product.Id)).ShouldBe(10m);
        (await _f.Make.OnHand(s.To.Id, s.Other.Id)).ShouldBe(4m);
        var movements = await _f.Make.Query(db => db.StockMovements.AsNoTracking().Where(m => m.DocumentId == created.Value.Id).ToListAsync());
        movements.Count.ShouldBe(4);
        movements.ShouldAllBe(m => m.DocumentType == StockLedger.DocumentDeliveryNote && m.DocumentNumber == created.Value.Number && m.CorrelationId == created.Value.Id);
        movements.Where(m => m.WarehouseId == s.From.Id).ShouldAllBe(m => m.Type == MovementType.ShipmentOut && m.Quantity < 0);
        movements.Where(m => m.WarehouseId == s.To.Id).ShouldAllBe(m => m.Type == MovementType.Receipt && m.Quantity > 0);
        (await _f.Make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();

        var note = await _f.Note(created.Value.Id);
        (note.Status, note.VehicleNumber, note.ToWarehouseId).ShouldBe((DeliveryNoteStatus.Shipped, "B 1234 XYZ", (Guid?)s.To.Id));
        var saved = await _f.Order(order.Id);
        saved.Status.ShouldBe(OrderStatus.Shipped);
        saved.Lines.ShouldAllBe(l => l.ShippedQuantity == l.Quantity);
    }

    [Fact]
    public async Task A_receiver_without_a_warehouse_of_its_own_only_gets_the_shipment_out()
    {
        var s = await _f.ScenarioAsync(stock: 5, type: PartnerType.Dealer, partnerWarehouse: false);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 100_000, 0));
        var note = await _f.ShippedNote(order, 2);

        (await _f.Note(note)).ToWarehouseId.ShouldBeNull();
        (await _f.Make.Query(db => db.StockMovements.CountAsync(m => m.DocumentId == note))).ShouldBe(1);
        (await _f.Make.OnHand(s.From.Id, s.Product.Id)).ShouldBe(3m);
    }

    [Fact]
    public async Task Partial_shipments_add_up_and_more_than_is_open_is_refused()
    {
        var s = await _f.ScenarioAsync(stock: 100);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 10, 50_000, 0));

        var first = await _f.ShippedNote(order, 3);
        (await _f.Order(order.Id)).Status.ShouldBe(OrderStatus.PartiallyShipped);
        var draft = await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 5));
        draft.Errors.ShouldBeEmpty();

        var tooMuch = (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 3))).Errors.Single();
        (tooMuch.Code, tooMuch.Field).ShouldBe(("Delivery.QuantityAboveOpen", "Lines[0].Quantity"));
        tooMuch.Args[0].ShouldBe(2m); // 10 ordered − 3 shipped − 5 on the draft

        (await _f.Ship(draft.Value!.Id)).Errors.ShouldBeEmpty();
        (await _f.Ship(draft.Value.Id)).Errors.Single().Code.ShouldBe("Delivery.NotDraft"); // shipping twice moves nothing twice
        var last = await _f.ShippedNote(order, 2);

        var saved = await _f.Order(order.Id);
        (saved.Status, saved.Lines.Single().ShippedQuantity).ShouldBe((OrderStatus.Shipped, 10m));
        (await _f.Make.OnHand(s.From.Id, s.Product.Id)).ShouldBe(90m);
        (await _f.Make.OnHand(s.To!.Id, s.Product.Id)).ShouldBe(10m);
        (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1))).Errors.Single().Code.ShouldBe("Delivery.QuantityAboveOpen");
        new[] { first, last }.ShouldAllBe(id => id != Guid.Empty);
    }

    [Fact]
    public async Task Not_enough_stock_refuses_the_shipment_and_saves_nothing()
    {
        var s = await _f.ScenarioAsync(stock: 3);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 5, 10_000, 0), (s.Other, 1, 10_000, 0));
        var created = await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 5, 1));

        var error = (await _f.Ship(created.Value!.Id)).Errors.Single();
        error.Code.ShouldBe("Stock.Insufficient");
        error.Args[2].ShouldBe(3m);

        (await _f.Note(created.Value.Id)).Status.ShouldBe(DeliveryNoteStatus.Draft);
        var saved = await _f.Order(order.Id);
        (saved.Status, saved.Lines.Sum(l => l.ShippedQuantity)).ShouldBe((OrderStatus.Approved, 0m));
        (await _f.Make.OnHand(s.From.Id, s.Other.Id)).ShouldBe(3m); // the line that had enough did not move either
        (await _f.Make.Query(db => db.StockMovements.CountAsync(m => m.DocumentId == created.Value.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_frozen_warehouse_refuses_the_shipment()
    {
        var s = await _f.ScenarioAsync(stock: 10);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 1, 10_000, 0));
        var created = await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1));
        await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.StockAudits.Add(StockAudit.Open(Builders.Unique("SA"), s.From.Id, false, null, new Dictionary<Guid, decimal>(), DateTimeOffset.UtcNow, "test"));
            await db.SaveChangesAsync();
        });

        (await _f.Ship(created.Value!.Id)).Errors.Single().Code.ShouldBe("Stock.WarehouseFrozen");
        (await _f.Note(created.Value.Id)).Status.ShouldBe(DeliveryNoteStatus.Draft);
        (await _f.Make.OnHand(s.From.Id, s.Product.Id)).ShouldBe(10m);
    }

    [Fact]
    public async Task Recording_the_delivery_marks_the_order_delivered_with_who_received_it()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 10_000, 0));
        var note = await _f.ShippedNote(order, 2);

        (await _f.Deliver(note, Today.AddDays(1))).Errors.Single().Field.ShouldBe("DeliveredOn");
        (await _f.Deliver(note, Today.AddDays(-1))).Errors.Single().Code.ShouldBe("Delivery.DeliveredBeforeShipped");
        (await _f.Deliver(note, Today, "  ")).Errors.Single().Code.ShouldBe("Delivery.ReceivedByRequired");
        (await _f.Deliver(note, Today)).Errors.ShouldBeEmpty();

        var saved = await _f.Note(note);
        (saved.Status, saved.DeliveredOn, saved.ReceivedBy).ShouldBe((DeliveryNoteStatus.Delivered, (DateOnly?)Today, "Ibu Sari"));
        var savedOrder = await _f.Order(order.Id);
        (savedOrder.Status, savedOrder.Lines.Single().DeliveredQuantity).ShouldBe((OrderStatus.Delivered, 2m));
        (await _f.Deliver(note, Today)).Errors.Single().Code.ShouldBe("Delivery.AlreadyDelivered");
    }

    [Fact]
    public async Task Shipping_details_are_validated_next_to_their_fields()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 10_000, 0));
        var bad = FulfilmentBuilders.NoteFor(order, 1) with { ShippingCompany = null, VehicleNumber = "12-ABC", ShipDate = null };
        var errors = (await _f.CreateNote(bad)).Errors;
        errors.ShouldContain(e => e.Code == "Delivery.VehicleNumberInvalid" && e.Field == "VehicleNumber");
        errors.ShouldContain(e => e.Field == "ShipDate");
        (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 0))).Errors.Single().Code.ShouldBe("Delivery.NoLines");
        (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1) with { ShipDate = Today.AddDays(-30) })).Errors.Single().Code.ShouldBe("Delivery.ShipDateBeforeOrder");
    }

    [Fact]
    public async Task Cancelling_a_draft_frees_its_quantity_but_a_shipped_note_cannot_be_cancelled()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 4, 10_000, 0));
        var draft = (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 4))).Value!;
        (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1))).Errors.Single().Code.ShouldBe("Delivery.QuantityAboveOpen");

        (await app.Handle<CancelDeliveryNoteHandler, Result>("demo", FulfilmentBuilders.Warehouse, h => h.HandleAsync(new CancelDeliveryNote(draft.Id))))
            .Errors.ShouldBeEmpty();
        var shipped = await _f.ShippedNote(order, 4);
        (await app.Handle<CancelDeliveryNoteHandler, Result>("demo", FulfilmentBuilders.Warehouse, h => h.HandleAsync(new CancelDeliveryNote(shipped))))
            .Errors.Single().Code.ShouldBe("Delivery.CannotCancelShipped");
        (await _f.Ship(draft.Id)).Errors.Single().Code.ShouldBe("Delivery.NotDraft");
    }

    [Fact]
    public async Task An_order_not_yet_approved_gets_no_delivery_note()
    {
        var s = await _f.ScenarioAsync();
        var order = await app.InTenant("demo", async sp =>
        {
            var o = SalesOrder.Create(Builders.Unique("SO"), s.Partner.Id, null, OrderSource.Staff, Today, s.From.Id, null, null, DateTimeOffset.UtcNow, "t");
            o.SetLines([new SalesLineInput(s.Product.Id, s.Product.Sku, s.Product.Name, "PCS", 1, 1000, 0, s.Product.PpnKind)], 0);
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.SalesOrders.Add(o);
            await db.SaveChangesAsync();
            return o;
        });
        (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1))).Errors.Single().Code.ShouldBe("Order.NotApproved");
    }

    [Fact]
    public async Task The_receiving_partner_reads_its_notes_and_nobody_else_does()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 10_000, 0));
        var note = await _f.ShippedNote(order, 1);
        var own = await app.CreatePartnerUser(s.Partner.Id);
        var stranger = await app.CreatePartnerUser((await _f.Make.Partner()).Id);

        (await Get(note, own)).Value!.Number.ShouldStartWith("SJ/");
        (await List(own)).Value!.Items.Select(i => i.Id).ShouldContain(note);
        (await Get(note, stranger)).Errors.Single().Code.ShouldBe("Delivery.NotFound");
        (await List(stranger)).Value!.Items.Select(i => i.Id).ShouldNotContain(note);
        (await Get(note, "admin@other.test", "other")).Errors.Single().Code.ShouldBe("Delivery.NotFound");
        (await List("sales@demo.test")).Value!.Items.Select(i => i.Id).ShouldContain(note);

        // acting is for the principal's warehouse staff only
        (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1), own)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Deliver(note, Today, email: own)).Errors.Single().Code.ShouldBe("Access.Denied");
        (await _f.Deliver(note, Today, email: "finance@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        var otherTenant = await app.Handle<ShipDeliveryNoteHandler, Result>("other", "admin@other.test", h => h.HandleAsync(new ShipDeliveryNote(note)));
        otherTenant.Errors.Single().Code.ShouldBe("Delivery.NotFound");
        var draft = (await _f.CreateNote(FulfilmentBuilders.NoteFor(order, 1))).Value!;
        (await app.Handle<ShipDeliveryNoteHandler, Result>("other", "admin@other.test", h => h.HandleAsync(new ShipDeliveryNote(draft.Id)))).Errors.Single().Code
            .ShouldBe("Delivery.NotFound");
        (await _f.Note(draft.Id)).Status.ShouldBe(DeliveryNoteStatus.Draft);
    }

    [Fact]
    public async Task The_note_page_opens_for_its_partner_and_shows_another_partner_nothing()
    {
        var s = await _f.ScenarioAsync();
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 10_000, 0));
        var note = await _f.ShippedNote(order, 2);
        var number = (await _f.Note(note)).Number;
        var own = await app.CreatePartnerUser(s.Partner.Id);
        var stranger = await app.CreatePartnerUser((await _f.Make.Partner()).Id);

        using var ownClient = await app.Client("demo").SignedInAs(own);
        var page = await ownClient.Http.GetAsync($"/delivery-notes/{note}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain(number);
        html.ShouldNotContain("data-testid=\"delivery-mark-delivered\""); // read-only for the partner

        using var strangerClient = await app.Client("demo").SignedInAs(stranger);
        var other = await (await strangerClient.Http.GetAsync($"/delivery-notes/{note}")).Content.ReadAsStringAsync();
        other.ShouldNotContain(number);
        other.ShouldContain("data-testid=\"delivery-load-error\"");

        using var staff = await app.Client("demo").SignedInAs(FulfilmentBuilders.Warehouse);
        (await staff.Http.GetStringAsync($"/delivery-notes/{note}")).ShouldContain("data-testid=\"delivery-mark-delivered\"");
        (await staff.Http.GetStringAsync($"/delivery-notes/new?order={order.Id}")).ShouldContain("data-testid=\"new-delivery-nothing-open\"");
    }
}

public sealed class DeliveryNoteTests_Sqlite(SqliteApp app) : DeliveryNoteTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class DeliveryNoteTests_Postgres(PostgresApp app) : DeliveryNoteTests<PostgresApp>(app), IClassFixture<PostgresApp>;
