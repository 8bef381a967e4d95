using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Scans;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Units;

/// <summary>The scan of a unit's QR code on the public page: anyone, no sign-in, only this host's tenant.</summary>
/// <param name="ScannedFrom">the client's address when this is a scan to log (the scan page, not the forms behind it)</param>
public sealed record GetPublicUnit(string? Code, System.Net.IPAddress? ScannedFrom = null);

/// <summary>What the public may see of a unit: that it is genuine, what it is, and its warranty — nothing about its owner or buyer.</summary>
public sealed record PublicUnit(string Code, string Serial, string Sku, string ProductName, bool HasImage, WarrantyView Warranty,
    string? CoverageId, string? CoverageEn, bool ReceiptRequired = false, bool RegistrationPending = false, bool IsRegistered = false);

/// <summary>Who to tell about a possible counterfeit: the principal's public contact.</summary>
public sealed record PublicContact(string CompanyName, string? Phone, string? Email);

public sealed record PublicScan(PublicUnit? Unit, PublicContact Contact);

public sealed class GetPublicUnitHandler(IDbContextFactory<SidigDbContext> factory, TimeProvider clock, TenantContext tenant, ScanLog scans,
    IMemoryCache cache)
{
    /// <summary>How long the principal's public contact is reused between scans (a changed phone shows within this).</summary>
    public static readonly TimeSpan ContactCacheTime = TimeSpan.FromSeconds(60);

    private sealed record UnitRow(Unit Unit, string Sku, string Name, bool HasImage, Domain.Catalog.WarrantyPolicy? Policy, bool Pending);

    /// <summary>Compiled once per model: every scan runs this lookup, and translating the LINQ each time was a large part of a
    /// scan's CPU. EF refuses to run a compiled query on another model than the first (SQLite and PostgreSQL in one test
    /// process), hence one per model. The tenant query filter is still applied per execution (it reads the context's tenant).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel,
        Func<SidigDbContext, string, CancellationToken, Task<UnitRow?>>> FindUnitByModel = new();

    private static Task<UnitRow?> FindUnit(SidigDbContext db, string code, CancellationToken ct) =>
        FindUnitByModel.GetOrAdd(db.Model, static model => EF.CompileAsyncQuery(
            (SidigDbContext c, string publicCode, CancellationToken token) =>
                (from u in c.Units.AsNoTracking().Where(u => u.PublicCode == publicCode)
                 join p in c.Products on u.ProductId equals p.Id
                 join w in c.WarrantyPolicies on p.WarrantyPolicyId equals w.Id into ws
                 from w in ws.DefaultIfEmpty()
                 select new UnitRow(u, p.Sku, p.Name, p.ImageContentType != null, w,
                     u.RegisteredOn == null
                     && c.WarrantyRegistrations.Any(r => r.UnitId == u.Id && r.Status == Domain.Warranty.RegistrationStatus.Pending)))
                .FirstOrDefault()))(db, code, ct);

    public async Task<PublicScan> HandleAsync(GetPublicUnit query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var contact = await ContactAsync(db, ct);
        var code = query.Code?.Trim().ToLowerInvariant();
        // A malformed code cannot exist: no lookup (and nothing to learn from timing) for junk.
        if (tenant.Tenant.IsPlatform || !PublicCode.IsWellFormed(code)) return new PublicScan(null, contact);
        // One round trip: the unit, its product and policy, and whether a registration waits for review.
        var found = await FindUnit(db, code!, ct);
        if (found is null) return new PublicScan(null, contact);
        if (query.ScannedFrom is not null) scans.Record(tenant.Tenant, found.Unit.Id, query.ScannedFrom); // queued, written in the background
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        return new PublicScan(new PublicUnit(found.Unit.PublicCode, found.Unit.Serial, found.Sku, found.Name, found.HasImage,
            found.Unit.Warranty(found.Policy, today), found.Policy?.CoverageId, found.Policy?.CoverageEn, found.Policy?.RequiresReceiptPhoto == true,
            found.Pending, found.Unit.RegisteredOn is not null), contact);
    }

    /// <summary>The principal's public contact, the same on every scan: read once a minute per tenant, not once per scan.</summary>
    private async Task<PublicContact> ContactAsync(SidigDbContext db, CancellationToken ct)
    {
        var key = $"public-contact:{tenant.TenantId}";
        if (cache.TryGetValue(key, out PublicContact? cached)) return cached!;
        var contact = await db.CompanyProfiles.AsNoTracking().Select(c => new PublicContact(c.LegalName, c.Phone, c.Email)).FirstOrDefaultAsync(ct)
                      ?? new PublicContact(tenant.Tenant.DisplayName, null, null);
        cache.Set(key, contact, ContactCacheTime);
        return contact;
    }
}

public sealed record GetPublicUnitImage(string? Code);

/// <summary>The product photo of a unit for its scan page (the code is the key: no sign-in).</summary>
public sealed class GetPublicUnitImageHandler(IDbContextFactory<SidigDbContext> factory, TenantContext tenant)
{
    public async Task<Catalog.ProductImageFile?> HandleAsync(GetPublicUnitImage query, CancellationToken ct = default)
    {
        var code = query.Code?.Trim().ToLowerInvariant();
        if (tenant.Tenant.IsPlatform || !PublicCode.IsWellFormed(code)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await (from u in db.Units.AsNoTracking().Where(u => u.PublicCode == code)
                      join p in db.Products on u.ProductId equals p.Id
                      where p.Image != null && p.ImageContentType != null
                      select new Catalog.ProductImageFile(p.Image!, p.ImageContentType!)).FirstOrDefaultAsync(ct);
    }
}
