using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;

namespace Sidig.Infrastructure.Seeding;

/// <summary>
/// The demo's serialised units. First (full demo only) unit batches received into the central warehouse the way a user
/// creates them (domain batch, the product's serial counter, one stock receipt per batch). Then the rest of the seeded
/// stock of serialised products — receipts, opening stock, delivery notes, sell-outs, write-offs and count corrections
/// posted by quantity by the other seeds — is replayed in ledger order onto units: each quantity that came in gets units
/// (a batch behind its document), each that went out moves named units with the domain's own moves (shipped on the
/// note to the partner, delivered, sold out to the customer, scrapped). Every seeded on-hand is then backed by units in
/// that warehouse, and the unit page shows a real chain. Returns one unit's public code for the start banner.
/// </summary>
public sealed class DemoUnitSeed(IServiceProvider sp, TimeProvider clock)
{
    public const int UnitsPerBatch = 12;
    public const string SeedUser = "seed";

    public async Task<string?> SeedAsync(CancellationToken ct) => await SeedAsync(true, ct);

    public async Task<string?> SeedAsync(bool batches, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        if (!await db.Units.AnyAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (batches) await ReceiveBatchesAsync(db, ct);
            await BackSeededStockAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        return await db.Units.Where(u => u.Status == UnitStatus.InStock).OrderBy(u => u.Serial).Select(u => u.PublicCode).FirstOrDefaultAsync(ct);
    }

    private async Task ReceiveBatchesAsync(SidigDbContext db, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Code == "WH-CKR", ct);
        var products = await db.Products.Where(p => p.IsSerialised && p.IsActive).OrderBy(p => p.Sku).Take(4).ToListAsync(ct);
        if (warehouse is null) return;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ledger = sp.GetRequiredService<StockLedger>();
        foreach (var (product, i) in products.Select((p, i) => (p, i)))
        {
            var first = await NumberSequences.ReserveAsync(db, "Serial:" + product.Id.ToString("N"), "", UnitsPerBatch, ct);
            var lot = $"L{today.AddDays(-20 - i):yyMMdd}-{(char)('A' + i)}";
            var (batch, units, events) = UnitBatch.Create(product.Id, product.Sku, lot, today.AddDays(-20 - i), UnitsPerBatch,
                SerialPattern.Default, warehouse.Id, first, today, now, SeedUser);
            db.UnitBatches.Add(batch);
            db.Units.AddRange(units);
            db.UnitEvents.AddRange(events);
            var posted = await ledger.PostAsync(db, new StockDocument(UnitBatch.DocumentType, lot, batch.Id),
                [new StockLine(warehouse.Id, product.Id, MovementType.Receipt, UnitsPerBatch)], ct);
            if (!posted.Succeeded) throw new InvalidOperationException($"Demo unit batch {lot}: {posted.Errors[0].Code}");
        }
    }

