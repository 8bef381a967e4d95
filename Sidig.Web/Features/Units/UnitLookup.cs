using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Units;

/// <summary>
/// What a staff user typed or scanned: a serial (whole or its start), a public code, or the whole QR URL
/// (<c>https://acme…/u/&lt;code&gt;</c>).
/// </summary>
public sealed record LookUpUnit(string? Text)
{
    public const int MaxMatches = 20;

    /// <summary>The public code inside a scanned URL, or the text itself.</summary>
    public static string Normalise(string text)
    {
        var t = text.Trim();
        var at = t.LastIndexOf("/u/", StringComparison.OrdinalIgnoreCase);
        if (at >= 0) t = t[(at + 3)..].Split('?', '#', '/')[0];
        return t;
    }
}

public sealed record UnitMatch(Guid Id, string Serial, string Sku, string ProductName, UnitStatus Status);

public sealed class LookUpUnitHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<UnitMatch>>> HandleAsync(LookUpUnit query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewUnits)) return Result<IReadOnlyList<UnitMatch>>.Fail("Access.Denied");
        if (string.IsNullOrWhiteSpace(query.Text)) return Result<IReadOnlyList<UnitMatch>>.Ok([]);
        var text = LookUpUnit.Normalise(query.Text);
        if (text.Length > SerialPattern.MaxSerialLength) return Result<IReadOnlyList<UnitMatch>>.Ok([]);
        var code = text.ToLowerInvariant();
        var serial = text.ToUpperInvariant();
        await using var db = await factory.CreateDbContextAsync(ct);
        var isCode = PublicCode.IsWellFormed(code);
        var units = db.Units.AsNoTracking().Where(u => (isCode && u.PublicCode == code) || u.Serial.ToUpper().StartsWith(serial));
        var matches = await (from u in units
                             join p in db.Products on u.ProductId equals p.Id
                             orderby u.Serial
                             select new UnitMatch(u.Id, u.Serial, p.Sku, p.Name, u.Status)).Take(LookUpUnit.MaxMatches).ToListAsync(ct);
        // An exact serial or code first: the scan of one label opens that unit.
        return Result<IReadOnlyList<UnitMatch>>.Ok(matches.OrderBy(m => string.Equals(m.Serial, text, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList());
    }
}

public sealed record GetUnit(Guid Id);

public sealed record UnitHistoryItem(DateTimeOffset At, UnitEventKind Kind, string? DocumentType, Guid? DocumentId, string? DocumentNumber,
    string? WarehouseCode, string? PartnerName, string? CustomerName, string? Note, string? UserName);

/// <summary>A warranty registration of the unit, as staff see it on the unit page.</summary>
public sealed record UnitRegistrationItem(Guid Id, string Name, string Phone, DateTimeOffset SubmittedAt, Domain.Warranty.RegistrationStatus Status,
    Domain.Warranty.RegistrationFlags Flags);

/// <summary>A service ticket about the unit.</summary>
public sealed record UnitTicketItem(string Number, Domain.Service.TicketType Type, Domain.Service.TicketStatus Status, DateTimeOffset CreatedAt, string CustomerName);

public sealed record UnitDetails(
    Guid Id, string Serial, string PublicCode, Guid ProductId, string Sku, string ProductName, UnitStatus Status,
    Guid BatchId, string Lot, DateOnly ProducedOn, string? WarehouseCode, string? WarehouseName, string? OwnerPartnerName,
    string? CustomerName, string? CustomerPhone, string? WarrantyPolicyName, WarrantyView Warranty, IReadOnlyList<UnitHistoryItem> History,
    IReadOnlyList<UnitRegistrationItem> Registrations, IReadOnlyList<UnitTicketItem> Tickets);

/// <summary>One unit with the whole chain: where it is, who owns it, its warranty today and every event, oldest first.</summary>
public sealed class GetUnitHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<UnitDetails>> HandleAsync(GetUnit query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewUnits)) return Result<UnitDetails>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == query.Id, ct);
        if (unit is null) return Result<UnitDetails>.Fail("Units.NotFound");
        var product = await db.Products.AsNoTracking().Where(p => p.Id == unit.ProductId).Select(p => new { p.Sku, p.Name, p.WarrantyPolicyId }).FirstAsync(ct);
        var policy = product.WarrantyPolicyId is { } policyId ? await db.WarrantyPolicies.AsNoTracking().FirstOrDefaultAsync(w => w.Id == policyId, ct) : null;
        var batch = await db.UnitBatches.AsNoTracking().Where(b => b.Id == unit.BatchId).Select(b => new { b.Lot, b.ProducedOn }).FirstAsync(ct);
        var warehouse = unit.WarehouseId is { } wid ? await db.Warehouses.AsNoTracking().Where(w => w.Id == wid).Select(w => new { w.Code, w.Name }).FirstOrDefaultAsync(ct) : null;
        var owner = unit.OwnerPartnerId is { } oid ? await db.Partners.AsNoTracking().Where(p => p.Id == oid).Select(p => p.LegalName).FirstOrDefaultAsync(ct) : null;
        var customer = unit.CustomerId is { } cid ? await db.Customers.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.Name, c.Phone }).FirstOrDefaultAsync(ct) : null;
        var history = await (from e in db.UnitEvents.AsNoTracking().Where(e => e.UnitId == unit.Id)
                             join w in db.Warehouses on e.WarehouseId equals w.Id into ws
                             from w in ws.DefaultIfEmpty()
                             join p in db.Partners on e.PartnerId equals p.Id into ps
                             from p in ps.DefaultIfEmpty()
                             join c in db.Customers on e.CustomerId equals c.Id into cs
                             from c in cs.DefaultIfEmpty()
                             orderby e.At, e.Id
                             select new UnitHistoryItem(e.At, e.Kind, e.DocumentType, e.DocumentId, e.DocumentNumber, w == null ? null : w.Code,
                                 p == null ? null : p.LegalName, c == null ? null : c.Name, e.Note, e.UserName)).ToListAsync(ct);
        var registrations = (await db.WarrantyRegistrations.AsNoTracking().Where(r => r.UnitId == unit.Id)
            .Select(r => new UnitRegistrationItem(r.Id, r.Name, r.Phone, r.SubmittedAt, r.Status, r.Flags)).ToListAsync(ct)).OrderBy(r => r.SubmittedAt).ToList();
        var tickets = (await db.Tickets.AsNoTracking().Where(t => t.UnitId == unit.Id)
            .Select(t => new UnitTicketItem(t.Number, t.Type, t.Status, t.CreatedAt, t.CustomerName)).ToListAsync(ct)).OrderByDescending(t => t.CreatedAt).ToList();
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        return Result<UnitDetails>.Ok(new UnitDetails(unit.Id, unit.Serial, unit.PublicCode, unit.ProductId, product.Sku, product.Name, unit.Status,
            unit.BatchId, batch.Lot, batch.ProducedOn, warehouse?.Code, warehouse?.Name, owner, customer?.Name, customer?.Phone, policy?.Name,
            unit.Warranty(policy, today), history, registrations, tickets));
    }
}
