using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Units;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Warranty;

/// <summary>Another registration of the same unit, for a reviewer looking at a duplicate.</summary>
public sealed record SiblingRegistration(Guid Id, string Name, string Phone, DateTimeOffset SubmittedAt, RegistrationStatus Status);

/// <summary>What a reviewer needs to decide: the buyer's answers, the unit and its warranty, where it was shipped, the other registrations.</summary>
public sealed record RegistrationDetails(Guid Id, Guid UnitId, string Serial, string ProductName, string Name, string Phone, string? Email,
    DateOnly PurchaseDate, string Seller, string Area, bool HasReceipt, DateTimeOffset SubmittedAt, RegistrationStatus Status,
    RegistrationFlags Flags, string? RejectReason, string? DecidedBy, DateTimeOffset? DecidedAt, WarrantyView Warranty,
    string? ShippedToPartner, IReadOnlyList<SiblingRegistration> Others);

public sealed class GetRegistrationHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, IndonesianAreas areas,
    TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<RegistrationDetails>> HandleAsync(Guid id, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReviewWarranty)) return Result<RegistrationDetails>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var r = await db.WarrantyRegistrations.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Id, x.UnitId, x.Name, x.Phone, x.Email, x.PurchaseDate, x.SellerPartnerId, x.SellerName, x.ProvinceCode, x.RegencyCode,
                HasReceipt = x.ReceiptContentType != null, x.SubmittedAt, x.Status, x.Flags, x.RejectReason, x.DecidedBy, x.DecidedAt })
            .FirstOrDefaultAsync(ct);
        if (r is null) return Result<RegistrationDetails>.Fail("Registration.NotFound");
        var unit = await (from u in db.Units.AsNoTracking().Where(u => u.Id == r.UnitId)
                          join p in db.Products on u.ProductId equals p.Id
                          join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id into ws
                          from w in ws.DefaultIfEmpty()
                          select new { Unit = u, p.Name, Policy = w }).FirstAsync(ct);
        var seller = r.SellerPartnerId is { } sp
            ? await db.Partners.Where(p => p.Id == sp).Select(p => p.Code + " · " + p.LegalName).FirstOrDefaultAsync(ct) ?? ""
            : r.SellerName ?? "";
        var shippedTo = unit.Unit.OwnerPartnerId ?? await db.UnitEvents.Where(e => e.UnitId == r.UnitId && e.Kind == UnitEventKind.Shipped && e.PartnerId != null)
            .OrderByDescending(e => e.At).Select(e => e.PartnerId).FirstOrDefaultAsync(ct);
        var partner = shippedTo is null ? null : await db.Partners.Where(p => p.Id == shippedTo).Select(p => new { p.Code, p.LegalName, p.Territory }).FirstOrDefaultAsync(ct);
        var territory = partner is null || partner.Territory.Length == 0 ? "" : " (" + string.Join(", ", partner.Territory.Split(',').Select(c => areas.ProvinceName(c) ?? c)) + ")";
        var others = (await db.WarrantyRegistrations.AsNoTracking().Where(x => x.UnitId == r.UnitId && x.Id != r.Id)
            .Select(x => new SiblingRegistration(x.Id, x.Name, x.Phone, x.SubmittedAt, x.Status)).ToListAsync(ct)).OrderBy(x => x.SubmittedAt).ToList();
        var area = string.Join(", ", new[] { areas.RegencyName(r.RegencyCode), areas.ProvinceName(r.ProvinceCode) }.Where(s => s is not null));
        return Result<RegistrationDetails>.Ok(new RegistrationDetails(r.Id, r.UnitId, unit.Unit.Serial, unit.Name, r.Name, r.Phone, r.Email, r.PurchaseDate,
            seller, area, r.HasReceipt, r.SubmittedAt, r.Status, r.Flags, r.RejectReason, r.DecidedBy, r.DecidedAt,
            unit.Unit.Warranty(unit.Policy, TenantDates.Today(clock, tenant.Tenant.TimeZoneId)),
            partner is null ? null : $"{partner.Code} · {partner.LegalName}{territory}", others));
    }
}

/// <summary>The receipt photo of a registration (customer service only).</summary>
public sealed class GetRegistrationReceiptHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<(byte[] Bytes, string ContentType)?> HandleAsync(Guid id, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ReviewWarranty)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var receipt = await db.WarrantyRegistrations.AsNoTracking().Where(r => r.Id == id && r.ReceiptImage != null)
            .Select(r => new { r.ReceiptImage, r.ReceiptContentType }).FirstOrDefaultAsync(ct);
        return receipt is null ? null : (receipt.ReceiptImage!, receipt.ReceiptContentType!);
    }
}
