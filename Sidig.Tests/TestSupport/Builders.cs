using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Partners;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;

namespace Sidig.Tests.TestSupport;

/// <summary>
/// Creates catalog, partner and stock records straight through the domain in one tenant, for tests that need them
/// as a starting point. Codes get a random suffix so tests in one class never collide.
/// </summary>
public sealed class Builders(SidigAppFactory app, string tenant = "demo")
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public Task<Product> Product(string? sku = null, bool serialised = false, decimal minStock = 0) =>
        Add(sp => Sidig.Domain.Catalog.Product.Create(new ProductDetails(sku ?? Unique("SKU"), "Produk Uji " + (sku ?? ""), null, "Demo", "PCS",
            1.5m, null, serialised, minStock, null)));

    public Task<Partner> Partner(PartnerType type = PartnerType.Distributor, Guid? parentId = null, string? code = null, string province = "31") =>
        Add(sp => Sidig.Domain.Partners.Partner.Create(new PartnerDetails(code ?? Unique("P"), "PT Mitra " + (code ?? "Uji"), type, parentId,
            Sidig.Domain.Partners.Partner.DefaultTier(type), null, null, "Jl. Uji No. 1", province, null, null, null, null, null, [province],
            30, 100_000_000m, 10_000_000m, type == PartnerType.Agent ? 2.5m : null), sp.GetRequiredService<IndonesianAreas>(), Array.Empty<Guid>()));

    public Task<Warehouse> Warehouse(Guid? ownerPartnerId = null, string? code = null, string province = "31") =>
        Add(sp => Sidig.Domain.Stock.Warehouse.Create(code ?? Unique("WH"), "Gudang " + (code ?? "Uji"), ownerPartnerId, "Jl. Gudang 2", province, null,
            sp.GetRequiredService<IndonesianAreas>()));

    /// <summary>Posts movements through the real ledger; returns its result.</summary>
    public Task<Sidig.Domain.Common.Result> Post(string documentNumber, params StockLine[] lines) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            return await sp.GetRequiredService<StockLedger>().PostAsync(db, new StockDocument(StockLedger.DocumentReceipt, documentNumber), lines);
        });

    public Task<Sidig.Domain.Common.Result> Receive(Guid warehouseId, Guid productId, decimal quantity) =>
        Post(Unique("GR"), new StockLine(warehouseId, productId, MovementType.Receipt, quantity));

    public Task<decimal> OnHand(Guid warehouseId, Guid productId) =>
        Query(db => db.StockBalances.Where(b => b.WarehouseId == warehouseId && b.ProductId == productId).Select(b => b.OnHand).FirstOrDefaultAsync());

    public Task<decimal> LedgerSum(Guid warehouseId, Guid productId) =>
        Query(async db => (await db.StockMovements.Where(m => m.WarehouseId == warehouseId && m.ProductId == productId)
            .Select(m => m.Quantity).ToListAsync()).Sum());

    public Task<T> Query<T>(Func<SidigDbContext, Task<T>> query) =>
        app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            return await query(db);
        });

    private Task<T> Add<T>(Func<IServiceProvider, T> create) where T : class =>
        app.InTenant(tenant, async sp =>
        {
            var entity = create(sp);
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.Add(entity);
            await db.SaveChangesAsync();
            return entity;
        });
}
