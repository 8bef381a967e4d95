using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Import.Importers;

public sealed class WarehouseImportRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? OwnerPartnerCode { get; set; }
    public string? Address { get; set; }
    public string? ProvinceCode { get; set; }
    public string? RegencyCode { get; set; }

    internal Guid? OwnerPartnerId { get; set; }
}

/// <summary>
/// New warehouses from a file: the principal's own (no owner: primary stock) or a partner's (the owner's partner code:
/// secondary stock). The owner never changes later, so it is checked here.
/// </summary>
public sealed class WarehouseImporter(IDbContextFactory<SidigDbContext> factory, IndonesianAreas areas, PartnerScope scope)
    : Importer<WarehouseImportRow>
{
    public const string ImportName = "warehouses";
    public override string Name => ImportName;
    public override string Policy => Policies.ManageWarehouses;

    public override ImportSchema<WarehouseImportRow> Schema { get; } = new ImportSchema<WarehouseImportRow>()
        .Required("Code", CellParsers.Text(Codes.MaxLength), (r, v) => r.Code = v, example: "WH-DIST-JKT", aliases: ["Kode"])
        .Required("Name", CellParsers.Text(100), (r, v) => r.Name = v, example: "Gudang Sinar Jaya Jakarta", aliases: ["Nama"])
        .Optional("OwnerPartnerCode", CellParsers.Text(Codes.MaxLength), (r, v) => r.OwnerPartnerCode = v, example: "DIST-JKT", aliases: ["KodeMitraPemilik", "Pemilik"])
        .Optional("Address", CellParsers.Text(ContactRules.AddressMaxLength), (r, v) => r.Address = v, example: "Kawasan Industri Pulogadung Blok C", aliases: ["Alamat"])
        .Optional("ProvinceCode", CellParsers.Text(2), (r, v) => r.ProvinceCode = v, example: "31", aliases: ["KodeProvinsi"])
        .Optional("RegencyCode", CellParsers.Text(5), (r, v) => r.RegencyCode = v, example: "31.75", aliases: ["KodeKabupaten", "KodeKota"])
        .Unique("Code");

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["Code"] = "Code", ["Name"] = "Name", ["Address"] = "Address", ["ProvinceCode"] = "ProvinceCode", ["RegencyCode"] = "RegencyCode",
    };

    protected override async Task ValidateAsync(IReadOnlyList<ImportRow<WarehouseImportRow>> rows, ImportErrors errors, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var codes = rows.Select(r => ImportChecks.Code(r.Value.Code)).Distinct().ToList();
        var taken = (await db.Warehouses.AsNoTracking().Where(w => codes.Contains(w.Code)).Select(w => w.Code).ToListAsync(ct)).ToHashSet();
        var owners = rows.Where(r => r.Value.OwnerPartnerCode is not null).Select(r => ImportChecks.Code(r.Value.OwnerPartnerCode)).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => owners.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var visible = await scope.VisibleAsync(ct); // staff: null (every partner)

        foreach (var row in rows)
        {
            var value = row.Value;
            errors.AddDomainErrors(row, Warehouse.Check(value.Code, value.Name, value.Address, value.ProvinceCode, value.RegencyCode, areas), Columns);
            var code = ImportChecks.Code(value.Code);
            if (taken.Contains(code)) errors.Add(row, "Code", "Import.CodeExists", code);
            if (value.OwnerPartnerCode is null)
            {
                if (visible is not null) errors.Add(row, "OwnerPartnerCode", "Import.OwnerRequired");
                continue;
            }
            var owner = ImportChecks.Code(value.OwnerPartnerCode);
            value.OwnerPartnerId = partners.TryGetValue(owner, out var id) && (visible is null || visible.Contains(id)) ? id : null;
            if (value.OwnerPartnerId is null) errors.Add(row, "OwnerPartnerCode", "Import.PartnerNotFound", owner);
        }
    }

    protected override async Task<Result<int>> CommitAsync(IReadOnlyList<WarehouseImportRow> rows, IProgress<ImportProgress>? progress, CancellationToken ct) =>
        Result<int>.Ok(await ImportTransaction.RunAsync(factory, rows, (db, row, _) =>
        {
            db.Warehouses.Add(Warehouse.Create(row.Code, row.Name, row.OwnerPartnerId, row.Address, row.ProvinceCode, row.RegencyCode, areas));
            return ValueTask.CompletedTask;
        }, progress, ct));
}
