using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Units;

namespace Sidig.Tests.Features.Units;

/// <summary>Unit batches: units, serials, public codes and the stock receipt in one transaction; lookup and the public scan page.</summary>
public abstract class UnitBatchTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private const string Warehouse = "warehouse@demo.test";
    private readonly Builders _make = new(app);
    private static readonly DateOnly Produced = new(2026, 11, 20);

    private Task<Result<CreatedUnitBatch>> Create(CreateUnitBatch command, string email = Warehouse, string tenant = "demo") =>
        app.Handle<CreateUnitBatchHandler, Result<CreatedUnitBatch>>(tenant, email, h => h.HandleAsync(command));

    private async Task<(Product Product, Warehouse Warehouse)> Setup(Guid? policyId = null)
    {
        var product = await _make.Product(serialised: true);
        if (policyId is { } id)
            await app.InTenant("demo", async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
                await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.WarrantyPolicyId, id));
            });
        return (product, await _make.Warehouse());
    }

    private Task<List<Unit>> UnitsOf(Guid batchId) => _make.Query(db => db.Units.Where(u => u.BatchId == batchId).OrderBy(u => u.Serial).ToListAsync());

    [Fact]
    public async Task A_batch_creates_its_units_and_receives_them_on_the_ledger_in_one_go()
    {
        var (product, warehouse) = await Setup();
        var result = await Create(new CreateUnitBatch(product.Id, "L2611-A", Produced, 25, "{sku}-{yy}{MM}-{n:4}", warehouse.Id));

        result.Errors.ShouldBeEmpty();
        result.Value!.FirstSerial.ShouldBe($"{product.Sku}-2611-0001");
        result.Value.LastSerial.ShouldBe($"{product.Sku}-2611-0025");
        var units = await UnitsOf(result.Value.Id);
        units.Count.ShouldBe(25);
        units.ShouldAllBe(u => u.WarehouseId == warehouse.Id && u.Status == UnitStatus.InStock && PublicCode.IsWellFormed(u.PublicCode));
        (await _make.OnHand(warehouse.Id, product.Id)).ShouldBe(25m);
        (await _make.LedgerSum(warehouse.Id, product.Id)).ShouldBe(25m);
        (await _make.Query(db => db.UnitEvents.CountAsync(e => units.Select(u => u.Id).Contains(e.UnitId) && e.Kind == UnitEventKind.Created))).ShouldBe(25);
    }

    [Fact]
    public async Task The_serial_counter_runs_on_across_a_products_batches()
    {
        var (product, warehouse) = await Setup();
        (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 3, "{sku}-{n:4}", warehouse.Id))).Errors.ShouldBeEmpty();
        var second = await Create(new CreateUnitBatch(product.Id, "L2", Produced, 2, "{sku}-{lot}-{n:4}", warehouse.Id));
        second.Value!.FirstSerial.ShouldBe($"{product.Sku}-L2-0004");
        second.Value.LastSerial.ShouldBe($"{product.Sku}-L2-0005");
    }

    [Fact]
    public async Task A_lot_twice_a_product_without_serials_or_a_partners_warehouse_is_refused_and_nothing_is_stored()
    {
        var (product, warehouse) = await Setup();
        (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 2, SerialPattern.Default, warehouse.Id))).Errors.ShouldBeEmpty();
        (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 2, SerialPattern.Default, warehouse.Id))).Errors.Single().Code.ShouldBe("Units.LotExists");

        var plain = await _make.Product(serialised: false);
        (await Create(new CreateUnitBatch(plain.Id, "L9", Produced, 2, SerialPattern.Default, warehouse.Id))).Errors.Single().Code.ShouldBe("Units.ProductNotSerialised");
        var partnerWarehouse = await _make.Warehouse((await _make.Partner()).Id);
        (await Create(new CreateUnitBatch(product.Id, "L9", Produced, 2, SerialPattern.Default, partnerWarehouse.Id))).Errors.Single().Code.ShouldBe("Units.WarehouseNotPrimary");

        (await _make.OnHand(warehouse.Id, product.Id)).ShouldBe(2m);
        (await _make.Query(db => db.Units.CountAsync(u => u.ProductId == product.Id))).ShouldBe(2);
        (await _make.Query(db => db.Units.CountAsync(u => u.ProductId == plain.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_pattern_that_repeats_another_products_serials_is_refused_with_the_serial_and_nothing_is_kept()
    {
        var (a, warehouse) = await Setup();
        var b = await _make.Product(serialised: true);
        var lot = Builders.Unique("LOT");
        (await Create(new CreateUnitBatch(a.Id, lot, Produced, 2, "{lot}-{n:3}", warehouse.Id))).Errors.ShouldBeEmpty();
        var clash = await Create(new CreateUnitBatch(b.Id, lot, Produced, 2, "{lot}-{n:3}", warehouse.Id));

        clash.Errors.Single().Code.ShouldBe("Units.SerialTaken");
        clash.Errors.Single().Args.ShouldBe([$"{lot}-001"]);
        (await _make.OnHand(warehouse.Id, b.Id)).ShouldBe(0m);
        // The refused batch gave its counter back with the rolled-back transaction.
        (await Create(new CreateUnitBatch(b.Id, lot + "B", Produced, 1, "{sku}-{n:3}", warehouse.Id))).Value!.FirstSerial.ShouldBe($"{b.Sku}-001");
    }

    [Fact]
    public async Task The_batch_list_finds_a_batch_by_lot_product_or_serial_and_pages_newest_first()
    {
        var (product, warehouse) = await Setup();
        var lot = Builders.Unique("LOT");
        var first = (await Create(new CreateUnitBatch(product.Id, lot + "-1", Produced, 2, "{sku}-{n:4}", warehouse.Id))).Value!;
        var second = (await Create(new CreateUnitBatch(product.Id, lot + "-2", Produced, 2, "{sku}-{n:4}", warehouse.Id))).Value!;

        Task<Result<UnitBatchList>> List(ListUnitBatches q, string email = "cs@demo.test") =>
            app.Handle<ListUnitBatchesHandler, Result<UnitBatchList>>("demo", email, h => h.HandleAsync(q));
        var byLot = (await List(new ListUnitBatches(Search: lot.ToLowerInvariant()))).Value!;
        byLot.TotalCount.ShouldBe(2);
        byLot.Items.Select(i => i.Id).ShouldBe([second.Id, first.Id]);
        byLot.Items[0].WarehouseCode.ShouldBe(warehouse.Code);
        (await List(new ListUnitBatches(Search: second.LastSerial))).Value!.Items.Select(i => i.Id).ShouldBe([second.Id]);
        (await List(new ListUnitBatches(ProductId: product.Id, SortBy: nameof(UnitBatchListItem.Lot), Descending: false, PageSize: 1))).Value!
            .Items.Select(i => i.Id).ShouldBe([first.Id]);
        (await List(new ListUnitBatches(ProductId: product.Id), "distributor@demo.test")).Errors.Single().Code.ShouldBe("Access.Denied");
        (await app.Handle<ListUnitBatchesHandler, Result<UnitBatchList>>("other", "cs@other.test", h => h.HandleAsync(new ListUnitBatches(Search: lot))))
            .Value!.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field()
    {
        var result = await Create(new CreateUnitBatch(null, " ", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), 0, "{sku}", null));
        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe([
            ("Validation.Required", "ProductId"), ("Validation.Required", "WarehouseId"), ("Units.LotRequired", "Lot"),
            ("Units.ProducedInFuture", "ProducedOn"), ("Units.QuantityRange", "Quantity"), ("Units.PatternNeedsCounter", "SerialPattern")], ignoreOrder: true);
    }

    [Theory]
    [InlineData("sales@demo.test")]
    [InlineData("distributor@demo.test")]
    [InlineData("technician@demo.test")]
    public async Task Only_admins_and_warehouse_staff_create_batches(string email)
    {
        var (product, warehouse) = await Setup();
        (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, SerialPattern.Default, warehouse.Id), email)).Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task Staff_find_a_unit_by_serial_by_code_or_by_its_scanned_url_and_see_its_history()
    {
        var (product, warehouse) = await Setup();
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 3, "{sku}-{n:4}", warehouse.Id))).Value!;
        var unit = (await UnitsOf(batch.Id))[1];

        async Task<IReadOnlyList<UnitMatch>> Find(string text, string email = "cs@demo.test") =>
            (await app.Handle<LookUpUnitHandler, Result<IReadOnlyList<UnitMatch>>>("demo", email, h => h.HandleAsync(new LookUpUnit(text)))).Value!;
        (await Find(unit.Serial.ToLowerInvariant())).Select(m => m.Id).ShouldBe([unit.Id]);
        (await Find(unit.PublicCode)).Select(m => m.Id).ShouldBe([unit.Id]);
        (await Find($"https://demo.sidig.id/u/{unit.PublicCode}?x=1")).Select(m => m.Id).ShouldBe([unit.Id]);
        (await Find($"{product.Sku}-")).Count.ShouldBe(3);

        var details = (await app.Handle<GetUnitHandler, Result<UnitDetails>>("demo", "technician@demo.test", h => h.HandleAsync(new GetUnit(unit.Id)))).Value!;
        (details.Serial, details.Lot, details.WarehouseCode, details.Status).ShouldBe((unit.Serial, "L1", warehouse.Code, UnitStatus.InStock));
        details.History.Select(h => (h.Kind, h.DocumentNumber, h.WarehouseCode)).ShouldBe([(UnitEventKind.Created, "L1", warehouse.Code)]);
    }

    [Fact]
    public async Task Another_tenant_and_partner_users_find_nothing()
    {
        var (product, warehouse) = await Setup();
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, "{sku}-{n:4}", warehouse.Id))).Value!;
        var unit = (await UnitsOf(batch.Id)).Single();

        (await app.Handle<LookUpUnitHandler, Result<IReadOnlyList<UnitMatch>>>("other", "cs@other.test", h => h.HandleAsync(new LookUpUnit(unit.Serial))))
            .Value!.ShouldBeEmpty();
        (await app.Handle<LookUpUnitHandler, Result<IReadOnlyList<UnitMatch>>>("other", "cs@other.test", h => h.HandleAsync(new LookUpUnit(unit.PublicCode))))
            .Value!.ShouldBeEmpty();
        (await app.Handle<GetUnitHandler, Result<UnitDetails>>("other", "admin@other.test", h => h.HandleAsync(new GetUnit(unit.Id))))
            .Errors.Single().Code.ShouldBe("Units.NotFound");
        (await app.Handle<GetUnitHandler, Result<UnitDetails>>("demo", "distributor@demo.test", h => h.HandleAsync(new GetUnit(unit.Id))))
            .Errors.Single().Code.ShouldBe("Access.Denied");
    }

    [Fact]
    public async Task The_public_scan_page_shows_a_genuine_unit_and_its_warranty_without_sign_in()
    {
        var policyId = await _make.Query(db => db.WarrantyPolicies.Where(w => w.StartsOn == WarrantyStart.Registration).Select(w => w.Id).FirstAsync());
        var (product, warehouse) = await Setup(policyId);
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, "{sku}-{n:4}", warehouse.Id))).Value!;
        var unit = (await UnitsOf(batch.Id)).Single();

        using var anonymous = app.Client("demo");
        var response = await anonymous.Http.GetAsync(UnitEndpoints.ScanPath(unit.PublicCode));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"scan-genuine\"");
        html.ShouldContain(unit.Serial);
        html.ShouldContain(product.Name);
        html.ShouldContain("data-state=\"NotRegistered\"");
        html.ShouldNotContain("\"type\":\"server\""); // a plain server-rendered page: no interactive circuit to read it
        html.ShouldNotContain(warehouse.Code); // nothing about where it is or who has it
    }

    [Fact]
    public async Task The_scan_page_encodes_a_product_name_with_markup_in_text_and_attributes()
    {
        var (product, warehouse) = await Setup();
        const string name = "Pompa \"><script>alert(1)</script> & Co";
        await app.InTenant("demo", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            await db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Name, name).SetProperty(p => p.ImageContentType, "image/png"));
        });
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, "{sku}-{n:4}", warehouse.Id))).Value!;
        var unit = (await UnitsOf(batch.Id)).Single();

        using var anonymous = app.Client("demo");
        var html = await anonymous.Http.GetStringAsync(UnitEndpoints.ScanPath(unit.PublicCode));
        html.ShouldContain("data-testid=\"scan-image\""); // the name is also the image's alt attribute
        html.ShouldNotContain("<script>");
        html.ShouldContain("alt=\"Pompa &quot;&gt;&lt;script&gt;"); // the quote cannot close the attribute
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co");
    }

    [Fact]
    public async Task The_label_sheet_of_a_batch_has_every_serial_and_qr_codes_that_open_the_units_on_this_host()
    {
        var (product, warehouse) = await Setup();
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 5, "{sku}-{n:4}", warehouse.Id))).Value!;
        var units = await UnitsOf(batch.Id);

        using var client = await app.Client("demo").SignedInAs(Warehouse);
        var response = await client.Http.GetAsync(UnitEndpoints.LabelsUrl(batch.Id, "single-50x30"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = PdfFiles.PageTexts(pdf);
        pages.Count.ShouldBe(5); // one label per page on a label printer
        for (var i = 0; i < units.Count; i++)
        {
            pages[i].Replace(" ", "").ShouldContain(units[i].Serial); // a long serial may break onto a second line of a small label
            PdfFiles.DecodeQrCodes(PdfFiles.RenderPng(pdf, page: i + 1, dpi: 300)).ShouldBe([$"http://demo.localhost/u/{units[i].PublicCode}"]);
        }

        var sheet = PdfFiles.PageTexts(await client.Http.GetByteArrayAsync(UnitEndpoints.LabelsUrl(batch.Id, "a4-3x8")));
        sheet.Count.ShouldBe(1); // 5 labels on one A4 sheet of 24
        units.ShouldAllBe(u => sheet[0].Replace(" ", "").Contains(u.Serial));
    }

    [Fact]
    public async Task Labels_are_for_staff_who_make_batches_of_this_tenant_only()
    {
        var (product, warehouse) = await Setup();
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, "{sku}-{n:4}", warehouse.Id))).Value!;
        using var sales = await app.Client("demo").SignedInAs("sales@demo.test");
        (await sales.Http.GetAsync(UnitEndpoints.LabelsUrl(batch.Id, "a4-3x8"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var other = await app.Client("other").SignedInAs("warehouse@other.test");
        (await other.Http.GetAsync(UnitEndpoints.LabelsUrl(batch.Id, "a4-3x8"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var warehouseUser = await app.Client("demo").SignedInAs(Warehouse);
        (await warehouseUser.Http.GetAsync(UnitEndpoints.LabelsUrl(batch.Id, "a9-99x99"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_scan_pages_product_photo_is_public_on_the_units_own_host_only()
    {
        var (product, warehouse) = await Setup();
        using (var bitmap = new SkiaSharp.SKBitmap(4, 4))
        using (var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100))
        {
            var bytes = png.ToArray();
            await app.InTenant("demo", async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
                (await db.Products.FirstAsync(p => p.Id == product.Id)).SetImage(bytes);
                await db.SaveChangesAsync();
            });
        }
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, "{sku}-{n:4}", warehouse.Id))).Value!;
        var unit = (await UnitsOf(batch.Id)).Single();

        using var demo = app.Client("demo");
        var own = await demo.Http.GetAsync($"{UnitEndpoints.ScanPath(unit.PublicCode)}/image");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        using var other = app.Client("other");
        (await other.Http.GetAsync($"{UnitEndpoints.ScanPath(unit.PublicCode)}/image")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await demo.Http.GetAsync($"{UnitEndpoints.ScanPath(PublicCode.New())}/image")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_code_or_another_tenants_code_is_reported_as_possibly_counterfeit()
    {
        var (product, warehouse) = await Setup();
        var batch = (await Create(new CreateUnitBatch(product.Id, "L1", Produced, 1, "{sku}-{n:4}", warehouse.Id))).Value!;
        var unit = (await UnitsOf(batch.Id)).Single();

        using var other = app.Client("other");
        var html = await (await other.Http.GetAsync(UnitEndpoints.ScanPath(unit.PublicCode))).Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"scan-unknown\"");
        html.ShouldNotContain(unit.Serial);

        using var demo = app.Client("demo");
        foreach (var code in new[] { PublicCode.New(), "not-a-code", "%3Cscript%3Ealert(1)%3C%2Fscript%3E" })
        {
            var response = await demo.Http.GetAsync($"/u/{code}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldContain("data-testid=\"scan-unknown\"");
            text.ShouldNotContain("<script>alert(1)");
        }
    }
}

public sealed class UnitBatchTests_Sqlite(SqliteApp app) : UnitBatchTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class UnitBatchTests_Postgres(PostgresApp app) : UnitBatchTests<PostgresApp>(app), IClassFixture<PostgresApp>;
