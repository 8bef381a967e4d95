using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Catalog;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Web.Features.Documents;

/// <summary>
/// The parts every business document shares, read for the current tenant: the company as issuer (legal data, logo,
/// bank accounts), the tenant's language and time zone, and partners as printed parties.
/// </summary>
public sealed class DocumentSources(IndonesianAreas areas, TenantContext tenant)
{
    public DocumentCulture Culture => DocumentCulture.For(tenant.Tenant.Language, tenant.Tenant.TimeZoneId);

    public async Task<DocumentCompany> CompanyAsync(SidigDbContext db, CancellationToken ct)
    {
        var profile = await db.CompanyProfiles.AsNoTracking().Include(c => c.BankAccounts).FirstOrDefaultAsync(ct);
        if (profile is null) return new DocumentCompany(tenant.Tenant.DisplayName, []);
        return new DocumentCompany(profile.LegalName, AddressLines(profile.Address, profile.RegencyCode, profile.ProvinceCode, profile.PostalCode),
            profile.Npwp, profile.Phone, profile.Email, profile.Logo)
        {
            BankAccounts = profile.BankAccounts.Select(b => new DocumentBankAccount(b.BankName, b.AccountNumber, b.AccountHolder)).ToList(),
        };
    }

    public DocumentParty Party(Partner p) =>
        new(p.LegalName, AddressLines(p.Address, p.RegencyCode, p.ProvinceCode, p.PostalCode), p.Npwp, p.Nitku, p.Phone) { Reference = p.Code };

    public IReadOnlyList<string> AddressLines(string? address, string? regency, string? province, string? postalCode)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(address)) lines.Add(address);
        var area = string.Join(", ", new[] { areas.RegencyName(regency), areas.ProvinceName(province) }.Where(s => !string.IsNullOrEmpty(s)));
        if (!string.IsNullOrWhiteSpace(postalCode)) area = area.Length == 0 ? postalCode : $"{area} {postalCode}";
        if (area.Length > 0) lines.Add(area);
        return lines;
    }

    /// <summary>
    /// PPN groups as printed: the standard lines on the tenant's base (e.g. "DPP 11/12") and luxury lines on the full
    /// price. The document's PPN is rounded once on the whole base (the domain rule), so the last group takes the rest
    /// and the groups always add up to the document's PPN.
    /// </summary>
    public static IReadOnlyList<DocumentTax> Taxes(IEnumerable<(decimal Net, PpnKind Kind)> lines, decimal dpp, decimal ppn, decimal ratePercent,
        int numerator, int denominator)
    {
        var all = lines.ToList();
        var luxury = all.Where(l => l.Kind == PpnKind.Luxury).Sum(l => l.Net);
        var standardDpp = dpp - luxury;
        var rate = ratePercent / 100m;
        var rule = numerator == denominator ? "DPP 100%" : $"DPP {numerator}/{denominator}";
        if (luxury == 0) return [new DocumentTax(rule, dpp, rate, ppn)];
        var standardPpn = Domain.Orders.SalesMath.Rupiah(standardDpp * rate);
        var groups = new List<DocumentTax>();
        if (standardDpp != 0) groups.Add(new DocumentTax(rule, standardDpp, rate, standardPpn));
        groups.Add(new DocumentTax("DPP 100% (barang mewah)", luxury, rate, ppn - (standardDpp != 0 ? standardPpn : 0)));
        return groups;
    }

    public static string? StatusLabel(Invoice invoice, DocumentCulture culture) =>
        invoice.Status == InvoiceStatus.Paid ? (culture.Language.StartsWith("en") ? "PAID" : "LUNAS") : null;
}
