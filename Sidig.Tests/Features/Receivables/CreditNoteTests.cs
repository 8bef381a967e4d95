using System.Net;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Receivables;

namespace Sidig.Tests.Features.Receivables;

/// <summary>Returns against an invoice: the credit note, the invoice, the order and the ledger move together or not at all.</summary>
public abstract class CreditNoteTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Finance = "finance@demo.test";
    private const decimal Price = 1_200_000m;
    private readonly ReceivableBuilders _ar = new(app);
    private static DateOnly Today => ReceivableBuilders.Today;

    private Task<Result<CreatedCreditNote>> Create(string email, CreateCreditNote command, string tenant = "demo") =>
        app.Handle<CreateCreditNoteHandler, Result<CreatedCreditNote>>(tenant, email, h => h.HandleAsync(command));

    private static CreateCreditNote Return(ReceivableBuilders.Billed billed, params decimal[] quantities) =>
        new(billed.Invoice.Id, billed.WarehouseId, Today, "Rusak dalam pengiriman",
            billed.Invoice.Lines.Select((l, i) => new ReturnLineInput(l.Id, i < quantities.Length ? quantities[i] : null)).ToList());

    private async Task<ReceivableBuilders.Billed> Billed(decimal qty = 5, decimal delivered = -1, decimal invoiced = -1, bool twoLines = false)
    {
        var (partner, warehouse, a, b) = await _ar.Distributor();
        List<ReceivableBuilders.Line> lines = [new(a, qty, Price, delivered, invoiced)];
        if (twoLines) lines.Add(new(b, 2, 500_000m));
        return await _ar.Invoice(partner.Id, warehouse.Id, Today.AddDays(-10), lines);
    }

    [Fact]
    public async Task A_credit_note_credits_the_invoice_and_puts_the_stock_back_on_the_ledger()
    {
        var billed = await Billed(5);
        var product = billed.Invoice.Lines[0].ProductId;
        (await _ar.Make.OnHand(billed.WarehouseId, product)).ShouldBe(95m);

        var result = await Create(Finance, Return(billed, 2));

        result.Errors.ShouldBeEmpty();
        result.Value!.Number.ShouldMatch($@"^CN/{Today.Year}/\d{{6}}$");
        result.Value.Total.ShouldBe(2_664_000m); // 2 × 1.200.000 net, DPP 11/12 = 2.200.000, PPN 12 % = 264.000
        var invoice = await _ar.Make.Query(db => db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == billed.Invoice.Id));
        (invoice.CreditedAmount, invoice.Status, invoice.Lines[0].ReturnedQuantity).ShouldBe((2_664_000m, InvoiceStatus.PartiallyPaid, 2m));
        var order = await _ar.Make.Query(db => db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == billed.Order.Id));
        (order.Lines[0].ReturnedQuantity, order.PaidAmount).ShouldBe((2m, 2_664_000m));

        (await _ar.Make.OnHand(billed.WarehouseId, product)).ShouldBe(97m);
        var movement = await _ar.Make.Query(db => db.StockMovements.SingleAsync(m => m.DocumentId == result.Value.Id));
        (movement.Type, movement.Quantity, movement.DocumentType, movement.DocumentNumber, movement.WarehouseId)
            .ShouldBe((MovementType.Return, 2m, StockLedger.DocumentCreditNote, result.Value.Number, billed.WarehouseId));
        (await _ar.Make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Returning_everything_delivered_makes_the_order_returned_and_settles_the_invoice()
    {
        var billed = await Billed(5, twoLines: true);
        var result = await Create(Finance, Return(billed, 5, 2));

        result.Errors.ShouldBeEmpty();
        var invoice = await _ar.Make.Query(db => db.Invoices.SingleAsync(i => i.Id == billed.Invoice.Id));
        (invoice.CreditedAmount, invoice.Status, invoice.Outstanding).ShouldBe((invoice.Total, InvoiceStatus.Paid, 0m));
        var order = await _ar.Make.Query(db => db.SalesOrders.Include(o => o.History).SingleAsync(o => o.Id == billed.Order.Id));
        order.Status.ShouldBe(OrderStatus.Returned);
        order.History.ShouldContain(h => h.To == OrderStatus.Returned);
    }

    [Fact]
    public async Task More_than_was_delivered_is_refused_next_to_the_line_and_nothing_is_saved()
    {
        var billed = await Billed(5, delivered: 3, invoiced: 5, twoLines: true);
        var before = await _ar.Make.OnHand(billed.WarehouseId, billed.Invoice.Lines[0].ProductId);

        var result = await Create(Finance, Return(billed, 4, 1)); // line 2 is fine, line 1 is above what was delivered

        var error = result.Errors.Single();
        (error.Code, error.Field).ShouldBe(("Return.QuantityAboveDelivered", "Lines[0].Quantity"));
        await NothingSaved(billed, before);
    }

    [Fact]
    public async Task More_than_was_invoiced_is_refused_and_nothing_is_saved()
    {
        var billed = await Billed(5, delivered: 5, invoiced: 3);
        var before = await _ar.Make.OnHand(billed.WarehouseId, billed.Invoice.Lines[0].ProductId);

        var result = await Create(Finance, Return(billed, 4));

        (result.Errors.Single().Code, result.Errors.Single().Field).ShouldBe(("Return.QuantityAboveInvoiced", "Lines[0].Quantity"));
        await NothingSaved(billed, before);
    }

    [Fact]
    public async Task What_was_returned_before_counts_against_the_next_return()
    {
        var billed = await Billed(5);
        (await Create(Finance, Return(billed, 3))).Errors.ShouldBeEmpty();
        var second = await Create(Finance, Return(billed, 3));
        second.Errors.Single().Code.ShouldBe("Return.QuantityAboveInvoiced");
        (await Create(Finance, Return(billed, 2))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Goods_cannot_go_back_into_another_partners_warehouse()
    {
        var billed = await Billed(5);
        var stranger = await _ar.Make.Partner();
        var theirs = await _ar.Make.Warehouse(stranger.Id);

        var result = await Create(Finance, Return(billed, 1) with { WarehouseId = theirs.Id });

        (result.Errors.Single().Code, result.Errors.Single().Field).ShouldBe(("CreditNote.WarehouseNotAllowed", "WarehouseId"));
        await NothingSaved(billed, 95m);
    }

    [Fact]
    public async Task A_return_needs_a_reason_and_a_quantity()
    {
        var billed = await Billed(5);
        var result = await Create(Finance, Return(billed) with { Reason = " " });
        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("CreditNote.ReasonRequired", "Reason"), ("CreditNote.NoLines", "Lines")], ignoreOrder: true);
    }

    [Fact]
    public async Task Only_finance_and_admins_record_returns()
    {
        var billed = await Billed(5);
        var partnerUser = await PartnerUsers.CreateAsync(app, billed.Invoice.PartnerId);
        (await Create("sales@demo.test", Return(billed, 1))).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Create(partnerUser, Return(billed, 1))).Errors.Single().Code.ShouldBe("Access.Denied");
        (await Create("finance@other.test", Return(billed, 1), "other")).Errors.Single().Code.ShouldBe("CreditNote.InvoiceNotFound");
        await NothingSaved(billed, 95m);
    }

    [Fact]
    public async Task Partner_users_see_only_their_own_credit_notes_and_another_tenant_none()
    {
        var mine = await Billed(5);
        var theirs = await Billed(5);
        var myNote = (await Create(Finance, Return(mine, 1))).Value!;
        var theirNote = (await Create(Finance, Return(theirs, 1))).Value!;
        var me = await PartnerUsers.CreateAsync(app, mine.Invoice.PartnerId);

        var seen = await List(me);
        seen.ShouldContain(myNote.Id);
        seen.ShouldNotContain(theirNote.Id);
        (await List(Finance)).ShouldContain(theirNote.Id);
        (await List("admin@other.test", "other")).ShouldBeEmpty();
        (await Get(me, theirNote.Id)).Errors.Single().Code.ShouldBe("CreditNote.NotFound");
        (await Get(me, myNote.Id)).Value!.Lines.Single().Quantity.ShouldBe(1m);
        (await Get("admin@other.test", myNote.Id, "other")).Errors.Single().Code.ShouldBe("CreditNote.NotFound");
    }

    [Fact]
    public async Task The_credit_note_page_shows_a_note_only_to_its_partner()
    {
        var mine = await Billed(5);
        var note = (await Create(Finance, Return(mine, 1))).Value!;
        var me = await PartnerUsers.CreateAsync(app, mine.Invoice.PartnerId);
        var stranger = await PartnerUsers.CreateAsync(app, (await _ar.Make.Partner()).Id);

        using (var client = await app.Client("demo").SignedInAs(me))
        {
            var html = await client.Http.GetStringAsync($"/credit-notes/{note.Id}");
            html.ShouldContain(note.Number);
            html.ShouldContain("data-testid=\"credit-note-lines\"");
        }
        using (var client = await app.Client("demo").SignedInAs(stranger))
        {
            var response = await client.Http.GetAsync($"/credit-notes/{note.Id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.ShouldContain("data-testid=\"credit-note-load-error\"");
            html.ShouldNotContain(note.Number);
        }
        using (var client = await app.Client("other").SignedInAs("admin@other.test"))
            (await client.Http.GetStringAsync($"/credit-notes/{note.Id}")).ShouldNotContain(note.Number);
    }

    [Fact]
    public async Task The_new_return_page_lists_what_may_come_back()
    {
        var billed = await Billed(5, delivered: 3, invoiced: 5);
        using var client = await app.Client("demo").SignedInAs(Finance);
        var html = await client.Http.GetStringAsync($"/credit-notes/new?invoice={billed.Invoice.Id}");
        html.ShouldContain("data-testid=\"credit-note-form\"");
        html.ShouldContain(billed.Invoice.Number);
        html.ShouldContain("data-testid=\"credit-note-returnable-0\"");
    }

    private async Task<List<Guid>> List(string email, string tenant = "demo") =>
        (await app.Handle<ListCreditNotesHandler, Result<CreditNoteList>>(tenant, email, h => h.HandleAsync(new ListCreditNotes(All: true))))
        .Value!.Items.Select(i => i.Id).ToList();

    private Task<Result<CreditNoteView>> Get(string email, Guid id, string tenant = "demo") =>
        app.Handle<GetCreditNoteHandler, Result<CreditNoteView>>(tenant, email, h => h.HandleAsync(new GetCreditNote(id)));

    private async Task NothingSaved(ReceivableBuilders.Billed billed, decimal onHand)
    {
        (await _ar.Make.Query(db => db.CreditNotes.CountAsync(c => c.InvoiceId == billed.Invoice.Id))).ShouldBe(0);
        var invoice = await _ar.Make.Query(db => db.Invoices.Include(i => i.Lines).SingleAsync(i => i.Id == billed.Invoice.Id));
        invoice.CreditedAmount.ShouldBe(0m);
        invoice.Lines.ShouldAllBe(l => l.ReturnedQuantity == 0);
        var order = await _ar.Make.Query(db => db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == billed.Order.Id));
        order.Lines.ShouldAllBe(l => l.ReturnedQuantity == 0);
        (await _ar.Make.OnHand(billed.WarehouseId, billed.Invoice.Lines[0].ProductId)).ShouldBe(onHand); // lines as issued (a load has no order)
        (await _ar.Make.Query(db => db.StockMovements.CountAsync(m => m.WarehouseId == billed.WarehouseId && m.Type == MovementType.Return))).ShouldBe(0);
    }
}

public sealed class CreditNoteTests_Sqlite(SqliteApp app) : CreditNoteTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class CreditNoteTests_Postgres(PostgresApp app) : CreditNoteTests<PostgresApp>(app), IClassFixture<PostgresApp>;
