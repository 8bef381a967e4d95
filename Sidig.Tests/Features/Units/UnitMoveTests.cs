using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Delivery;
using Sidig.Web.Features.SellOuts;
using Sidig.Web.Features.Stock;
using Sidig.Web.Features.Units;

namespace Sidig.Tests.Features.Units;

/// <summary>
/// Serialised products move as named units on every stock path, and the ledger on-hand of each warehouse always equals
/// its count of units in stock; a wrong serial stores nothing.
/// </summary>
public abstract class UnitMoveTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string WarehouseUser = "warehouse@demo.test";
    private readonly FulfilmentBuilders _ship = new(app);
    private Builders Make => _ship.Make;

    private sealed record Setup(Product Product, Warehouse Central, Sidig.Domain.Partners.Partner Partner, Warehouse PartnerWarehouse, List<Unit> Units);

    /// <summary>A serialised product with a batch of <paramref name="units"/> in a principal warehouse, and a distributor with a warehouse.</summary>
    private async Task<Setup> SetupAsync(int units = 5, string tenant = "demo")
    {
        var make = tenant == "demo" ? Make : new Builders(app, tenant);
        var product = await make.Product(serialised: true);
        var central = await make.Warehouse();
        var partner = await make.Partner();
        var partnerWarehouse = await make.Warehouse(partner.Id);
        var batch = await app.Handle<CreateUnitBatchHandler, Result<CreatedUnitBatch>>(tenant, $"warehouse@{tenant}.test", h => h.HandleAsync(
            new CreateUnitBatch(product.Id, Builders.Unique("L"), FulfilmentBuilders.Today, units, "{sku}-{n:4}", central.Id)));
        batch.Errors.ShouldBeEmpty();
        var list = await make.Query(db => db.Units.Where(u => u.BatchId == batch.Value!.Id).OrderBy(u => u.Serial).ToListAsync());
        return new Setup(product, central, partner, partnerWarehouse, list);
    }

    private Task<Unit> UnitOf(Guid id) => Make.Query(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == id));

    private Task<List<UnitEvent>> EventsOf(Guid unitId) => Make.Query(db => db.UnitEvents.AsNoTracking().Where(e => e.UnitId == unitId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());

    /// <summary>For each warehouse: the ledger on-hand and the units in stock there agree, and equal <paramref name="expected"/>.</summary>
    private async Task AgreeAsync(Guid productId, params (Guid Warehouse, int Units)[] expected)
    {
        foreach (var (warehouse, units) in expected)
        {
            var inStock = await Make.Query(db => db.Units.CountAsync(u => u.WarehouseId == warehouse && u.ProductId == productId && u.Status == UnitStatus.InStock));
            (await Make.OnHand(warehouse, productId), inStock).ShouldBe((units, units), $"warehouse {warehouse}");
            (await Make.LedgerSum(warehouse, productId)).ShouldBe(units);
        }
        (await Make.Query(db => UnitSerials.FindMismatchesAsync(db))).Where(m => m.ProductId == productId).ShouldBeEmpty();
    }

    private static string Lines(params string[] serials) => string.Join("\n", serials);

    // ---------------------------------------------------------------- delivery notes

    private async Task<SalesOrder> OrderAsync(Setup s, decimal quantity) =>
        await _ship.ApprovedOrder(s.Partner.Id, s.Central.Id, (s.Product, quantity, 1_000_000m, 0m));

    private static CreateDeliveryNote Note(SalesOrder order, decimal quantity, string? serials) =>
        FulfilmentBuilders.NoteFor(order) with { Lines = [new DeliveryLineInput(order.Lines[0].Id, quantity, serials)] };

    [Fact]
    public async Task A_delivery_note_ships_exactly_the_named_units_into_the_partners_warehouse_and_delivery_dates_them()
    {
        var s = await SetupAsync(5);
        var order = await OrderAsync(s, 3);
        var u = s.Units;
        // Typed in lower case, a scanned label URL and a bare public code: the same three units.
        var created = await _ship.CreateNote(Note(order, 3, $"{u[0].Serial.ToLowerInvariant()}\r\nhttps://demo.sidig.id/u/{u[1].PublicCode}, {u[2].PublicCode}"));
        created.Errors.ShouldBeEmpty();
        (await _ship.Note(created.Value!.Id)).Lines.Single().SerialList.ShouldBe([u[0].Serial, u[1].Serial, u[2].Serial]);
        await AgreeAsync(s.Product.Id, (s.Central.Id, 5)); // a draft moves nothing

        (await _ship.Ship(created.Value.Id)).Errors.ShouldBeEmpty();
        await AgreeAsync(s.Product.Id, (s.Central.Id, 2), (s.PartnerWarehouse.Id, 3));
        var shipped = await UnitOf(u[1].Id);
        (shipped.WarehouseId, shipped.OwnerPartnerId, shipped.DeliveredOn).ShouldBe((s.PartnerWarehouse.Id, s.Partner.Id, null));
        (await UnitOf(u[3].Id)).WarehouseId.ShouldBe(s.Central.Id);

        (await _ship.Deliver(created.Value.Id, FulfilmentBuilders.Today)).Errors.ShouldBeEmpty();
        (await UnitOf(u[1].Id)).DeliveredOn.ShouldBe(FulfilmentBuilders.Today);
        (await UnitOf(u[3].Id)).DeliveredOn.ShouldBeNull();
        (await EventsOf(u[1].Id)).Select(e => (e.Kind, e.DocumentNumber, e.PartnerId)).ShouldBe([
            (UnitEventKind.Created, (await Make.Query(db => db.UnitBatches.SingleAsync(b => b.Id == u[1].BatchId))).Lot, null),
            (UnitEventKind.Shipped, created.Value.Number, s.Partner.Id), (UnitEventKind.Delivered, created.Value.Number, s.Partner.Id)]);
    }

    [Fact]
    public async Task A_note_with_an_unknown_a_doubled_or_a_missing_serial_is_refused_naming_them_and_nothing_is_stored()
    {
        var s = await SetupAsync(4);
        var order = await OrderAsync(s, 2);
        var u = s.Units;

        var unknown = await _ship.CreateNote(Note(order, 2, Lines(u[0].Serial, "NO-SUCH-1")));
        (unknown.Errors.Single().Code, unknown.Errors.Single().Field, unknown.Errors.Single().Args[0]).ShouldBe(("Units.SerialUnknown", "Lines[0].Serials", "NO-SUCH-1"));
        var twice = await _ship.CreateNote(Note(order, 2, Lines(u[0].Serial, u[0].Serial.ToLowerInvariant())));
        (twice.Errors.Single().Code, twice.Errors.Single().Args[0]).ShouldBe(("Units.SerialDuplicate", u[0].Serial));
        var sameByLabel = await _ship.CreateNote(Note(order, 2, Lines(u[0].Serial, u[0].PublicCode)));
        sameByLabel.Errors.Single().Code.ShouldBe("Units.SerialDuplicate");
        (await _ship.CreateNote(Note(order, 2, u[0].Serial))).Errors.Single().Code.ShouldBe("Units.SerialCount");
        (await _ship.CreateNote(Note(order, 2, null))).Errors.Single().Code.ShouldBe("Units.SerialCount");

        (await Make.Query(db => db.DeliveryNotes.CountAsync(n => n.OrderId == order.Id))).ShouldBe(0);
        await AgreeAsync(s.Product.Id, (s.Central.Id, 4));
    }

    [Fact]
    public async Task Two_drafts_cannot_pick_one_unit_and_a_unit_moved_since_the_draft_stops_the_shipment_with_nothing_kept()
    {
        var s = await SetupAsync(4);
        var order = await OrderAsync(s, 4);
        var u = s.Units;
        var first = (await _ship.CreateNote(Note(order, 2, Lines(u[0].Serial, u[1].Serial)))).Value!;
        var again = await _ship.CreateNote(Note(order, 1, u[1].Serial));
        (again.Errors.Single().Code, again.Errors.Single().Args[0], again.Errors.Single().Args[1]).ShouldBe(("Units.OnDraftNote", u[1].Serial, first.Number));

        // The unit leaves the warehouse by a transfer after it was picked: shipping the draft is refused, nothing moves.
        var other = await Make.Warehouse();
        (await Transfer(new TransferStock(s.Central.Id, other.Id, [new StockQuantity(s.Product.Id, 1, u[0].Serial)]))).Errors.ShouldBeEmpty();
        var shipped = await _ship.Ship(first.Id);
        (shipped.Errors.Single().Code, shipped.Errors.Single().Args[0]).ShouldBe(("Units.WrongWarehouse", u[0].Serial));
        (await _ship.Note(first.Id)).Status.ShouldBe(DeliveryNoteStatus.Draft);
        (await _ship.Order(order.Id)).Lines.Single().ShippedQuantity.ShouldBe(0);
        (await UnitOf(u[1].Id)).WarehouseId.ShouldBe(s.Central.Id);
        await AgreeAsync(s.Product.Id, (s.Central.Id, 3), (other.Id, 1), (s.PartnerWarehouse.Id, 0));
    }

    [Fact]
    public async Task Another_tenants_serial_is_unknown()
    {
        var mine = await SetupAsync(2);
        var theirs = await SetupAsync(2, "other");
        var order = await OrderAsync(mine, 1);
        var result = await _ship.CreateNote(Note(order, 1, theirs.Units[0].Serial));
        (result.Errors.Single().Code, result.Errors.Single().Args[0]).ShouldBe(("Units.SerialUnknown", theirs.Units[0].Serial));
        (await _ship.CreateNote(Note(order, 1, theirs.Units[0].PublicCode))).Errors.Single().Code.ShouldBe("Units.SerialUnknown");
        var transfer = await Transfer(new TransferStock(mine.Central.Id, mine.PartnerWarehouse.Id, [new StockQuantity(mine.Product.Id, 1, theirs.Units[1].Serial)]));
        transfer.Errors.Single().Code.ShouldBe("Units.SerialUnknown");
        await AgreeAsync(mine.Product.Id, (mine.Central.Id, 2));
    }

    // ---------------------------------------------------------------- transfers

    private Task<Result<string>> Transfer(TransferStock command, string email = WarehouseUser) =>
        app.Handle<TransferStockHandler, Result<string>>("demo", email, h => h.HandleAsync(command));

    [Fact]
    public async Task A_transfer_moves_exactly_the_named_units_and_gives_them_to_the_target_warehouses_owner()
    {
        var s = await SetupAsync(5);
        var u = s.Units;
        var number = await Transfer(new TransferStock(s.Central.Id, s.PartnerWarehouse.Id, [new StockQuantity(s.Product.Id, 2, $"{u[3].Serial}\t{u[4].Serial}")]));
        number.Errors.ShouldBeEmpty();
        await AgreeAsync(s.Product.Id, (s.Central.Id, 3), (s.PartnerWarehouse.Id, 2));
        var moved = await UnitOf(u[4].Id);
        (moved.WarehouseId, moved.OwnerPartnerId).ShouldBe((s.PartnerWarehouse.Id, s.Partner.Id));
        (await EventsOf(u[4].Id)).Last().ShouldSatisfyAllConditions(
            e => e.Kind.ShouldBe(UnitEventKind.Transferred), e => e.DocumentNumber.ShouldBe(number.Value), e => e.WarehouseId.ShouldBe(s.PartnerWarehouse.Id));

        // Back again: a unit that is not in the source warehouse is refused by name, nothing moves.
        var wrong = await Transfer(new TransferStock(s.PartnerWarehouse.Id, s.Central.Id, [new StockQuantity(s.Product.Id, 2, Lines(u[4].Serial, u[0].Serial))]));
        (wrong.Errors.Single().Code, wrong.Errors.Single().Field, wrong.Errors.Single().Args[0]).ShouldBe(("Units.WrongWarehouse", "Lines[0].Serials", u[0].Serial));
        await AgreeAsync(s.Product.Id, (s.Central.Id, 3), (s.PartnerWarehouse.Id, 2));
    }

    [Fact]
    public async Task A_transfer_of_a_serialised_product_without_serials_or_serials_on_a_plain_product_is_refused()
    {
        var s = await SetupAsync(2);
        var plain = await Make.Product();
        (await Make.Receive(s.Central.Id, plain.Id, 5)).Errors.ShouldBeEmpty();
        var result = await Transfer(new TransferStock(s.Central.Id, s.PartnerWarehouse.Id,
            [new StockQuantity(s.Product.Id, 1), new StockQuantity(plain.Id, 1, "X-1")]));
        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("Units.SerialCount", "Lines[0].Serials"), ("Units.SerialsNotExpected", "Lines[1].Serials")], ignoreOrder: true);
        (await Make.OnHand(s.PartnerWarehouse.Id, plain.Id)).ShouldBe(0);
        await AgreeAsync(s.Product.Id, (s.Central.Id, 2));
    }

    // ---------------------------------------------------------------- sell-out

    private Task<Result<RecordedSellOut>> Sell(string email, Guid warehouseId, Guid productId, decimal quantity, string? serials) =>
        app.Handle<RecordSellOutHandler, Result<RecordedSellOut>>("demo", email, h => h.HandleAsync(new RecordSellOut(warehouseId,
            new SellOutCustomer("Budi Santoso", "0812-7777-0001"), FulfilmentBuilders.Today, "NOTA-1", [new SellOutLineInput(productId, quantity, 2_000_000m, serials)])));

    [Fact]
    public async Task A_sell_out_sells_exactly_the_named_units_to_the_customer_and_a_unit_sells_once()
    {
        var s = await SetupAsync(4);
        var u = s.Units;
        (await Transfer(new TransferStock(s.Central.Id, s.PartnerWarehouse.Id, [new StockQuantity(s.Product.Id, 3, Lines(u[0].Serial, u[1].Serial, u[2].Serial))]))).Errors.ShouldBeEmpty();
        var partnerUser = await PartnerUsers.CreateAsync(app, s.Partner.Id);

        var sale = await Sell(partnerUser, s.PartnerWarehouse.Id, s.Product.Id, 2, Lines(u[0].Serial, u[1].PublicCode));
        sale.Errors.ShouldBeEmpty();
        await AgreeAsync(s.Product.Id, (s.PartnerWarehouse.Id, 1), (s.Central.Id, 1));
        var sold = await UnitOf(u[1].Id);
        (sold.Status, sold.CustomerId, sold.SoldOn, sold.WarehouseId, sold.OwnerPartnerId)
            .ShouldBe((UnitStatus.Sold, (Guid?)sale.Value!.CustomerId, (DateOnly?)FulfilmentBuilders.Today, null, (Guid?)s.Partner.Id));
        var soldOut = (await EventsOf(u[1].Id)).Last();
        (soldOut.Kind, soldOut.DocumentNumber, soldOut.CustomerId, soldOut.WarehouseId).ShouldBe((UnitEventKind.SoldOut, sale.Value.Number, sale.Value.CustomerId, s.PartnerWarehouse.Id));
        // The unit page names the documents, the partner and the customer of the chain.
        var page = (await app.Handle<GetUnitHandler, Result<UnitDetails>>("demo", "cs@demo.test", h => h.HandleAsync(new GetUnit(u[1].Id)))).Value!;
        page.History.Select(h => (h.Kind, h.PartnerName, h.CustomerName)).TakeLast(2).ShouldBe([
            (UnitEventKind.Transferred, s.Partner.LegalName, null), (UnitEventKind.SoldOut, s.Partner.LegalName, "Budi Santoso")]);
        (page.Status, page.CustomerName, page.OwnerPartnerName).ShouldBe((UnitStatus.Sold, "Budi Santoso", s.Partner.LegalName));

        var again = await Sell(partnerUser, s.PartnerWarehouse.Id, s.Product.Id, 2, Lines(u[1].Serial, u[2].Serial));
        (again.Errors.Single().Code, again.Errors.Single().Args[0]).ShouldBe(("Units.AlreadySold", u[1].Serial));
        (await Make.Query(db => db.SellOuts.CountAsync(x => x.WarehouseId == s.PartnerWarehouse.Id))).ShouldBe(1);
        (await UnitOf(u[2].Id)).Status.ShouldBe(UnitStatus.InStock);
        await AgreeAsync(s.Product.Id, (s.PartnerWarehouse.Id, 1));
    }

    [Fact]
    public async Task A_partner_cannot_sell_or_even_see_another_partners_or_the_principals_units()
    {
        var a = await SetupAsync(3);
        var u = a.Units;
        (await Transfer(new TransferStock(a.Central.Id, a.PartnerWarehouse.Id, [new StockQuantity(a.Product.Id, 1, u[0].Serial)]))).Errors.ShouldBeEmpty();
        var b = await Make.Partner();
        var bWarehouse = await Make.Warehouse(b.Id);
        (await Transfer(new TransferStock(a.Central.Id, bWarehouse.Id, [new StockQuantity(a.Product.Id, 1, u[1].Serial)]))).Errors.ShouldBeEmpty();
        var aUser = await PartnerUsers.CreateAsync(app, a.Partner.Id);

        // Partner B's unit and the principal's unit are simply unknown to partner A (not "in another warehouse").
        var result = await Sell(aUser, a.PartnerWarehouse.Id, a.Product.Id, 2, Lines(u[1].Serial, u[2].Serial));
        (result.Errors.Single().Code, result.Errors.Single().Args[0]).ShouldBe(("Units.SerialUnknown", $"{u[1].Serial}, {u[2].Serial}"));
        await AgreeAsync(a.Product.Id, (a.PartnerWarehouse.Id, 1), (bWarehouse.Id, 1), (a.Central.Id, 1));
    }

    // ---------------------------------------------------------------- imports

    private const string SellOutHeader = "Date;Reference;WarehouseCode;CustomerName;CustomerPhone;SKU;Quantity;Serials";

    [Fact]
    public async Task A_sell_out_file_sells_the_units_of_its_serials_column_and_a_wrong_serial_is_shown_on_its_row_with_nothing_written()
    {
        var s = await SetupAsync(4);
        var u = s.Units;
        (await Transfer(new TransferStock(s.Central.Id, s.PartnerWarehouse.Id, [new StockQuantity(s.Product.Id, 4, Lines(u.Select(x => x.Serial).ToArray()))]))).Errors.ShouldBeEmpty();
        var user = await PartnerUsers.CreateAsync(app, s.Partner.Id);
        var day = FulfilmentBuilders.Today.AddDays(-1).ToString("yyyy-MM-dd");
        byte[] Csv(params string[] rows) => TestFiles.Csv(string.Join("\n", [SellOutHeader, .. rows]));

        var bad = await app.ImportAsync<Sidig.Web.Features.Import.Importers.SellOutImporter>(user, Csv(
            $"{day};N-1;{s.PartnerWarehouse.Code};Budi;0812-5555-0101;{s.Product.Sku};2;{u[0].Serial} NO-SUCH",
            $"{day};N-2;{s.PartnerWarehouse.Code};Sari;0812-5555-0102;{s.Product.Sku};1;{u[1].Serial}"), "sell-out.csv");
        bad.Problems.ShouldBe([(2, "Serials", "Units.SerialUnknown")]);
        bad.ShouldHaveWrittenNothing();
        await AgreeAsync(s.Product.Id, (s.PartnerWarehouse.Id, 4));

        var good = await app.ImportAsync<Sidig.Web.Features.Import.Importers.SellOutImporter>(user, Csv(
            $"{day};N-1;{s.PartnerWarehouse.Code};Budi;0812-5555-0101;{s.Product.Sku};2;\"{u[0].Serial.ToLowerInvariant()};{u[1].Serial}\"",
            $"{day};N-2;{s.PartnerWarehouse.Code};Sari;0812-5555-0102;{s.Product.Sku};1;{u[2].PublicCode}"), "sell-out.csv");
        good.Written.ShouldBe(2);
        (await UnitOf(u[1].Id)).Status.ShouldBe(UnitStatus.Sold);
        (await UnitOf(u[2].Id)).Status.ShouldBe(UnitStatus.Sold);
        await AgreeAsync(s.Product.Id, (s.PartnerWarehouse.Id, 1));

        var missing = await app.ImportAsync<Sidig.Web.Features.Import.Importers.SellOutImporter>(user, Csv(
            $"{day};N-3;{s.PartnerWarehouse.Code};Budi;0812-5555-0101;{s.Product.Sku};1;"), "sell-out.csv");
        missing.Problems.ShouldBe([(2, "Serials", "Units.SerialCount")]);
    }

    [Fact]
    public async Task Opening_stock_of_a_serialised_product_is_refused_on_its_row()
    {
        var s = await SetupAsync(1);
        var outcome = await app.ImportAsync<Sidig.Web.Features.Import.Importers.OpeningStockImporter>("admin@demo.test",
            TestFiles.Csv($"WarehouseCode;SKU;Quantity;MinLevel\n{s.PartnerWarehouse.Code};{s.Product.Sku};5;"), "stok-awal.csv");
        outcome.Problems.ShouldBe([(2, "SKU", "Units.ReceiveByBatch")]);
        outcome.ShouldHaveWrittenNothing();
        await AgreeAsync(s.Product.Id, (s.PartnerWarehouse.Id, 0), (s.Central.Id, 1));
    }

    // ---------------------------------------------------------------- stock audits

    [Fact]
    public async Task A_count_that_differs_on_a_serialised_product_is_not_posted_and_names_the_product()
    {
        var s = await SetupAsync(3);
        Task<Result<T>> As<THandler, T>(Func<THandler, Task<Result<T>>> call) where THandler : notnull => app.Handle<THandler, Result<T>>("demo", "admin@demo.test", call);
        var opened = await As<Sidig.Web.Features.StockAudits.OpenStockAuditHandler, Guid>(h => h.HandleAsync(new Sidig.Web.Features.StockAudits.OpenStockAudit(s.Central.Id, false, null)));
        opened.Errors.ShouldBeEmpty();
        (await app.Handle<Sidig.Web.Features.StockAudits.CountStockAuditHandler, Result>("demo", "admin@demo.test",
            h => h.HandleAsync(new Sidig.Web.Features.StockAudits.CountStockAudit(opened.Value, [new Sidig.Web.Features.StockAudits.StockCount(s.Product.Id, 2)])))).Errors.ShouldBeEmpty();
        (await app.Handle<Sidig.Web.Features.StockAudits.SubmitStockAuditHandler, Result>("demo", "admin@demo.test",
            h => h.HandleAsync(new Sidig.Web.Features.StockAudits.SubmitStockAudit(opened.Value)))).Errors.ShouldBeEmpty();
        var approved = await app.Handle<Sidig.Web.Features.StockAudits.ApproveStockAuditHandler, Result>("demo", "admin@demo.test",
            h => h.HandleAsync(new Sidig.Web.Features.StockAudits.ApproveStockAudit(opened.Value)));
        (approved.Errors.Single().Code, approved.Errors.Single().Args[0]).ShouldBe(("Units.AuditSerialised", s.Product.Sku));
        (await Make.Query(db => db.StockAudits.SingleAsync(a => a.Id == opened.Value))).Status.ShouldBe(StockAuditStatus.Submitted);
        await AgreeAsync(s.Product.Id, (s.Central.Id, 3));
    }

    // ---------------------------------------------------------------- returns (credit notes)

    [Fact]
    public async Task A_credit_note_returns_exactly_the_named_units_from_the_partners_warehouse_and_both_warehouses_still_agree()
    {
        var s = await SetupAsync(3);
        var u = s.Units;
        var order = await OrderAsync(s, 2);
        var note = (await _ship.CreateNote(Note(order, 2, Lines(u[0].Serial, u[1].Serial)))).Value!;
        (await _ship.Ship(note.Id)).Errors.ShouldBeEmpty();
        (await _ship.Deliver(note.Id, FulfilmentBuilders.Today)).Errors.ShouldBeEmpty();
        var invoice = await _ship.Issue(new Sidig.Web.Features.Invoicing.IssueInvoice([note.Id]));
        invoice.Errors.ShouldBeEmpty();
        var invoiceLine = (await _ship.Invoice(invoice.Value!.Id)).Lines.Single();
        Task<Result<Sidig.Web.Features.Receivables.CreatedCreditNote>> Return(string serials) =>
            app.Handle<Sidig.Web.Features.Receivables.CreateCreditNoteHandler, Result<Sidig.Web.Features.Receivables.CreatedCreditNote>>("demo",
                FulfilmentBuilders.Finance, h => h.HandleAsync(new Sidig.Web.Features.Receivables.CreateCreditNote(invoice.Value.Id, s.Central.Id,
                    FulfilmentBuilders.Today, "Cacat produksi", [new Sidig.Web.Features.Receivables.ReturnLineInput(invoiceLine.Id, 1, serials)])));

        // The unit still in the principal's warehouse was never the partner's: refused, nothing stored.
        var wrong = await Return(u[2].Serial);
        (wrong.Errors.Single().Code, wrong.Errors.Single().Args[0]).ShouldBe(("Units.NotThePartners", u[2].Serial));
        (await Make.Query(db => db.CreditNotes.CountAsync(c => c.InvoiceId == invoice.Value.Id))).ShouldBe(0);

        var credit = await Return(u[1].Serial);
        credit.Errors.ShouldBeEmpty();
        var back = await UnitOf(u[1].Id);
        (back.Status, back.WarehouseId, back.OwnerPartnerId, back.DeliveredOn).ShouldBe((UnitStatus.InStock, s.Central.Id, null, null));
        var returned = (await EventsOf(u[1].Id)).Last();
        (returned.Kind, returned.DocumentNumber, returned.PartnerId).ShouldBe((UnitEventKind.Returned, credit.Value!.Number, s.Partner.Id));
        await AgreeAsync(s.Product.Id, (s.Central.Id, 2), (s.PartnerWarehouse.Id, 1));
    }

    // ---------------------------------------------------------------- receipts and adjustments

    [Fact]
    public async Task A_receipt_or_a_positive_adjustment_of_a_serialised_product_is_refused_and_points_to_batches()
    {
        var s = await SetupAsync(2);
        var receipt = await app.Handle<ReceiveStockHandler, Result<string>>("demo", WarehouseUser, h => h.HandleAsync(
            new ReceiveStock(s.Central.Id, [new StockQuantity(s.Product.Id, 3)])));
        (receipt.Errors.Single().Code, receipt.Errors.Single().Field).ShouldBe(("Units.ReceiveByBatch", "Lines[0].Product"));
        var adjust = await app.Handle<AdjustStockHandler, Result<string>>("demo", "admin@demo.test", h => h.HandleAsync(
            new AdjustStock(s.Central.Id, s.Product.Id, 1, "ketemu")));
        adjust.Errors.Single().Code.ShouldBe("Units.ReceiveByBatch");
        await AgreeAsync(s.Product.Id, (s.Central.Id, 2));
    }

    [Fact]
    public async Task A_negative_adjustment_writes_off_the_named_units_as_scrapped()
    {
        var s = await SetupAsync(3);
        Task<Result<string>> Adjust(decimal q, string? serials) => app.Handle<AdjustStockHandler, Result<string>>("demo", "admin@demo.test", h => h.HandleAsync(
            new AdjustStock(s.Central.Id, s.Product.Id, q, "Jatuh saat bongkar", serials)));

        (await Adjust(-1, null)).Errors.Single().Code.ShouldBe("Units.SerialCount");
        var number = await Adjust(-1, s.Units[2].Serial);
        number.Errors.ShouldBeEmpty();
        var scrapped = await UnitOf(s.Units[2].Id);
        (scrapped.Status, scrapped.WarehouseId).ShouldBe((UnitStatus.Scrapped, null));
        (await EventsOf(scrapped.Id)).Last().ShouldSatisfyAllConditions(e => e.Kind.ShouldBe(UnitEventKind.Scrapped),
            e => e.DocumentNumber.ShouldBe(number.Value), e => e.Note.ShouldBe("Jatuh saat bongkar"));
        (await Adjust(-1, s.Units[2].Serial)).Errors.Single().Code.ShouldBe("Units.NotInStock");
        await AgreeAsync(s.Product.Id, (s.Central.Id, 2));
    }

    // ---------------------------------------------------------------- the demo tenant

    [Fact]
    public async Task The_seeded_demo_tenant_has_units_behind_every_serialised_on_hand()
    {
        (await StockConsistencyCheck.FindAllUnitMismatchesAsync(app.Services)).ShouldBeEmpty();
        var output = new StringWriter();
        (await StockConsistencyCheck.RunAsync(app.Services, output)).ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("Units agree");
    }
}

public sealed class UnitMoveTests_Sqlite(SqliteApp app) : UnitMoveTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class UnitMoveTests_Postgres(PostgresApp app) : UnitMoveTests<PostgresApp>(app), IClassFixture<PostgresApp>;
