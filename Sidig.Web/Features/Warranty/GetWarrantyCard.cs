using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Partners;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Documents;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Units;

namespace Sidig.Web.Features.Warranty;

/// <summary>The warranty card of an approved registration, found by the registration's secret token (the buyer's link).</summary>
public sealed record GetWarrantyCard(string? Token, string BaseUrl);

public sealed class GetWarrantyCardHandler(IDbContextFactory<SidigDbContext> factory, TenantContext tenant, DocumentSources sources, TimeProvider clock)
{
    public async Task<WarrantyCardPrint?> HandleAsync(GetWarrantyCard query, CancellationToken ct = default)
    {
        if (tenant.Tenant.IsPlatform || !WarrantyRegistration.IsWellFormedToken(query.Token)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (from r in db.WarrantyRegistrations.AsNoTracking().Where(r => r.Token == query.Token && r.Status == RegistrationStatus.Approved)
                           join u in db.Units on r.UnitId equals u.Id
                           join p in db.Products on u.ProductId equals p.Id
                           join w in db.WarrantyPolicies on p.WarrantyPolicyId equals w.Id
                           select new { r.Name, r.Phone, r.PurchaseDate, r.ProvinceCode, Unit = u, p.Sku, Product = p.Name, Policy = w }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var warranty = found.Unit.Warranty(found.Policy, TenantDates.Today(clock, tenant.Tenant.TimeZoneId));
        if (warranty.Start is not { } start || warranty.End is not { } end) return null; // a policy that starts on delivery, not delivered yet
        var company = await sources.CompanyAsync(db, ct);
        return new WarrantyCardPrint
        {
            Company = company, ProductName = found.Product, Sku = found.Sku, Serial = found.Unit.Serial, OwnerName = found.Name, OwnerPhone = found.Phone,
            PurchaseDate = found.PurchaseDate, RegisteredOn = found.Unit.RegisteredOn ?? start, Start = start, End = end, Months = found.Policy.Months,
            Coverage = found.Policy.CoverageId, ServiceCentre = await ServiceCentreAsync(db, found.ProvinceCode, company, ct),
            ScanUrl = query.BaseUrl.TrimEnd('/') + UnitEndpoints.ScanPath(found.Unit.PublicCode),
        };
    }

    /// <summary>An active service centre in the buyer's province (located there or covering it), else the principal.</summary>
    private async Task<DocumentParty> ServiceCentreAsync(SidigDbContext db, string province, DocumentCompany company, CancellationToken ct)
    {
        var centres = await db.Partners.AsNoTracking().Where(p => p.Type == PartnerType.ServiceCentre && p.IsActive
                && (p.ProvinceCode == province || p.Territory.Contains(province)))
            .OrderBy(p => p.ProvinceCode == province ? 0 : 1).ThenBy(p => p.Code).Take(5).ToListAsync(ct);
        var centre = centres.FirstOrDefault(p => p.ProvinceCode == province || p.TerritoryCodes.Contains(province));
        return centre is not null ? sources.Party(centre) : new DocumentParty(company.LegalName, company.AddressLines, null, null, company.Phone);
    }
}

public static class WarrantyCardEndpoints
{
    public static string CardUrl(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/w/{token}/kartu-garansi.pdf";

    public static void MapWarrantyEndpoints(this IEndpointRouteBuilder app)
    {
        // The buyer's card: public, the registration's random token is the key (this host's tenant only).
        app.MapGet("/w/{token}/kartu-garansi.pdf", async (string token, GetWarrantyCardHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var card = await handler.HandleAsync(new GetWarrantyCard(token, $"{http.Request.Scheme}://{http.Request.Host}"), ct);
            if (card is null) return EndpointResults.BareNotFound(http);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.Append("X-Robots-Tag", "noindex");
            return Results.File(WarrantyCardPdf.Render(card), "application/pdf", WarrantyCardPdf.FileName(card));
        }).AllowAnonymous();

        // The receipt photo of a registration, for customer service.
        app.MapGet("/warranty/registrations/{id:guid}/receipt", async (Guid id, GetRegistrationReceiptHandler handler, HttpContext http, CancellationToken ct) =>
        {
            RequestUser.Use(http);
            var receipt = await handler.HandleAsync(id, ct);
            if (receipt is null) return EndpointResults.BareNotFound(http);
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(receipt.Value.Bytes, receipt.Value.ContentType);
        }).RequireAuthorization(Domain.Access.Policies.ReviewWarranty);
    }
}
