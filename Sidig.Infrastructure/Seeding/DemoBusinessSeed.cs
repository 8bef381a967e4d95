using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;

namespace Sidig.Infrastructure.Seeding;

/// <summary>
/// The demo tenant's business data: a catalog of home appliances in categories with warranty policies and price
/// lists, a network of distributors with dealers, agents and a service centre across provinces, warehouses with
/// stock posted through the real ledger, sell-outs, allocations, and a completed and an open stock count. All of it
/// in one transaction, once: a tenant that already has products is left alone (idempotent restarts).
/// </summary>
internal sealed class DemoBusinessSeed(IServiceProvider sp, TimeProvider clock)
{
    private readonly IndonesianAreas _areas = sp.GetRequiredService<IndonesianAreas>();
    private readonly StockLedger _ledger = sp.GetRequiredService<StockLedger>();

    /// <summary>Partner codes of the seeded network, for binding the demo partner users.</summary>
    public const string DistributorJakarta = "DIST-JKT", DistributorSurabaya = "DIST-SBY", DealerJakarta = "DLR-JKT-01", AgentBandung = "AGT-BDG-01",
        ServiceCentreJakarta = "SC-JKT";

    public async Task SeedAsync(bool fullNetwork, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        if (await db.Products.AnyAsync(ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var year = new DateOnly(today.Year, 1, 1);

        // Catalog
        var root = Category.Create("ELEKTRONIK", "Elektronik Rumah Tangga");
        var categories = new Dictionary<string, Category>();
        foreach (var (code, name) in new[] { ("AC", "Pendingin Ruangan"), ("KULKAS", "Lemari Es"), ("MESIN-CUCI", "Mesin Cuci"),
                     ("TV", "Televisi"), ("DAPUR", "Peralatan Dapur"), ("SUKU-CADANG", "Suku Cadang") })
            categories[code] = Category.Create(code, name, root.Id);
        db.Categories.Add(root);
        db.Categories.AddRange(categories.Values);

        var reg12 = WarrantyPolicy.Create("Garansi 12 bulan (registrasi)", 12, WarrantyStart.Registration, 0,
            "Kerusakan pabrik pada suku cadang dan jasa perbaikan selama 12 bulan sejak registrasi.",
            "Factory defects in parts and labour for 12 months from registration.", true);
        var reg36 = WarrantyPolicy.Create("Garansi 36 bulan kompresor", 36, WarrantyStart.Registration, 0,
            "Kompresor 36 bulan, suku cadang lain 12 bulan, jasa servis 12 bulan sejak registrasi.",
            "Compressor 36 months, other parts and labour 12 months from registration.", true, 3, maintenanceMonths: 6); // AC: cleaning every 6 months
        var sell24 = WarrantyPolicy.Create("Garansi 24 bulan (sell-out)", 24, WarrantyStart.SellOut, 0,
            "Panel dan suku cadang 24 bulan sejak tanggal penjualan ke konsumen.",
            "Panel and parts for 24 months from the date of sale to the customer.", false);
        var del6 = WarrantyPolicy.Create("Garansi 6 bulan (kirim + 14 hari)", 6, WarrantyStart.DeliveryPlusGrace, 14,
            "Cacat produksi 6 bulan, dihitung 14 hari setelah tanggal pengiriman.",
            "Manufacturing defects for 6 months, counted from 14 days after delivery.", false);
        db.WarrantyPolicies.AddRange(reg12, reg36, sell24, del6);

        var catalog = new (string Sku, string Name, string Cat, string Unit, decimal Kg, bool Serial, decimal Min, WarrantyPolicy? Policy, decimal Price)[]
        {
            ("AC-05-INV", "AC Split Inverter 1/2 PK", "AC", "UNIT", 28, true, 10, reg36, 3_450_000),
            ("AC-10-INV", "AC Split Inverter 1 PK", "AC", "UNIT", 32, true, 10, reg36, 4_650_000),
            ("AC-15-INV", "AC Split Inverter 1,5 PK", "AC", "UNIT", 38, true, 5, reg36, 5_890_000),
            ("AC-20-STD", "AC Split Standar 2 PK", "AC", "UNIT", 45, true, 5, reg36, 6_990_000),
            ("AC-PORT-1", "AC Portable 1 PK", "AC", "UNIT", 25, true, 3, reg12, 3_990_000),
            ("KL-1P-180", "Kulkas 1 Pintu 180 L", "KULKAS", "UNIT", 35, true, 8, reg12, 2_150_000),
            ("KL-2P-250", "Kulkas 2 Pintu 250 L", "KULKAS", "UNIT", 48, true, 8, reg12, 3_750_000),
            ("KL-2P-350", "Kulkas 2 Pintu Inverter 350 L", "KULKAS", "UNIT", 62, true, 4, reg36, 5_450_000),
            ("KL-SBS-600", "Kulkas Side by Side 600 L", "KULKAS", "UNIT", 110, true, 2, reg36, 12_900_000),
            ("KL-SHOW-300", "Showcase Minuman 300 L", "KULKAS", "UNIT", 70, true, 2, reg12, 4_990_000),
            ("MC-TL-8", "Mesin Cuci Top Loading 8 kg", "MESIN-CUCI", "UNIT", 32, true, 6, reg12, 2_850_000),
            ("MC-TL-10", "Mesin Cuci Top Loading 10 kg", "MESIN-CUCI", "UNIT", 36, true, 6, reg12, 3_450_000),
            ("MC-FL-9", "Mesin Cuci Front Loading 9 kg Inverter", "MESIN-CUCI", "UNIT", 68, true, 3, reg36, 6_250_000),
            ("MC-2T-7", "Mesin Cuci 2 Tabung 7 kg", "MESIN-CUCI", "UNIT", 27, true, 8, reg12, 1_650_000),
            ("TV-32-HD", "LED TV 32 inci HD", "TV", "UNIT", 5, true, 10, sell24, 1_890_000),
            ("TV-43-FHD", "Smart TV 43 inci Full HD", "TV", "UNIT", 8, true, 8, sell24, 3_290_000),
            ("TV-50-4K", "Smart TV 50 inci 4K", "TV", "UNIT", 11, true, 5, sell24, 5_190_000),
            ("TV-55-4K", "Smart TV 55 inci 4K", "TV", "UNIT", 14, true, 4, sell24, 6_490_000),
            ("TV-65-4K", "Smart TV 65 inci 4K", "TV", "UNIT", 22, true, 2, sell24, 9_990_000),
            ("DP-RC-18", "Rice Cooker 1,8 L", "DAPUR", "PCS", 2.5m, false, 20, del6, 385_000),
            ("DP-BL-15", "Blender 1,5 L", "DAPUR", "PCS", 2, false, 20, del6, 295_000),
            ("DP-MW-23", "Microwave 23 L", "DAPUR", "UNIT", 12, true, 5, reg12, 1_350_000),
            ("DP-KE-17", "Ketel Listrik 1,7 L", "DAPUR", "PCS", 1.1m, false, 30, del6, 185_000),
            ("DP-AF-45", "Air Fryer 4,5 L", "DAPUR", "PCS", 4.2m, false, 15, del6, 799_000),
            ("DP-DP-2", "Dispenser Galon Bawah", "DAPUR", "UNIT", 14, true, 5, reg12, 1_590_000),
            ("SC-REM-AC", "Remote AC Universal", "SUKU-CADANG", "PCS", 0.2m, false, 50, null, 65_000),
            ("SC-FLT-AC", "Filter Udara AC", "SUKU-CADANG", "PCS", 0.1m, false, 100, null, 45_000),
            ("SC-KAP-35", "Kapasitor Kompresor 35 uF", "SUKU-CADANG", "PCS", 0.15m, false, 40, null, 85_000),
            ("SC-SEL-MC", "Selang Pembuangan Mesin Cuci", "SUKU-CADANG", "PCS", 0.4m, false, 40, null, 55_000),
            ("SC-FRN-R32", "Freon R32 (kg)", "SUKU-CADANG", "KG", 1, false, 25, null, 165_000),
        };
        var products = new Dictionary<string, Product>();
        foreach (var c in catalog)
        {
            var goods = c.Cat switch { "AC" => "84151010", "KULKAS" => "84182100", "MESIN-CUCI" => "84501110", "TV" => "85287292", _ => null };
            products[c.Sku] = Product.Create(new ProductDetails(c.Sku, c.Name, categories[c.Cat].Id, "Nusantara", c.Unit, c.Kg, goods,
                c.Serial, c.Min, c.Policy?.Id));
        }
        db.Products.AddRange(products.Values);

        // Partner network
        Partner P(string code, string name, PartnerType type, Partner? parent, string province, string regency, string? npwp,
            int terms, decimal credit, decimal? commission = null, params string[] territory)
        {
            var p = Partner.Create(new PartnerDetails(code, name, type, parent?.Id, Partner.DefaultTier(type), npwp, null,
                $"Jl. {name.Split(' ').Last()} Raya No. {code.Length * 7}", province, regency, null,
                "+62 21 555 " + (1000 + code.Length * 37), $"{code.ToLowerInvariant()}@mitra.test", $"finance.{code.ToLowerInvariant()}@mitra.test",
                territory.Length > 0 ? territory : [province], terms, credit, credit / 10, commission), _areas,
                parent is null ? [] : [parent.Id, .. parent.ParentId is { } gp ? new[] { gp } : []]);
            db.Partners.Add(p);
            return p;
        }
        var distJkt = P(DistributorJakarta, "PT Sinar Jaya Distribusi", PartnerType.Distributor, null, "31", "31.71", "0021345678901000", 30, 750_000_000, null, "31", "32", "36");
        var distSby = fullNetwork ? P(DistributorSurabaya, "PT Surya Timur Niaga", PartnerType.Distributor, null, "35", "35.78", "0031234567890000", 45, 500_000_000, null, "35", "52") : null;
        var distMdn = fullNetwork ? P("DIST-MDN", "PT Medan Raya Elektrindo", PartnerType.Distributor, null, "12", "12.71", "0041234567890000", 30, 350_000_000, null, "11", "12") : null;
        var partners = new List<Partner> { distJkt };
        Warehouse? primary2 = null;
        Warehouse W(string code, string name, Partner? owner, string province, string regency)
        {
            var w = Warehouse.Create(code, name, owner?.Id, $"Kawasan Industri {name.Split(' ').Last()}", province, regency, _areas);
            db.Warehouses.Add(w);
            return w;
        }
        var primary = W("WH-CKR", "Gudang Pusat Cikarang", null, "32", "32.16");
        var whJkt = W("WH-DIST-JKT", "Gudang Sinar Jaya Jakarta", distJkt, "31", "31.73");
        Warehouse? whSby = null, whMdn = null, whDlr = null;
        if (fullNetwork)
        {
            var dlrJkt = P(DealerJakarta, "Toko Elektronik Makmur", PartnerType.Dealer, distJkt, "31", "31.74", null, 14, 75_000_000);
            var dlrBks = P("DLR-BKS-01", "Toko Bekasi Elektronik", PartnerType.Dealer, distJkt, "32", "32.75", null, 14, 50_000_000);
            var dlrMlg = P("DLR-MLG-01", "Toko Malang Jaya", PartnerType.Dealer, distSby, "35", "35.73", null, 14, 50_000_000);
            var dlrMdn = P("DLR-MDN-01", "Toko Deli Elektronik", PartnerType.Dealer, distMdn, "12", "12.71", null, 14, 40_000_000);
            var agtBdg = P(AgentBandung, "CV Agen Priangan", PartnerType.Agent, null, "32", "32.73", null, 0, 0, 3m);
            var agtMks = P("AGT-MKS-01", "CV Agen Celebes", PartnerType.Agent, null, "73", "73.71", null, 0, 0, 2.5m);
            var scJkt = P(ServiceCentreJakarta, "PT Servis Prima Jakarta", PartnerType.ServiceCentre, null, "31", "31.71", "0051234567890000", 30, 0);
            partners.AddRange([distSby!, distMdn!, dlrJkt, dlrBks, dlrMlg, dlrMdn, agtBdg, agtMks, scJkt]);
            primary2 = W("WH-SBY", "Gudang Regional Surabaya", null, "35", "35.78");
            whSby = W("WH-DIST-SBY", "Gudang Surya Timur Surabaya", distSby, "35", "35.78");
            whMdn = W("WH-DIST-MDN", "Gudang Medan Raya", distMdn, "12", "12.71");
            whDlr = W("WH-DLR-JKT-01", "Gudang Toko Makmur", dlrJkt, "31", "31.74");
            W("WH-SC-JKT", "Gudang Suku Cadang Servis Prima", scJkt, "31", "31.71");
        }

        // Price lists: one per tier with volume breaks, and Sinar Jaya's own contract list.
        foreach (var (tier, name, factor) in new[] { (PriceTier.Distributor, "Harga Distributor", 0.78m), (PriceTier.Dealer, "Harga Dealer", 0.86m),
                     (PriceTier.Agent, "Harga Agen", 0.90m), (PriceTier.Retail, "Harga Retail (HET)", 1m) })
        {
            var list = PriceList.Create($"{name} {today.Year}", tier, null, year, year.AddYears(1).AddDays(-1));
            foreach (var c in catalog)
            {
                var basePrice = Round(c.Price * factor);
                list.SetPrice(products[c.Sku].Id, 1, basePrice);
                if (tier is PriceTier.Distributor or PriceTier.Dealer)
                {
                    list.SetPrice(products[c.Sku].Id, 10, Round(basePrice * 0.97m));
                    list.SetPrice(products[c.Sku].Id, 50, Round(basePrice * 0.94m));
                }
            }
            db.PriceLists.Add(list);
        }
        var contract = PriceList.Create($"Kontrak Sinar Jaya {today.Year}", PriceTier.Distributor, distJkt.Id, year, null);
        foreach (var sku in new[] { "AC-05-INV", "AC-10-INV", "TV-43-FHD", "KL-2P-250" })
            contract.SetPrice(products[sku].Id, 1, Round(catalog.First(c => c.Sku == sku).Price * 0.75m));
        db.PriceLists.Add(contract);

        // Allocations for this quarter.
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        foreach (var (partner, sku, qty) in new[] { (distJkt, "AC-10-INV", 120m), (distJkt, "TV-43-FHD", 80m) }
                     .Concat(fullNetwork ? [(distSby!, "AC-10-INV", 90m), (distMdn!, "KL-2P-250", 40m)] : []))
            db.Allocations.Add(Allocation.Create(partner.Id, products[sku].Id, quarterStart, quarterStart.AddMonths(3).AddDays(-1), qty));
        await db.SaveChangesAsync(ct);

        // Stock through the ledger: receipts into the principal's warehouses, opening stock at partners.
        var rnd = new Random(20261201);
        async Task Post(string type, string number, IEnumerable<StockLine> lines, Guid? documentId = null)
        {
            var result = await _ledger.PostAsync(db, new StockDocument(type, number, documentId), lines.ToList(), ct);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo stock {number}: {result.Errors[0].Code}");
        }
        await Post(StockLedger.DocumentReceipt, $"GR/{today.Year}/000001",
            products.Values.Select(p => new StockLine(primary.Id, p.Id, MovementType.Receipt, p.MinStockDefault * rnd.Next(2, 6))));
        var stocked = new List<Warehouse> { whJkt };
        if (fullNetwork) stocked.AddRange([primary2!, whSby!, whMdn!, whDlr!]);
        foreach (var w in stocked)
            await Post(StockLedger.DocumentOpening, $"OPEN/{w.Code}",
                products.Values.Where((_, i) => (i + w.Code.Length) % 3 != 0)
                    .Select(p => new StockLine(w.Id, p.Id, MovementType.Opening, Math.Max(1, Math.Round(p.MinStockDefault * rnd.Next(1, 4) / 2m)))));
        // Two products below their minimum in the main warehouse, for the low-stock alerts.
        foreach (var sku in new[] { "KL-SBS-600", "SC-FRN-R32" })
        {
            var p = products[sku];
            var onHand = await db.StockBalances.Where(b => b.WarehouseId == primary.Id && b.ProductId == p.Id).Select(b => b.OnHand).FirstAsync(ct);
            await Post(StockLedger.DocumentAdjustment, $"ADJ/{today.Year}/{sku}",
                [new StockLine(primary.Id, p.Id, MovementType.Adjustment, -(onHand - 1), "Barang rusak saat bongkar muat (data demo)")]);
        }

        // Sell-outs by Sinar Jaya to its customers.
        var customers = new[]
        {
            ("Budi Santoso", "0812-3456-7801", "31", "31.74"), ("Siti Rahmawati", "+62 813 2222 1902", "31", "31.71"),
            ("Andi Wijaya", "0857 1111 2203", "32", "32.75"), ("Dewi Lestari", "0821-9988-7704", "36", null as string),
        };
        var sellable = products.Values.Where(p => p.Sku.StartsWith("TV") || p.Sku.StartsWith("DP")).ToList();
        for (var i = 0; i < customers.Length; i++)
        {
            var (name, phone, prov, reg) = customers[i];
            var customer = Customer.Create(name, phone, null, prov, reg, distJkt.Id, _areas);
            db.Customers.Add(customer);
            var candidates = await db.StockBalances.Where(b => b.WarehouseId == whJkt.Id && b.OnHand >= 2).Select(b => b.ProductId).ToListAsync(ct);
            var product = sellable.First(p => candidates.Contains(p.Id) && sellable.IndexOf(p) >= i);
            var number = NumberSequences.Format("SLO", today.Year.ToString(), await NumberSequences.NextAsync(db, "SLO", today.Year.ToString(), ct));
            var sale = SellOut.Record(number, distJkt.Id, whJkt.Id, customer.Id, today.AddDays(-3 * i - 1), today, $"NOTA-{1001 + i}",
                SellOutSource.Manual, [(product.Id, 1m, Round(catalog.First(c => c.Sku == product.Sku).Price))], clock.GetUtcNow(), "Demo");
            db.SellOuts.Add(sale);
            await Post(StockLedger.DocumentSellOut, number, [new StockLine(whJkt.Id, product.Id, MovementType.SellOut, -1m)], sale.Id);
        }

        if (fullNetwork)
        {
            // A completed count in Surabaya (posted with two corrections) and an open one in Medan.
            var period = today.Year.ToString();
            async Task<StockAudit> OpenAudit(Warehouse w, bool blind)
            {
                var expected = await db.StockBalances.Where(b => b.WarehouseId == w.Id && b.OnHand != 0).ToDictionaryAsync(b => b.ProductId, b => b.OnHand, ct);
                var number = NumberSequences.Format("SOP", period, await NumberSequences.NextAsync(db, "SOP", period, ct));
                var audit = StockAudit.Open(number, w.Id, blind, "Stock opname demo", expected, clock.GetUtcNow(), "warehouse@demo.test");
                db.StockAudits.Add(audit);
                return audit;
            }
            var done = await OpenAudit(primary2!, false);
            foreach (var (line, i) in done.Lines.Select((l, i) => (l, i)))
                done.Count(line.ProductId, i switch { 0 => line.Expected - 1, 1 => line.Expected + 2, _ => line.Expected });
            done.Submit(false, clock.GetUtcNow(), "warehouse@demo.test");
            var corrections = done.Approve(clock.GetUtcNow(), "admin@demo.test");
            await Post(StockLedger.DocumentAudit, done.Number, corrections.Select(c => new StockLine(primary2!.Id, c.ProductId, MovementType.AuditCorrection, c.Variance)), done.Id);
            var open = await OpenAudit(whMdn!, true);
            foreach (var line in open.Lines.Take(3)) open.Count(line.ProductId, line.Expected);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Prices end in whole thousands of rupiah, as price lists do.</summary>
    private static decimal Round(decimal value) => Math.Round(value / 1000m, MidpointRounding.AwayFromZero) * 1000m;
}
