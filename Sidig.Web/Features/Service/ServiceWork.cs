using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Notifications;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.Warranty;

namespace Sidig.Web.Features.Service;

/// <summary>Customer service decides a warranty claim: approve (with the route: replacement or repair) or reject with the reason.</summary>
public sealed record DecideClaim(string Number, bool Approve, ClaimOutcome? Outcome, string? Note, string BaseUrl);

/// <summary>Ship a replacement for the ticket's unit: the unit with <paramref name="Serial"/> (serial or scanned label) out of the warehouse.</summary>
public sealed record ReplaceUnit(string Number, Guid WarehouseId, string? Serial);

public sealed record PartLine(Guid ProductId, decimal Quantity);

/// <summary>Parts used on a repair, out of the repairer's warehouse, with what was done (the visit report).</summary>
public sealed record UseParts(string Number, Guid WarehouseId, IReadOnlyList<PartLine> Lines, string? Note);

/// <summary>A technician registers the unit they installed for the ticket's customer (starts its warranty per policy).</summary>
public sealed record RegisterInstalledUnit(string Number, DateOnly? InstalledOn, string? ProvinceCode, string? RegencyCode, byte[]? Receipt, Guid SubmissionKey);

/// <summary>The warehouses a user may take a replacement or parts from: a partner user its partner's, staff the principal's (managers any).</summary>
public sealed record ListServiceWarehouses;

public sealed record ServiceWarehouse(Guid Id, string Code, string Name);

