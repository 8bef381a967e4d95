using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;
using SkiaSharp;

namespace Sidig.Infrastructure.Seeding;

/// <summary>
/// Warranty registrations of demo units as buyers make them on the public form: approved ones (active warranty), one waiting
/// for its receipt to be checked, one flagged as a second registration of a unit, one rejected, and an expired one on a unit
/// of an older lot. Runs after <see cref="DemoUnitSeed"/>; units that were sold to customers are preferred.
/// </summary>
public sealed class DemoWarrantySeed(IServiceProvider sp, TimeProvider clock)
{
    private sealed record Buyer(string Name, string Phone, string Province, string Regency, string Seller);

    private static readonly Buyer[] Buyers =
    [
        new("Budi Santoso", "0812 3456 7801", "31", "31.74", "Toko Elektronik Sinar Jaya"),
        new("Siti Rahmawati", "0813 2222 4402", "32", "32.73", "Toko Makmur Elektronik"),
        new("Andi Wijaya", "0857 1111 2203", "35", "35.78", "Surya Elektronik"),
        new("Rina Kusuma", "0821 7777 8804", "32", "32.04", "Toko Bandung Jaya"),
        new("Dewi Lestari", "0877 5555 6605", "36", "36.71", "Toko Elektronik Sinar Jaya"),
        new("Hendra Gunawan", "0811 9000 1106", "31", "31.71", "Toko Makmur Elektronik"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        if (await db.WarrantyRegistrations.AnyAsync(ct)) return;
        var units = await (from u in db.Units
                           join p in db.Products on u.ProductId equals p.Id
                           join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id
                           where w.StartsOn == Domain.Catalog.WarrantyStart.Registration
                           orderby u.Status == UnitStatus.Sold ? 0 : 1, u.Serial
                           select new { Unit = u, Policy = w }).Take(4).ToListAsync(ct);
        if (units.Count < 4) return;
        var areas = sp.GetRequiredService<IndonesianAreas>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var receipt = Receipt();
        var made = await db.UnitBatches.Where(b => b.Id == units[0].Unit.BatchId).Select(b => b.ProducedOn).FirstAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        WarrantyRegistration Submit(Unit unit, Domain.Catalog.WarrantyPolicy policy, Buyer buyer, DateOnly on, DateTimeOffset at, DateOnly madeOn,
            RegistrationFlags flags = RegistrationFlags.None)
        {
            var input = new RegistrationInput(buyer.Name, buyer.Phone, null, on.AddDays(-3) < madeOn ? madeOn : on.AddDays(-3), null, buyer.Seller,
                buyer.Province, buyer.Regency, true);
            var (registration, registered) = WarrantyRegistration.Submit(unit, madeOn, input, new ReceiptPhoto(receipt, 800, 600), policy, flags,
                Guid.NewGuid(), RegistrationSource.Customer, null, on, at, areas);
            db.WarrantyRegistrations.Add(registration);
            if (registered is not null) db.UnitEvents.Add(registered);
            return registration;
        }

        async Task Approve(WarrantyRegistration registration, Unit unit, Buyer buyer, DateTimeOffset at)
        {
            var key = Customer.PhoneKeyOf(Domain.Common.ContactRules.IndonesianMobile(buyer.Phone).Value);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.PhoneKey == key, ct)
                           ?? db.Customers.Local.FirstOrDefault(c => c.PhoneKey == key);
            if (customer is null)
            {
                customer = Customer.Create(buyer.Name, Domain.Common.ContactRules.IndonesianMobile(buyer.Phone).Value, null, buyer.Province, buyer.Regency, null, areas);
                db.Customers.Add(customer);
            }
            db.UnitEvents.Add(registration.Approve(unit, customer.Id, "cs@demo.test", at));
        }

        // Two approved (the receipt was checked a day later), one waiting, one rejected.
        for (var i = 0; i < 2; i++)
        {
            var r = Submit(units[i].Unit, units[i].Policy, Buyers[i], today.AddDays(-6 + i), now.AddDays(-6 + i), made);
            await Approve(r, units[i].Unit, Buyers[i], now.AddDays(-5 + i));
        }
        Submit(units[2].Unit, units[2].Policy, Buyers[2], today, now.AddHours(-3), made);
        Submit(units[3].Unit, units[3].Policy, Buyers[3], today.AddDays(-2), now.AddDays(-2), made)
            .Reject("Foto nota tidak terbaca dan nama toko tidak sesuai.", "cs@demo.test", now.AddDays(-1));
        // Someone else registers the first (already registered) unit: held for review.
        Submit(units[0].Unit, units[0].Policy, Buyers[4], today.AddDays(-1), now.AddDays(-1), made, RegistrationFlags.DuplicateUnit);

        // An expired warranty: a unit of a lot made two and a half years ago, registered two years ago under a 12-month policy.
        var old = await (from p in db.Products
                         join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id
                         where p.IsSerialised && p.IsActive && w.StartsOn == Domain.Catalog.WarrantyStart.Registration && w.Months == 12
                         orderby p.Sku
                         select new { Product = p, Policy = w }).FirstOrDefaultAsync(ct);
        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Code == "WH-CKR", ct);
        if (old is not null && warehouse is not null)
        {
            var producedOn = today.AddMonths(-30);
            var first = await NumberSequences.ReserveAsync(db, "Serial:" + old.Product.Id.ToString("N"), "", 1, ct);
            var lot = $"L{producedOn:yyMMdd}-Z";
            var (batch, made1, events) = UnitBatch.Create(old.Product.Id, old.Product.Sku, lot, producedOn, 1, SerialPattern.Default, warehouse.Id, first,
                today, now.AddMonths(-30), "seed");
            db.UnitBatches.Add(batch);
            db.Units.AddRange(made1);
            db.UnitEvents.AddRange(events);
            var posted = await sp.GetRequiredService<StockLedger>().PostAsync(db, new StockDocument(UnitBatch.DocumentType, lot, batch.Id),
                [new StockLine(warehouse.Id, old.Product.Id, MovementType.Receipt, 1)], ct);
            if (!posted.Succeeded) throw new InvalidOperationException($"Demo unit batch {lot}: {posted.Errors[0].Code}");
            var registeredOn = today.AddMonths(-24);
            var at = now.AddMonths(-24);
            var expired = Submit(made1[0], old.Policy, Buyers[5], registeredOn, at, producedOn);
            await Approve(expired, made1[0], Buyers[5], at.AddDays(1));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A plain photo-sized JPEG standing in for a receipt.</summary>
    private static byte[] Receipt()
    {
        using var bitmap = new SKBitmap(800, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xFA, 0xF7, 0xEE));
            using var ink = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), StrokeWidth = 3 };
            for (var y = 120; y < 520; y += 40) canvas.DrawLine(80, y, 720, y, ink);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 70);
        return data.ToArray();
    }
}