    /// <summary>Replays the ledger of the serialised products onto units (see the class summary).</summary>
    private async Task BackSeededStockAsync(SidigDbContext db, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Where(p => p.IsSerialised).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);
        if (products.Count == 0) return;
        var ids = products.Keys.ToList();
        var movements = await db.StockMovements.AsNoTracking().Where(m => ids.Contains(m.ProductId)).ToListAsync(ct);
        if (movements.Count == 0) return;
        var owners = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.OwnerPartnerId, ct);
        var notes = await db.DeliveryNotes.AsNoTracking().ToDictionaryAsync(n => n.Id, ct);
        var sales = await db.SellOuts.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var existing = await db.Units.Where(u => u.Status == UnitStatus.InStock).ToListAsync(ct); // the batches just received (tracked)

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var made = now.AddDays(-120); // before any seeded document: a unit's history starts with its batch
        var pool = new Dictionary<(Guid Warehouse, Guid Product), Queue<Unit>>();
        Queue<Unit> Pool(Guid w, Guid p) => pool.TryGetValue((w, p), out var q) ? q : pool[(w, p)] = new Queue<Unit>();
        var events = new List<UnitEvent>();
        static DateTimeOffset On(DateOnly d) => new(d.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero); // 10:00 in Jakarta

        // One document at a time, in the order they were posted (each one's lines were posted together).
        var documents = movements.GroupBy(m => (m.DocumentType, m.DocumentNumber))
            .OrderBy(g => g.Min(m => m.At)).ThenBy(g => g.Min(m => m.Id)).ToList();
        foreach (var doc in documents)
        {
            var (type, number) = doc.Key;
            var document = new UnitDocument(type, doc.First().DocumentId ?? doc.First().CorrelationId, number);
            var moved = new Dictionary<Guid, Queue<Unit>>(); // product → units that left on this document's out lines
            foreach (var m in doc.Where(m => m.Quantity < 0).OrderBy(m => m.ProductId))
            {
                var from = Pool(m.WarehouseId, m.ProductId);
                if (from.Count < -m.Quantity)
                    throw new InvalidOperationException($"Demo units: {number} takes {-m.Quantity} of {products[m.ProductId]} but {from.Count} are there");
                var taken = Enumerable.Range(0, (int)-m.Quantity).Select(_ => from.Dequeue()).ToList();
                foreach (var unit in taken)
                {
                    switch (m.Type)
                    {
                        case MovementType.ShipmentOut when m.DocumentId is { } noteId && notes.TryGetValue(noteId, out var note):
                            events.Add(unit.Ship(m.WarehouseId, note.PartnerId, note.ToWarehouseId, document, note.ShippedAt ?? m.At, note.ShippedBy ?? SeedUser));
                            if (note.DeliveredOn is { } delivered)
                                events.Add(unit.MarkDelivered(note.PartnerId, delivered, document, On(delivered), note.DeliveryRecordedBy ?? SeedUser));
                            break;
                        case MovementType.TransferOut:
                            var into = doc.First(x => x.Type == MovementType.TransferIn && x.ProductId == m.ProductId && x.CorrelationId == m.CorrelationId).WarehouseId;
                            events.Add(unit.Transfer(m.WarehouseId, into, owners[into], document, m.At, m.UserName ?? SeedUser));
                            break;
                        case MovementType.SellOut when m.DocumentId is { } saleId && sales.TryGetValue(saleId, out var sale):
                            events.Add(unit.SellOut(m.WarehouseId, sale.CustomerId, sale.SoldOn, document, On(sale.SoldOn), sale.RecordedBy ?? SeedUser));
                            break;
                        default: // write-offs, count corrections
                            events.Add(unit.Scrap(m.WarehouseId, document, m.Reason, m.At, m.UserName ?? SeedUser));
                            break;
                    }
                }
                if (!moved.TryGetValue(m.ProductId, out var q)) moved[m.ProductId] = q = new Queue<Unit>();
                foreach (var unit in taken) q.Enqueue(unit);
            }
            foreach (var m in doc.Where(m => m.Quantity > 0).OrderBy(m => m.ProductId))
            {
                var into = Pool(m.WarehouseId, m.ProductId);
                if (m.Type is MovementType.TransferIn || m.Type is MovementType.Receipt && type == StockLedger.DocumentDeliveryNote)
                {
                    // The other half of a shipment or transfer: the units that left above, already moved here by their move.
                    for (var i = 0; i < m.Quantity; i++) into.Enqueue(moved[m.ProductId].Dequeue());
                    continue;
                }
                if (type == UnitBatch.DocumentType)
                {
                    foreach (var unit in existing.Where(u => u.BatchId == m.DocumentId)) into.Enqueue(unit);
                    continue;
                }
                // Stock that came in by quantity (a receipt, opening stock, a count's surplus): a batch of units behind it.
                var quantity = (int)m.Quantity;
                var first = await NumberSequences.ReserveAsync(db, "Serial:" + m.ProductId.ToString("N"), "", quantity, ct);
                var lot = Lot(number);
                var produced = today.AddDays(-125);
                var (batch, units, created) = UnitBatch.Create(m.ProductId, products[m.ProductId], lot, produced, quantity, SerialPattern.Default,
                    m.WarehouseId, first, today, made, SeedUser);
                db.UnitBatches.Add(batch);
                db.Units.AddRange(units);
                events.AddRange(created);
                foreach (var unit in units) into.Enqueue(unit);
            }
        }
        db.UnitEvents.AddRange(events);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A lot named after the document the stock came in on (lots allow letters, digits and - . _ /).</summary>
    private static string Lot(string documentNumber)
    {
        var lot = new string(documentNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '/' ? c : '-').ToArray());
        return lot.Length <= UnitBatch.LotMaxLength ? lot : lot[..UnitBatch.LotMaxLength];
    }
}
