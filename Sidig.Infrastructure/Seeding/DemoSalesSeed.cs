using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;

namespace Sidig.Infrastructure.Seeding;

/// <summary>
/// Order-to-cash demo data on top of <see cref="DemoBusinessSeed"/>: orders in every status with their approvals and
/// history, delivery notes that moved stock through the ledger, invoices (paid, partly paid, overdue), payments (one
/// still waiting for finance), a return with its credit note, quotations, and an agent with commission rules and paid
/// invoices. Built with the domain's own methods, so the data obeys the same rules as what users enter. Invoices are
/// dated at least a month back, so this month's invoice numbers are still free for the user to issue.
/// </summary>
public sealed class DemoSalesSeed(IServiceProvider sp, TimeProvider clock)
{
    public const string AgentCustomer = "TOKO-BDG-01";
    private readonly StockLedger _ledger = sp.GetRequiredService<StockLedger>();

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        if (await db.SalesOrders.AnyAsync(ct) || !await db.Partners.AnyAsync(p => p.Code == DemoBusinessSeed.AgentBandung, ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = today.Year.ToString();
        var settings = SalesSettings.CreateDefault();
        db.SalesSettings.Add(settings);
        var ppn = (await db.CompanyProfiles.FirstAsync(ct)).Ppn;
        var bank = string.Join("\n", await db.BankAccounts.Select(b => $"{b.BankName} {b.AccountNumber} a.n. {b.AccountHolder}").ToListAsync(ct));

        var partners = await db.Partners.ToDictionaryAsync(p => p.Code, ct);
        var warehouses = await db.Warehouses.ToDictionaryAsync(w => w.Code, ct);
        var products = await db.Products.ToDictionaryAsync(p => p.Sku, ct);
        var agent = partners[DemoBusinessSeed.AgentBandung];
        var shop = Partner.Create(new PartnerDetails(AgentCustomer, "Toko Elektronik Priangan", PartnerType.Dealer, agent.Id, PriceTier.Dealer, null, null,
            "Jl. Asia Afrika No. 88", "32", "32.73", "40111", "+62 22 420 1188", "toko.priangan@mitra.test", "keuangan.priangan@mitra.test",
            ["32"], 14, 60_000_000, 6_000_000, null), sp.GetRequiredService<IndonesianAreas>(), [agent.Id]);
        db.Partners.Add(shop);
        partners[shop.Code] = shop;
        db.CommissionRules.AddRange(
            CommissionRule.Create(agent.Id, null, 0, 2m),
            CommissionRule.Create(agent.Id, null, 20_000_000, 3m),
            CommissionRule.Create(agent.Id, products["AC-10-INV"].Id, 0, 4m));
        await db.SaveChangesAsync(ct);

        var primary = warehouses["WH-CKR"];
        async Task<string> Next(string name, string prefix) => NumberSequences.Format(prefix, year, await NumberSequences.NextAsync(db, name, year, ct));

        async Task<List<SalesLineInput>> Price(Partner partner, params (string Sku, decimal Qty, decimal Discount)[] lines)
        {
            // The partner's valid lists, chosen by the domain's price rule (the app asks PriceLookupService, which does the same).
            var candidates = await (from pl in db.PriceLists.AsNoTracking()
                    where pl.IsActive && (pl.PartnerId == partner.Id || (pl.PartnerId == null && pl.Tier == partner.PriceTier))
                    from line in db.PriceListLines.Where(x => x.PriceListId == pl.Id)
                    select new { line.ProductId, C = new PriceCandidate(pl.Id, pl.Name, pl.PartnerId, pl.Tier, pl.ValidFrom, pl.ValidTo, line.MinQuantity, line.UnitPrice) })
                .ToListAsync(ct);
            return lines.Select(l =>
            {
                var p = products[l.Sku];
                var quote = PriceLookup.Find(candidates.Where(c => c.ProductId == p.Id).Select(c => c.C), partner.Id, partner.PriceTier, today, l.Qty)
                    ?? throw new InvalidOperationException($"Demo price for {p.Sku}");
                return new SalesLineInput(p.Id, p.Sku, p.Name, p.Unit, l.Qty, quote.UnitPrice, l.Discount, p.PpnKind, quote.PriceListName);
            }).ToList();
        }

        async Task<SalesOrder> Order(string partner, int daysAgo, string by, decimal discount, params (string Sku, decimal Qty, decimal Discount)[] lines)
        {
            var p = partners[partner];
            var order = SalesOrder.Create(await Next("SalesOrder", "SO"), p.Id, p.ParentId == agent.Id ? agent.Id : null,
                p.ParentId == agent.Id ? OrderSource.Agent : OrderSource.Portal, today.AddDays(-daysAgo), primary.Id, $"PO-{p.Code}-{100 + daysAgo}", null,
                now.AddDays(-daysAgo), by);
            order.SetLines(await Price(p, lines), discount);
            db.SalesOrders.Add(order);
            return order;
        }

        async Task<DeliveryNote> Ship(SalesOrder order, int daysAgo, decimal share = 1m)
        {
            var partner = partners.Values.First(p => p.Id == order.PartnerId);
            var into = partner.Type == PartnerType.Distributor ? warehouses.Values.FirstOrDefault(w => w.OwnerPartnerId == partner.Id && w.IsActive) : null;
            var lines = order.Lines.Select(l => (l.Id, Math.Max(1, Math.Floor(l.Quantity * share)))).ToList();
            var note = DeliveryNote.Create(await Next("SJ", "SJ"), order, primary.Id, into?.Id, today.AddDays(-daysAgo),
                new ShippingDetails("PT Lintas Nusantara Logistik", "B 9123 KXT", "Slamet Riyadi", $"LNL{order.Number[^6..]}{daysAgo:00}"), null, lines,
                now.AddDays(-daysAgo), "warehouse@demo.test");
            note.Ship(now.AddDays(-daysAgo), "warehouse@demo.test");
            order.RecordShipped(note.QuantityByOrderLine(), now.AddDays(-daysAgo), "warehouse@demo.test");
            db.DeliveryNotes.Add(note);
            var moves = note.Lines.Select(l => new StockLine(primary.Id, l.ProductId, MovementType.ShipmentOut, -l.Quantity)).ToList();
            if (into is not null) moves.AddRange(note.Lines.Select(l => new StockLine(into.Id, l.ProductId, MovementType.Receipt, l.Quantity)));
            var posted = await _ledger.PostAsync(db, new StockDocument(StockLedger.DocumentDeliveryNote, note.Number, note.Id), moves, ct);
            if (!posted.Succeeded) throw new InvalidOperationException($"Demo delivery {note.Number}: {posted.Errors[0].Code}");
            return note;
        }

        void Deliver(SalesOrder order, DeliveryNote note, int daysAgo, string receivedBy)
        {
            note.MarkDelivered(today.AddDays(-daysAgo), today, receivedBy, "warehouse@demo.test");
            order.RecordDelivered(note.QuantityByOrderLine(), now.AddDays(-daysAgo), "warehouse@demo.test");
        }

        async Task<Invoice> Bill(SalesOrder order, DeliveryNote note, int daysAgo)
        {
            var partner = partners.Values.First(p => p.Id == order.PartnerId);
            var issued = today.AddDays(-daysAgo);
            var period = NumberPattern.Period(settings.InvoiceNumberPattern, issued);
            var number = NumberPattern.Format(settings.InvoiceNumberPattern, issued, await NumberSequences.NextAsync(db, "Invoice", period, ct));
            var lines = note.Lines.Select(l =>
            {
                var ol = order.Line(l.OrderLineId);
                return new InvoiceLineInput(order.Id, ol.Id, note.Id, ol.ProductId, ol.Sku, ol.ProductName, ol.Unit, l.Quantity, ol.UnitPrice,
                    SalesMath.NetShare(ol.NetAmount, ol.Quantity, l.Quantity), ol.PpnKind);
            }).ToList();
            var invoice = Invoice.Issue(number, partner.Id, order.AgentId, new InvoiceParty(partner.LegalName, partner.Npwp, partner.Nitku, partner.Address),
                issued, partner.PaymentTermDays, ppn, lines, bank, now.AddDays(-daysAgo), "finance@demo.test");
            note.AttachInvoice(invoice.Id);
            order.RecordInvoiced(note.QuantityByOrderLine(), invoice.Total, now.AddDays(-daysAgo), "finance@demo.test");
            db.Invoices.Add(invoice);
            return invoice;
        }

        Payment Pay(SalesOrder order, Invoice invoice, decimal amount, int daysAgo, string reference, bool confirmed = true)
        {
            var payment = Payment.Record(invoice, amount, PaymentMethod.BankTransfer, reference, today.AddDays(-daysAgo), today, confirmed,
                0, now.AddDays(-daysAgo), confirmed ? "finance@demo.test" : "distributor.sby@demo.test");
            if (confirmed) order.RecordSettled(invoice.PaidAmount + invoice.CreditedAmount, now.AddDays(-daysAgo), "finance@demo.test");
            db.Payments.Add(payment);
            return payment;
        }

        const string Jkt = DemoBusinessSeed.DistributorJakarta, Sby = DemoBusinessSeed.DistributorSurabaya;
        // Draft, awaiting approval (a discount above the threshold), approved, cancelled.
        await Order(Jkt, 1, "distributor@demo.test", 0, ("TV-43-FHD", 6, 0), ("DP-RC-18", 20, 0));
        var waiting = await Order(Sby, 2, "sales@demo.test", 0, ("MC-TL-8", 4, 15), ("DP-AF-45", 10, 0));
        waiting.Submit([new ApprovalNeed(ApprovalReason.Discount, "Diskon baris 15 % di atas batas 10 %")], now.AddDays(-2), "sales@demo.test");
        var approved = await Order(Jkt, 3, "distributor@demo.test", 0, ("AC-05-INV", 4, 0));
        approved.Submit([], now.AddDays(-3), "distributor@demo.test");
        var cancelled = await Order(Sby, 9, "sales@demo.test", 0, ("TV-32-HD", 5, 0));
        cancelled.Submit([], now.AddDays(-9), "sales@demo.test");
        cancelled.Cancel(now.AddDays(-8), "sales@demo.test", "Distributor mengganti pesanan dengan SO berikutnya");

        // Partially shipped, shipped, delivered.
        var partial = await Order(Jkt, 5, "distributor@demo.test", 0, ("DP-KE-17", 30, 0), ("DP-BL-15", 20, 0));
        partial.Submit([], now.AddDays(-5), "distributor@demo.test");
        await Ship(partial, 4, 0.5m);
        var shipped = await Order(Sby, 6, "sales@demo.test", 0, ("MC-2T-7", 6, 0));
        shipped.Submit([], now.AddDays(-6), "sales@demo.test");
        await Ship(shipped, 2);
        var delivered = await Order(Jkt, 8, "distributor@demo.test", 2, ("TV-50-4K", 3, 0), ("SC-REM-AC", 20, 0));
        delivered.Submit([], now.AddDays(-8), "distributor@demo.test");
        Deliver(delivered, await Ship(delivered, 7), 6, "Rudi (gudang Sinar Jaya)");

        // Invoiced: overdue and unpaid, partly paid, paid (with one more payment waiting for finance on another), returned.
        var overdue = await Order(Sby, 70, "sales@demo.test", 0, ("KL-2P-250", 4, 0), ("DP-MW-23", 6, 5));
        overdue.Submit([new ApprovalNeed(ApprovalReason.CreditLimit, "Piutang terbuka melebihi plafon kredit")], now.AddDays(-70), "sales@demo.test");
        overdue.Approve(now.AddDays(-69), "finance@demo.test", "Pembayaran bulan lalu sudah masuk; disetujui sekali ini");
        var n1 = await Ship(overdue, 68);
        Deliver(overdue, n1, 66, "Wati (Surya Timur)");
        await Bill(overdue, n1, 66);

        // Surya Timur pays in 45 days: this invoice is partly paid and not yet due.
        var partly = await Order(Sby, 45, "distributor.sby@demo.test", 0, ("AC-10-INV", 6, 0), ("SC-FLT-AC", 40, 0));
        partly.Submit([], now.AddDays(-45), "distributor.sby@demo.test");
        var n2 = await Ship(partly, 44);
        Deliver(partly, n2, 43, "Wati (Surya Timur)");
        var inv2 = await Bill(partly, n2, 40);
        Pay(partly, inv2, SalesMath.Rupiah(inv2.Total * 0.4m), 20, "BCA-TRF-88120");
        Pay(partly, inv2, 5_000_000, 1, "BCA-TRF-90433", confirmed: false);

        var paid = await Order(Jkt, 60, "distributor@demo.test", 0, ("TV-43-FHD", 5, 0));
        paid.Submit([], now.AddDays(-60), "distributor@demo.test");
        var n3 = await Ship(paid, 59);
        Deliver(paid, n3, 58, "Rudi (gudang Sinar Jaya)");
        var inv3 = await Bill(paid, n3, 58);
        Pay(paid, inv3, inv3.Total, 30, "MANDIRI-TRF-55102");

        var returned = await Order(Jkt, 55, "distributor@demo.test", 0, ("DP-AF-45", 10, 0));
        returned.Submit([], now.AddDays(-55), "distributor@demo.test");
        var n4 = await Ship(returned, 54);
        Deliver(returned, n4, 53, "Rudi (gudang Sinar Jaya)");
        var inv4 = await Bill(returned, n4, 50);
        var back = warehouses.Values.First(w => w.OwnerPartnerId == partners[Jkt].Id);
        var credit = CreditNote.Create(await Next("CN", "CN"), inv4, back.Id, today.AddDays(-35), "Retur: seluruh unit cacat produksi (elemen pemanas)",
            inv4.Lines.Select(l => (l.Id, l.Quantity)).ToList(), returned.Lines.ToDictionary(l => l.Id, l => l.DeliveredQuantity - l.ReturnedQuantity),
            now.AddDays(-35), "finance@demo.test");
        db.CreditNotes.Add(credit);
        returned.RecordReturned(credit.QuantityByOrderLine(), now.AddDays(-35), "finance@demo.test");
        returned.RecordSettled(inv4.PaidAmount + inv4.CreditedAmount, now.AddDays(-35), "finance@demo.test");
        // The goods came back into the distributor's warehouse they were delivered to.
        await PostOrThrow(db, new StockDocument(StockLedger.DocumentCreditNote, credit.Number, credit.Id),
            credit.Lines.Select(l => new StockLine(back.Id, l.ProductId, MovementType.Return, l.Quantity)).ToList(), ct);

        // The agent's customer: a quotation accepted into an order, invoiced and paid this month (commission), and open quotations.
        var offer = Quotation.Create(await Next("Quotation", "QUO"), shop.Id, agent.Id, today.AddDays(-50), today.AddDays(-20),
            await Price(shop, ("AC-10-INV", 3, 0), ("AC-05-INV", 2, 0), ("SC-KAP-35", 10, 0)), 0, "Penawaran paket AC untuk toko", now.AddDays(-50), "agent@demo.test");
        offer.MarkSent();
        var agentOrder = SalesOrder.Create(await Next("SalesOrder", "SO"), shop.Id, agent.Id, OrderSource.Quotation, today.AddDays(-48), primary.Id,
            null, "Dari penawaran " + offer.Number, now.AddDays(-48), "agent@demo.test", offer.Id);
        agentOrder.SetLines(offer.LineInputs(), offer.DiscountPercent);
        offer.Accept(agentOrder.Id, today.AddDays(-48));
        db.Quotations.Add(offer);
        db.SalesOrders.Add(agentOrder);
        agentOrder.Submit([], now.AddDays(-48), "agent@demo.test");
        var n5 = await Ship(agentOrder, 47);
        Deliver(agentOrder, n5, 45, "Asep (Toko Priangan)");
        var inv5 = await Bill(agentOrder, n5, 45);
        Pay(agentOrder, inv5, inv5.Total, Math.Min(today.Day - 1, 10), "BJB-TRF-20931");
        var open = Quotation.Create(await Next("Quotation", "QUO"), shop.Id, agent.Id, today.AddDays(-3), today.AddDays(11),
            await Price(shop, ("TV-55-4K", 2, 0), ("TV-43-FHD", 4, 0)), 3, "Harga khusus pembukaan cabang", now.AddDays(-3), "agent@demo.test");
        open.MarkSent();
        db.Quotations.Add(open);
        db.Quotations.Add(Quotation.Create(await Next("Quotation", "QUO"), partners[Sby].Id, null, today.AddDays(-40), today.AddDays(-10),
            await Price(partners[Sby], ("KL-2P-350", 5, 0)), 0, null, now.AddDays(-40), "sales@demo.test"));

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task PostOrThrow(SidigDbContext db, StockDocument document, IReadOnlyList<StockLine> lines, CancellationToken ct)
    {
        var posted = await _ledger.PostAsync(db, document, lines, ct);
        if (!posted.Succeeded) throw new InvalidOperationException($"Demo stock {document.Number}: {posted.Errors[0].Code}");
    }
}
