using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.Stock;

namespace Sidig.Web.Features.Api;

/// <summary>On-hand of one product in one warehouse (the ledger's balance).</summary>
public sealed record ApiStockBalance(
    Guid WarehouseId, string WarehouseCode, string WarehouseName, bool PrimaryStock, Guid ProductId, string Sku, string ProductName, string Unit,
    string? GoodsCode, decimal OnHand);

/// <summary><see cref="Warehouse"/> and <see cref="Product"/> are codes (warehouse code, SKU), exact and case-insensitive.</summary>
public sealed record ListApiStock(string? Warehouse = null, string? Product = null, bool IncludeZero = false, int Page = 1, int PageSize = ApiPaging.DefaultPageSize);

public sealed class ListApiStockHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<ApiPage<ApiStockBalance>>> HandleAsync(ListApiStock query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewStock)) return Result<ApiPage<ApiStockBalance>>.Fail("Access.Denied");
        var partners = await StockVisibility.PartnersAsync(scope, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouses = db.Warehouses.AsNoTracking().Visible(partners);
        if (!string.IsNullOrWhiteSpace(query.Warehouse))
        {
            var code = query.Warehouse.Trim().ToUpperInvariant();
            warehouses = warehouses.Where(w => w.Code.ToUpper() == code);
        }
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Product))
        {
            var sku = query.Product.Trim().ToUpperInvariant();
            products = products.Where(p => p.Sku.ToUpper() == sku);
        }
        var balances = from b in db.StockBalances.AsNoTracking()
                       join w in warehouses on b.WarehouseId equals w.Id
                       join p in products on b.ProductId equals p.Id
                       where query.IncludeZero || b.OnHand != 0
                       select new { b, w, p };

        var (page, size) = ApiPaging.Clamp(query.Page, query.PageSize);
        var total = await balances.CountAsync(ct);
        var items = await balances.OrderBy(x => x.w.Code).ThenBy(x => x.p.Sku)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new ApiStockBalance(x.w.Id, x.w.Code, x.w.Name, x.w.OwnerPartnerId == null, x.p.Id, x.p.Sku, x.p.Name, x.p.Unit, x.p.GoodsCode, x.b.OnHand))
            .ToListAsync(ct);
        return Result<ApiPage<ApiStockBalance>>.Ok(new ApiPage<ApiStockBalance>(items, page, size, total));
    }
}
