using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Web.Features.Import.Importers;

public sealed class PartnerImportRow
{
    public string Code { get; set; } = "";
    public string LegalName { get; set; } = "";
    public PartnerType Type { get; set; }
    public string? ParentCode { get; set; }
    public PriceTier? PriceTier { get; set; }
    public string? Npwp { get; set; }
    public string? Nitku { get; set; }
    public string? Address { get; set; }
    public string? ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? BillingEmail { get; set; }
    public IReadOnlyList<string> Territory { get; set; } = [];
    public int PaymentTermDays { get; set; }
    public decimal CreditLimit { get; set; }
    public decimal OverdueLimit { get; set; }
    public decimal? CommissionRate { get; set; }

    /// <summary>An existing partner's id, resolved by the business check; a parent on an earlier row is linked while saving.</summary>
    internal Guid? ExistingParentId { get; set; }

    internal PartnerDetails Details(Guid? parentId) => new(Code, LegalName, Type, parentId, PriceTier ?? Partner.DefaultTier(Type), Npwp, Nitku,
        Address, ProvinceCode, RegencyCode, PostalCode, Phone, Email, BillingEmail, Territory, PaymentTermDays, CreditLimit, OverdueLimit, CommissionRate);
}

/// <summary>
/// New partners from a file. The parent is an existing partner or one on an earlier row of the same file, so the
/// imported rows can only hang below what already exists: no cycle is possible. Types and tiers are accepted in
/// English and Indonesian.
/// </summary>
public sealed class PartnerImporter(IDbContextFactory<SidigDbContext> factory, IndonesianAreas areas) : Importer<PartnerImportRow>
{
    public const string ImportName = "partners";
    public override string Name => ImportName;
    public override string Policy => Policies.ManagePartners;