/// <summary>
/// The work that changes stock or warranty on a ticket. Each runs in one transaction through <see cref="WorkTicketHandler"/>'s
/// ticket loading (scope, version check): the unit moves, the ledger movement (type ServiceOut, document = the ticket) and the
/// ticket change are saved together or not at all.
/// </summary>
public sealed class ServiceWorkHandler(WorkTicketHandler work, IDbContextFactory<SidigDbContext> factory, TicketScope scope, PartnerScope partners,
    StockLedger ledger, CurrentUser user, TimeProvider clock, TenantContext tenant, Sidig.Infrastructure.Notifications.Outbox outbox, RegisterWarrantyHandler register)
{
    public const int MaxPartLines = 20;

    public Task<Result> HandleAsync(DecideClaim command, CancellationToken ct = default) =>
        work.WithTicketAsync(command.Number, manage: true, async (db, ticket, _, now) =>
        {
            if (ticket.UnitId is not { } unitId) return Result.Fail("Ticket.NotAClaim");
            var unit = await db.Units.FirstAsync(u => u.Id == unitId, ct);
            var policy = await (from p in db.Products.Where(p => p.Id == unit.ProductId)
                                join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id
                                select w).AsNoTracking().FirstOrDefaultAsync(ct);
            ticket.DecideClaim(command.Approve, command.Outcome, command.Note, unit.Warranty(policy, TenantDates.Today(clock, tenant.Tenant.TimeZoneId)), now);
            if (command.Approve)
                db.UnitEvents.Add(UnitEvent.For(unit, UnitEventKind.ClaimOpened, now, user.UserName, customerId: unit.CustomerId,
                    document: Document(ticket), note: $"{ticket.ClaimOutcome}: {ticket.ClaimNote}".TrimEnd(' ', ':')));
            else if (TicketTexts.ForCustomer(ticket, tenant.Tenant.Language, tenant.Tenant.DisplayName, command.BaseUrl,
                         $"ticket:{ticket.Id}:status:{ticket.Status}:{ticket.Version}", now) is { } message)
                await outbox.EnqueueAsync(db, message, ct);
            return Result.Ok();
        }, ct);

    public Task<Result> HandleAsync(ReplaceUnit command, CancellationToken ct = default) =>
        work.WithTicketAsync(command.Number, manage: true, async (db, ticket, _, now) =>
        {
            ticket.MustAllow(ClaimOutcome.Replacement);
            if (!await AllowedWarehouseAsync(db, command.WarehouseId, ct)) return Result.Fail("Warehouse.NotFound", "Warehouse");
            var old = await db.Units.FirstAsync(u => u.Id == ticket.UnitId, ct);
            var typed = SerialEntry.Split(command.Serial);
            if (typed.Count != 1) return Result.Fail("Ticket.ReplacementSerialRequired", "Serial");
            var (key, code) = (SerialEntry.SerialKey(typed[0]), SerialEntry.CodeOf(typed[0]));
            var replacement = await db.Units.FirstOrDefaultAsync(u => u.ProductId == old.ProductId
                && (u.Serial.ToUpper() == key || code != null && u.PublicCode == code), ct);
            if (replacement is null) return Result.Fail("Ticket.ReplacementUnknown", "Serial");
            var document = Document(ticket);
            var (replaced, replacing) = old.ReplaceWith(replacement, command.WarehouseId, document, now, user.UserName);
            db.UnitEvents.AddRange(replaced, replacing);
            ticket.RecordReplacement(replacement.Id, now);
            return await ledger.PostAsync(db, new StockDocument(Ticket.DocumentType, ticket.Number, ticket.Id),
                [new StockLine(command.WarehouseId, old.ProductId, MovementType.ServiceOut, -1, $"{old.Serial} → {replacement.Serial}")], ct);
        }, ct);

    public Task<Result> HandleAsync(UseParts command, CancellationToken ct = default)
    {
        if (command.Lines.Count == 0) return Task.FromResult(Result.Fail("Stock.NoLines", "Lines"));
        if (command.Lines.Count > MaxPartLines) return Task.FromResult(Result.Fail("Stock.TooManyLines", "Lines"));
        if (command.Lines.Select(l => l.ProductId).Distinct().Count() != command.Lines.Count) return Task.FromResult(Result.Fail("Stock.ProductTwice", "Lines"));
        return work.WithTicketAsync(command.Number, manage: false, async (db, ticket, rules, now) =>
        {
            if (!await AllowedWarehouseAsync(db, command.WarehouseId, ct)) return Result.Fail("Warehouse.NotFound", "Warehouse");
            var ids = command.Lines.Select(l => l.ProductId).ToList();
            var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.IsSerialised }).ToListAsync(ct);
            if (products.Count != ids.Count) return Result.Fail("Stock.ProductNotFound", "Lines");
            if (products.Any(p => p.IsSerialised)) return Result.Fail("Ticket.PartSerialised", "Lines");
            var parts = command.Lines.Select(l => ticket.UseParts(l.ProductId, l.Quantity, command.WarehouseId, user.UserName, now)).ToList();
            db.TicketParts.AddRange(parts);
            var unit = await db.Units.FirstAsync(u => u.Id == ticket.UnitId, ct);
            db.UnitEvents.Add(unit.Repaired(Document(ticket), command.Note, now, user.UserName));
            if (!string.IsNullOrWhiteSpace(command.Note))
                db.TicketMessages.Add(ticket.Write(TicketMessageKind.Visit, command.Note, user.UserId, user.UserName ?? "?", now, rules.Calendar));
            return await ledger.PostAsync(db, new StockDocument(Ticket.DocumentType, ticket.Number, ticket.Id),
                parts.Select(p => new StockLine(p.WarehouseId, p.ProductId, MovementType.ServiceOut, -p.Quantity, unit.Serial)).ToList(), ct);
        }, ct);
    }

    public async Task<Result<RegistrationOutcome>> HandleAsync(RegisterInstalledUnit command, CancellationToken ct = default)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return Result<RegistrationOutcome>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (from t in visible(db.Tickets.AsNoTracking()).Where(t => t.Number == command.Number.Trim().ToUpper())
                           join u in db.Units on t.UnitId equals u.Id
                           select new { t.Type, t.Status, t.CustomerName, t.CustomerPhone, t.CustomerEmail, u.PublicCode, u.OwnerPartnerId }).FirstOrDefaultAsync(ct);
        if (found is null) return Result<RegistrationOutcome>.Fail("Ticket.NotFound");
        if (found.Type != TicketType.Installation) return Result<RegistrationOutcome>.Fail("Ticket.NotAnInstallation");
        if (found.Status is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected) return Result<RegistrationOutcome>.Fail("Ticket.Finished");
        // The seller is the partner that holds (sold) the unit, else the principal itself.
        var input = new RegistrationInput(found.CustomerName, found.CustomerPhone, found.CustomerEmail, command.InstalledOn, found.OwnerPartnerId,
            found.OwnerPartnerId is null ? tenant.Tenant.DisplayName : null, command.ProvinceCode, command.RegencyCode, Consent: true);
        return await register.HandleAsync(new RegisterWarranty(found.PublicCode, input, command.Receipt, command.SubmissionKey, RegistrationSource.Technician), ct);
    }

    public async Task<Result<IReadOnlyList<ServiceWarehouse>>> HandleAsync(ListServiceWarehouses _, CancellationToken ct = default)
    {
        if (await scope.VisibleAsync(ct) is null) return Result<IReadOnlyList<ServiceWarehouse>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouses = await Allowed(db, await partners.OwnPartnerAsync(ct), await partners.IsPartnerUserAsync(ct), await scope.ManagesAsync())
            .OrderBy(w => w.Code).Select(w => new ServiceWarehouse(w.Id, w.Code, w.Name)).ToListAsync(ct);
        return Result<IReadOnlyList<ServiceWarehouse>>.Ok(warehouses);
    }

    private async Task<bool> AllowedWarehouseAsync(SidigDbContext db, Guid id, CancellationToken ct) =>
        await Allowed(db, await partners.OwnPartnerAsync(ct), await partners.IsPartnerUserAsync(ct), await scope.ManagesAsync()).AnyAsync(w => w.Id == id, ct);

    private static IQueryable<Warehouse> Allowed(SidigDbContext db, Guid? own, bool partnerUser, bool manages)
    {
        var active = db.Warehouses.AsNoTracking().Where(w => w.IsActive);
        if (partnerUser) return own is { } p ? active.Where(w => w.OwnerPartnerId == p) : active.Where(_ => false);
        return manages ? active : active.Where(w => w.OwnerPartnerId == null);
    }

    private static UnitDocument Document(Ticket ticket) => new(Ticket.DocumentType, ticket.Id, ticket.Number);
}
