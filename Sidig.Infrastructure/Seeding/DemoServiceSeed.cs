using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Partners;
using Sidig.Domain.Service;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Seeding;

/// <summary>
/// Service tickets through the real domain methods, in every status, some past their SLA: a warranty claim ending in a
/// replacement unit shipped from the central warehouse (ledger, both units linked), a repair by the Jakarta service centre
/// with a part out of its warehouse, a rejected claim on an expired warranty, a resolved and rated one. Runs after the
/// warranty seed; the users (technician, customer service) are seeded before it.
/// </summary>
public sealed class DemoServiceSeed(IServiceProvider sp, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync(ct);
        if (await db.Tickets.AnyAsync(ct)) return;
        var tenant = sp.GetRequiredService<TenantContext>().Tenant;
        var rules = await ServiceRules.LoadAsync(db, tenant.TimeZoneId, ct);
        var ledger = sp.GetRequiredService<StockLedger>();
        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc).Year
            .ToString(CultureInfo.InvariantCulture);
        var technician = await db.Users.AsNoTracking().Where(u => u.Email == $"technician@{tenant.Slug}.test").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var centre = await db.Partners.AsNoTracking().Where(p => p.Type == PartnerType.ServiceCentre).OrderBy(p => p.Code).FirstOrDefaultAsync(ct);
        var expired = await db.Units.Where(u => u.RegisteredOn != null && u.RegisteredOn < DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-13))
            .OrderBy(u => u.Serial).FirstOrDefaultAsync(ct);
        var anyUnits = await db.Units.Where(u => u.Status == UnitStatus.InStock).OrderBy(u => u.Serial).Take(4).ToListAsync(ct);
        if (technician is null || anyUnits.Count < 4) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        async Task<Ticket> Open(TicketType type, TicketPriority priority, Unit? unit, string customer, string phone, string text, TimeSpan ago,
            TicketSource source = TicketSource.Staff)
        {
            var number = $"TK-{year}-{await NumberSequences.NextAsync(db, "TK", year, ct):000000}";
            var ticket = Ticket.Open(number, new TicketInput(type, priority, unit?.Id, text, customer, phone, null), source,
                source == TicketSource.Partner ? centre?.Id : null, $"cs@{tenant.Slug}.test", now - ago, rules.Targets(type, priority), rules.Calendar);
            db.Tickets.Add(ticket);
            return ticket;
        }
        void Say(Ticket t, TicketMessageKind kind, string body, TimeSpan ago, string who = "Customer Service Demo") =>
            db.TicketMessages.Add(t.Write(kind, body, null, who, now - ago, rules.Calendar));
        var techAssignee = TicketAssignee.User(technician.Id, technician.DisplayName);
        TimeSpan H(double hours) => TimeSpan.FromHours(hours);

        // New: one just in, one whose first response is long overdue (escalated by the job).
        await Open(TicketType.Complaint, TicketPriority.Normal, null, "Yuliana Putri", "0812 7000 1001", "Kurir mengirim unit dengan kardus penyok.", H(1));
        var late = await Open(TicketType.Repair, TicketPriority.High, anyUnits[0], "Bambang Susilo", "0812 7000 1002", "TV mati total setelah hujan petir.", H(80));
        late.MarkEscalated(now - H(2));
        // Acknowledged installation for the technician; waiting on a customer's photo.
        var install = await Open(TicketType.Installation, TicketPriority.Normal, anyUnits[1], "Citra Ayu", "0812 7000 1003", "Mohon pemasangan AC di lantai 2.", H(20));
        install.Assign(techAssignee);
        Say(install, TicketMessageKind.Reply, "Teknisi kami, Andi, akan datang besok pukul 10.00.", H(18));
        var waiting = await Open(TicketType.Complaint, TicketPriority.Low, anyUnits[2], "Dodi Prasetyo", "0812 7000 1004", "Remote tidak berfungsi.", H(30));
        Say(waiting, TicketMessageKind.Reply, "Mohon kirim foto remote dan baterainya.", H(28));
        waiting.MoveTo(TicketStatus.WaitingOnCustomer, null, now - H(28), rules.Calendar);
        // In progress at the service centre, resolution overdue; a part out of its warehouse.
        if (centre is not null && await RepairAsync(centre, anyUnits[3]) is false) return;
        // A claim replaced from the central warehouse, resolved; a closed, rated repair; a claim rejected on an expired warranty.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sold = await (from u in db.Units.Where(u => u.Status == UnitStatus.Sold)
                          join p in db.Products on u.ProductId equals p.Id
                          join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id
                          orderby u.RegisteredOn == null, u.Serial
                          select new { Unit = u, Policy = w }).Take(200).ToListAsync(ct);
        // The claim: a sold unit in warranty with a spare of its product in a principal warehouse.
        foreach (var candidate in sold.Where(c => c.Unit.Warranty(c.Policy, today).State == WarrantyState.Active))
        {
            var old = candidate.Unit;
            var spare = await db.Units.Where(u => u.ProductId == old.ProductId && u.Status == UnitStatus.InStock && u.OwnerPartnerId == null && u.WarehouseId != null)
                .OrderBy(u => u.Serial).FirstOrDefaultAsync(ct);
            if (spare is null) continue;
            var claim = await Open(TicketType.WarrantyClaim, TicketPriority.High, old, "Budi Santoso", "0812 3456 7801", "Kompresor berbunyi keras lalu mati.", H(70));
            claim.DecideClaim(true, ClaimOutcome.Replacement, "Kompresor cacat produksi.", old.Warranty(candidate.Policy, today), now - H(60));
            var document = new UnitDocument(Ticket.DocumentType, claim.Id, claim.Number);
            var from = spare.WarehouseId!.Value;
            var (replaced, replacing) = old.ReplaceWith(spare, from, document, now - H(50), $"cs@{tenant.Slug}.test");
            db.UnitEvents.AddRange(replaced, replacing);
            claim.RecordReplacement(spare.Id, now - H(50));
            Say(claim, TicketMessageKind.Reply, $"Unit pengganti {spare.Serial} sudah dikirim.", H(50));
            claim.MoveTo(TicketStatus.Resolved, $"Unit diganti dengan {spare.Serial}.", now - H(40), rules.Calendar);
            var posted = await ledger.PostAsync(db, new StockDocument(Ticket.DocumentType, claim.Number, claim.Id),
                [new StockLine(from, old.ProductId, MovementType.ServiceOut, -1, $"{old.Serial} → {spare.Serial}")], ct);
            if (!posted.Succeeded) throw new InvalidOperationException($"Demo replacement: {posted.Errors[0].Code}");
            break;
        }
        var rated = await Open(TicketType.Repair, TicketPriority.Normal, anyUnits[0], "Siti Rahmawati", "0813 2222 4402",
            "Mesin cuci tidak membuang air.", H(120));
        rated.Assign(techAssignee);
        rated.MoveTo(TicketStatus.InProgress, null, now - H(110), rules.Calendar);
        Say(rated, TicketMessageKind.Visit, "Selang pembuangan tersumbat, dibersihkan.", H(100), technician.DisplayName);
        rated.MoveTo(TicketStatus.Resolved, "Selang pembuangan dibersihkan; mesin normal.", now - H(100), rules.Calendar);
        rated.Rate(5, "Teknisi cepat dan ramah.", now - H(90));
        rated.MoveTo(TicketStatus.Closed, null, now - H(80), rules.Calendar);
        if (expired is not null)
        {
            var policy = await (from p in db.Products.Where(p => p.Id == expired.ProductId) join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id select w)
                .FirstOrDefaultAsync(ct);
            var lateClaim = await Open(TicketType.WarrantyClaim, TicketPriority.Normal, expired, "Hendra Gunawan", "0811 9000 1106", "Layar bergaris.", H(26));
            lateClaim.DecideClaim(false, null, "Masa garansi sudah berakhir; kami tawarkan servis berbayar.", expired.Warranty(policy, DateOnly.FromDateTime(now.UtcDateTime)), now - H(24));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        async Task<bool> RepairAsync(Partner serviceCentre, Unit unit)
        {
            var store = await db.Warehouses.FirstOrDefaultAsync(w => w.OwnerPartnerId == serviceCentre.Id, ct);
            var central = await db.Warehouses.FirstOrDefaultAsync(w => w.OwnerPartnerId == null, ct);
            if (store is null || central is null) return true;
            var part = await (from b in db.StockBalances.Where(b => b.WarehouseId == central.Id && b.OnHand >= 5)
                              join p in db.Products.Where(p => !p.IsSerialised && p.IsActive) on b.ProductId equals p.Id
                              orderby p.Sku
                              select p.Id).FirstOrDefaultAsync(ct);
            if (part == Guid.Empty) return true;
            var correlation = Guid.NewGuid();
            var moved = await ledger.PostAsync(db, new StockDocument(StockLedger.DocumentTransfer, $"TRF-SEED-{serviceCentre.Code}"),
                [new StockLine(central.Id, part, MovementType.TransferOut, -5, "Stok suku cadang servis", correlation),
                 new StockLine(store.Id, part, MovementType.TransferIn, 5, "Stok suku cadang servis", correlation)], ct);
            if (!moved.Succeeded) return false;
            var repair = await Open(TicketType.Repair, TicketPriority.Urgent, unit, "Eko Prabowo", "0812 7000 1005", "Kulkas tidak dingin sama sekali.", H(50),
                TicketSource.Partner);
            repair.Assign(TicketAssignee.ServiceCentre(serviceCentre.Id, serviceCentre.LegalName));
            repair.MoveTo(TicketStatus.InProgress, null, now - H(45), rules.Calendar);
            db.TicketParts.Add(repair.UseParts(part, 1, store.Id, $"servis@{tenant.Slug}.test", now - H(40)));
            db.UnitEvents.Add(unit.Repaired(new UnitDocument(Ticket.DocumentType, repair.Id, repair.Number), "Termostat diganti.", now - H(40), $"servis@{tenant.Slug}.test"));
            Say(repair, TicketMessageKind.Visit, "Termostat rusak, diganti. Menunggu uji 24 jam.", H(40), serviceCentre.LegalName);
            var used = await ledger.PostAsync(db, new StockDocument(Ticket.DocumentType, repair.Number, repair.Id),
                [new StockLine(store.Id, part, MovementType.ServiceOut, -1, unit.Serial)], ct);
            if (!used.Succeeded) throw new InvalidOperationException($"Demo repair parts: {used.Errors[0].Code}");
            return true;
        }
    }
}