    private static readonly Dictionary<string, PartnerType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Distributor"] = PartnerType.Distributor,
        ["Dealer"] = PartnerType.Dealer, ["Subdistributor"] = PartnerType.Dealer, ["Sub-distributor"] = PartnerType.Dealer,
        ["Sub distributor"] = PartnerType.Dealer, ["Toko"] = PartnerType.Dealer,
        ["Agent"] = PartnerType.Agent, ["Agen"] = PartnerType.Agent,
        ["ServiceCentre"] = PartnerType.ServiceCentre, ["Service centre"] = PartnerType.ServiceCentre, ["ServiceCenter"] = PartnerType.ServiceCentre,
        ["Service center"] = PartnerType.ServiceCentre, ["Pusat servis"] = PartnerType.ServiceCentre, ["Pusat service"] = PartnerType.ServiceCentre,
    };

    private static readonly Dictionary<string, PriceTier> Tiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Distributor"] = Domain.Catalog.PriceTier.Distributor, ["Dealer"] = Domain.Catalog.PriceTier.Dealer, ["Toko"] = Domain.Catalog.PriceTier.Dealer,
        ["Agent"] = Domain.Catalog.PriceTier.Agent, ["Agen"] = Domain.Catalog.PriceTier.Agent,
        ["Retail"] = Domain.Catalog.PriceTier.Retail, ["Eceran"] = Domain.Catalog.PriceTier.Retail,
    };

    private static readonly char[] TerritorySeparators = [' ', ',', ';'];

    public override ImportSchema<PartnerImportRow> Schema { get; } = new ImportSchema<PartnerImportRow>()
        .Required("Code", CellParsers.Text(Codes.MaxLength), (r, v) => r.Code = v, example: "DIST-JKT", aliases: ["Kode"])
        .Required("LegalName", CellParsers.Text(200), (r, v) => r.LegalName = v, example: "PT Sinar Jaya Distribusi", aliases: ["NamaBadanUsaha", "Nama"])
        .Required("Type", ImportChecks.Choice(Types, "Distributor, Dealer, Agent, ServiceCentre (distributor, dealer/subdistributor/toko, agen, pusat servis)"),
            (r, v) => r.Type = v, example: "Distributor", aliases: ["Jenis", "Tipe"])
        .Optional("ParentCode", CellParsers.Text(Codes.MaxLength), (r, v) => r.ParentCode = v, example: "", aliases: ["KodeInduk"])
        .Optional("PriceTier", ImportChecks.Choice(Tiers, "Distributor, Dealer, Agent, Retail"), (r, v) => r.PriceTier = v, aliases: ["TingkatHarga"])
        .Optional("NPWP", CellParsers.Text(30), (r, v) => r.Npwp = v, example: "0021345678901000")
        .Optional("NITKU", CellParsers.Text(30), (r, v) => r.Nitku = v, example: "0021345678901000000000")
        .Optional("Address", CellParsers.Text(ContactRules.AddressMaxLength), (r, v) => r.Address = v, example: "Jl. Gunung Sahari Raya No. 12", aliases: ["Alamat"])
        .Optional("ProvinceCode", CellParsers.Text(2), (r, v) => r.ProvinceCode = v, example: "31", aliases: ["KodeProvinsi"])
        .Optional("RegencyCode", CellParsers.Text(5), (r, v) => r.RegencyCode = v, example: "31.71", aliases: ["KodeKabupaten", "KodeKota"])
        .Optional("PostalCode", CellParsers.Text(5), (r, v) => r.PostalCode = v, example: "10610", aliases: ["KodePos"])
        .Optional("Phone", CellParsers.Text(ContactRules.PhoneMaxLength), (r, v) => r.Phone = v, example: "+62 21 555 1234", aliases: ["Telepon"])
        .Optional("Email", CellParsers.Text(254), (r, v) => r.Email = v, example: "halo@sinarjaya.co.id")
        .Optional("BillingEmail", CellParsers.Text(254), (r, v) => r.BillingEmail = v, example: "finance@sinarjaya.co.id", aliases: ["EmailTagihan"])
        .Optional("Territory", CellParsers.Text(200), (r, v) => r.Territory = v.Split(TerritorySeparators, StringSplitOptions.RemoveEmptyEntries),
            example: "31 32 36", aliases: ["Wilayah"])
        .Optional("PaymentTermDays", CellParsers.Integer(min: 0, max: Partner.MaxPaymentTermDays), (r, v) => r.PaymentTermDays = v, example: "30", aliases: ["TerminHari"])
        .Optional("CreditLimit", CellParsers.Decimal(min: 0), (r, v) => r.CreditLimit = v, example: "750000000", aliases: ["LimitKredit"])
        .Optional("OverdueLimit", CellParsers.Decimal(min: 0), (r, v) => r.OverdueLimit = v, example: "75000000", aliases: ["LimitJatuhTempo"])
        .Optional("CommissionRate", CellParsers.Decimal(min: 0, max: 100), (r, v) => r.CommissionRate = v, aliases: ["KomisiPersen", "Komisi"])
        .Unique("Code");

    private static readonly Dictionary<string, string> Columns = new()
    {
        [nameof(PartnerDetails.Code)] = "Code", [nameof(PartnerDetails.LegalName)] = "LegalName", [nameof(PartnerDetails.Type)] = "Type",
        [nameof(PartnerDetails.PriceTier)] = "PriceTier", [nameof(PartnerDetails.Npwp)] = "NPWP", [nameof(PartnerDetails.Nitku)] = "NITKU",
        [nameof(PartnerDetails.Address)] = "Address", [nameof(PartnerDetails.ProvinceCode)] = "ProvinceCode",
        [nameof(PartnerDetails.RegencyCode)] = "RegencyCode", [nameof(PartnerDetails.PostalCode)] = "PostalCode",
        [nameof(PartnerDetails.Phone)] = "Phone", [nameof(PartnerDetails.Email)] = "Email", [nameof(PartnerDetails.BillingEmail)] = "BillingEmail",
        [nameof(PartnerDetails.Territory)] = "Territory", [nameof(PartnerDetails.PaymentTermDays)] = "PaymentTermDays",
        [nameof(PartnerDetails.CreditLimit)] = "CreditLimit", [nameof(PartnerDetails.OverdueLimit)] = "OverdueLimit",
        [nameof(PartnerDetails.CommissionRatePercent)] = "CommissionRate",
    };

    protected override async Task ValidateAsync(IReadOnlyList<ImportRow<PartnerImportRow>> rows, ImportErrors errors, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var codes = rows.Select(r => ImportChecks.Code(r.Value.Code))
            .Concat(rows.Where(r => r.Value.ParentCode is not null).Select(r => ImportChecks.Code(r.Value.ParentCode)))
            .Distinct().ToList();
        var existing = await db.Partners.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var rowOf = new Dictionary<string, int>();
        foreach (var row in rows) rowOf.TryAdd(ImportChecks.Code(row.Value.Code), row.Number);

        foreach (var row in rows)
        {
            var value = row.Value;
            var code = ImportChecks.Code(value.Code);
            if (existing.ContainsKey(code)) errors.Add(row, "Code", "Import.CodeExists", code);
            if (value.ParentCode is not null)
            {
                var parent = ImportChecks.Code(value.ParentCode);
                if (existing.TryGetValue(parent, out var parentId)) value.ExistingParentId = parentId;
                else if (parent == code) errors.Add(row, "ParentCode", "Import.ParentIsSelf", parent);
                else if (rowOf.TryGetValue(parent, out var parentRow) && parentRow > row.Number)
                    errors.Add(row, "ParentCode", "Import.ParentOnLaterRow", parent, parentRow);
                else if (!rowOf.ContainsKey(parent)) errors.Add(row, "ParentCode", "Import.PartnerNotFound", parent);
            }
            errors.AddDomainErrors(row, Partner.Check(value.Details(value.ExistingParentId), areas), Columns);
        }
    }

    protected override async Task<Result<int>> CommitAsync(IReadOnlyList<PartnerImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Rows come in file order, so a parent on an earlier row is created (and in the same or an earlier batch saved) first.
        var created = new Dictionary<string, Guid>();
        return Result<int>.Ok(await ImportTransaction.RunAsync(factory, rows, (db, row, _) =>
        {
            var parentId = row.ExistingParentId
                ?? (row.ParentCode is null ? null : created[ImportChecks.Code(row.ParentCode)]);
            var partner = Partner.Create(row.Details(parentId), areas, []);
            created[partner.Code] = partner.Id;
            db.Partners.Add(partner);
            return ValueTask.CompletedTask;
        }, progress, ct));
    }
}
