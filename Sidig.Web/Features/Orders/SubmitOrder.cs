using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Allocations;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;
using Sidig.Web.Features.Stock;

namespace Sidig.Web.Features.Orders;

/// <summary>Submits a draft order: the checks run, then it is approved at once or waits for approval with its reasons (ADR 0006).</summary>
public sealed record SubmitOrder(Guid OrderId);

public sealed class SubmitOrderHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, AllocationCheck allocations,
    IStringLocalizer<OrderText> text, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result<OrderStatus>> HandleAsync(SubmitOrder cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<OrderStatus>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoad.ForWriteAsync(db, viewer, cmd.OrderId, ct);
        if (order is null) return Result<OrderStatus>.Fail("Order.NotFound");
        if (order.Status != OrderStatus.Draft) return Result<OrderStatus>.Fail("Order.NotDraft");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var problems = await OrderSubmission.SubmitAsync(db, order, allocations, text, today, clock.GetUtcNow(), user.UserName, ct);
        if (problems.Count > 0) return Result<OrderStatus>.Fail(problems);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<OrderStatus>.Ok(order.Status);
    }
}

/// <summary>Loads an order with its lines, approvals and history, only when the user may see it (else null = not found).</summary>
public static class OrderLoad
{
    public static Task<SalesOrder?> ForWriteAsync(SidigDbContext db, OrderViewer viewer, Guid id, CancellationToken ct) =>
        viewer.Filter(db.SalesOrders).Include(o => o.Lines).Include(o => o.Approvals).Include(o => o.History)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
}

/// <summary>The outcome of the checks: what blocks the submission (errors per line) and what needs approval.</summary>
public sealed record OrderCheckOutcome(IReadOnlyList<Error> Blocks, IReadOnlyList<ApprovalNeed> Needs);

/// <summary>
/// The submission checks of ADR 0006, run inside the caller's transaction with the partner's and the warehouse's rows
/// locked (so two submissions for one partner or from one warehouse are checked one after the other):
/// <list type="bullet">
/// <item>stock: on hand in the chosen warehouse minus what other released orders still have to ship from it; a short line BLOCKS;</item>
/// <item>credit limit (when &gt; 0): outstanding of unpaid/partially paid invoices + not yet invoiced value of released orders + this order;</item>
/// <item>overdue: outstanding of invoices past due above the partner's overdue limit;</item>
/// <item>allocation: a line above what is left of the partner's quota for the product on the order date;</item>
/// <item>discount: a line or order discount above the tenant's approval threshold.</item>
/// </list>
/// The last four send the order to approval with their figures in rupiah.
/// </summary>
public static class OrderSubmission
{
    public static readonly OrderStatus[] Released =
        [OrderStatus.Approved, OrderStatus.PartiallyShipped, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Invoiced,
         OrderStatus.PartiallyPaid, OrderStatus.Paid];

    public static async Task<OrderCheckOutcome> CheckAsync(SidigDbContext db, SalesOrder order, AllocationCheck allocations,
        IStringLocalizer text, DateOnly today, CancellationToken ct)
    {
        var blocks = new List<Error>();
        var needs = new List<ApprovalNeed>();
        var lines = order.Lines;

        blocks.AddRange(await CheckStockAsync(db, order, ct));

        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == order.PartnerId)
            .Select(p => new { p.CreditLimit, p.OverdueLimit }).FirstAsync(ct);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.PartnerId == order.PartnerId && (i.Status == InvoiceStatus.Unpaid || i.Status == InvoiceStatus.PartiallyPaid))
            .Select(i => new { i.DueDate, i.Total, i.PaidAmount, i.CreditedAmount }).ToListAsync(ct);
        var receivable = invoices.Sum(i => Math.Max(0, i.Total - i.PaidAmount - i.CreditedAmount));

        if (partner.CreditLimit > 0)
        {
            var uninvoiced = (await (from o in db.SalesOrders.AsNoTracking()
                                     where o.PartnerId == order.PartnerId && o.Id != order.Id && Released.Contains(o.Status)
                                     from l in db.OrderLines.Where(x => x.OrderId == o.Id && x.InvoicedQuantity < x.Quantity)
                                     select new { l.NetAmount, l.Quantity, l.InvoicedQuantity }).ToListAsync(ct))
                .Sum(l => SalesMath.NetShare(l.NetAmount, l.Quantity, l.Quantity - l.InvoicedQuantity));
            var exposure = receivable + uninvoiced + order.Total;
            if (exposure > partner.CreditLimit)
                needs.Add(new(ApprovalReason.CreditLimit, text["Check.CreditLimit", Idr.Format(receivable), Idr.Format(uninvoiced),
                    Idr.Format(order.Total), Idr.Format(exposure), Idr.Format(partner.CreditLimit)]));
        }

        var overdue = invoices.Where(i => i.DueDate < today).ToList();
        var overdueAmount = overdue.Sum(i => Math.Max(0, i.Total - i.PaidAmount - i.CreditedAmount));
        if (overdueAmount > partner.OverdueLimit)
            needs.Add(new(ApprovalReason.OverdueInvoices, text["Check.Overdue", overdue.Count, Idr.Format(overdueAmount), Idr.Format(partner.OverdueLimit)]));

        var over = new List<string>();
        foreach (var l in lines)
        {
            if (await allocations.RemainingAsync(db, order.PartnerId, l.ProductId, order.OrderDate, ct) is { } quota && l.Quantity > quota.Remaining)
                over.Add(text["Check.AllocationLine", l.Sku, StockText.Quantity(l.Quantity), StockText.Quantity(Math.Max(0, quota.Remaining)), l.Unit]);
        }
        if (over.Count > 0) needs.Add(new(ApprovalReason.Allocation, Cut(text["Check.Allocation", string.Join("; ", over)])));

        var settings = await db.SalesSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? SalesSettings.CreateDefault();
        if (order.HighestDiscountPercent > settings.DiscountApprovalPercent)
        {
            var discountValue = order.GrossTotal - order.Total;
            needs.Add(new(ApprovalReason.Discount, text["Check.Discount", Percent(order.HighestDiscountPercent), Percent(settings.DiscountApprovalPercent),
                Idr.Format(discountValue)]));
        }
        return new OrderCheckOutcome(blocks, needs);
    }

    /// <summary>Lines above what the chosen warehouse can still give: on hand less what other released orders have yet to ship from it.</summary>
    public static async Task<IReadOnlyList<Error>> CheckStockAsync(SidigDbContext db, SalesOrder order, CancellationToken ct)
    {
        if (order.WarehouseId is not { } warehouseId) return [new Error("Order.WarehouseRequired", "WarehouseId")];
        var lines = order.Lines;
        var productIds = lines.Select(l => l.ProductId).ToList();
        var onHand = await db.StockBalances.AsNoTracking().Where(b => b.WarehouseId == warehouseId && productIds.Contains(b.ProductId))
            .Select(b => new { b.ProductId, b.OnHand }).ToDictionaryAsync(b => b.ProductId, b => b.OnHand, ct);
        var committed = await (from o in db.SalesOrders.AsNoTracking()
                               where o.WarehouseId == warehouseId && o.Id != order.Id && Released.Contains(o.Status)
                               from l in db.OrderLines.Where(x => x.OrderId == o.Id && productIds.Contains(x.ProductId))
                               select new { l.ProductId, l.Quantity, l.ShippedQuantity }).ToListAsync(ct);
        var open = committed.GroupBy(c => c.ProductId).ToDictionary(g => g.Key, g => g.Sum(c => c.Quantity - c.ShippedQuantity));
        var blocks = new List<Error>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var available = onHand.GetValueOrDefault(l.ProductId) - open.GetValueOrDefault(l.ProductId);
            if (l.Quantity > available)
                blocks.Add(new Error("Order.StockShort", $"Lines[{i}].Quantity", l.Sku, StockText.Quantity(Math.Max(0, available)), l.Unit));
        }
        return blocks;
    }

    /// <summary>
    /// Locks, checks and submits a draft in the caller's transaction. Returns the blocking problems (the order is left a
    /// draft) or none (submitted: approved at once, which consumes the allocations, or awaiting approval).
    /// </summary>
    public static async Task<IReadOnlyList<Error>> SubmitAsync(SidigDbContext db, SalesOrder order, AllocationCheck allocations,
        IStringLocalizer text, DateOnly today, DateTimeOffset now, string? by, CancellationToken ct)
    {
        if (order.Lines.Count == 0) return [new Error("Sales.NoLines", "Lines")];
        if (order.WarehouseId is null) return [new Error("Order.WarehouseRequired", "WarehouseId")];
        if (!await OrderPricing.IsPrincipalWarehouseAsync(db, order.WarehouseId.Value, ct)) return [new Error("Order.WarehouseInvalid", "WarehouseId")];
        await LockAsync(db, order, ct);
        var outcome = await CheckAsync(db, order, allocations, text, today, ct);
        if (outcome.Blocks.Count > 0) return outcome.Blocks;
        try
        {
            order.Submit(outcome.Needs, now, by);
        }
        catch (DomainException e)
        {
            return [new Error(e.Code)];
        }
        if (order.Status == OrderStatus.Approved) await ConsumeAllocationsAsync(db, order, approved: false, ct);
        return [];
    }

    /// <summary>Serialises submissions and approvals per partner and per warehouse (row locks held until commit).</summary>
    public static async Task LockAsync(SidigDbContext db, SalesOrder order, CancellationToken ct)
    {
        await db.Partners.Where(p => p.Id == order.PartnerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, p => p.IsActive), ct);
        if (order.WarehouseId is { } w)
            await db.Warehouses.Where(x => x.Id == w).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, x => x.IsActive), ct);
    }

    /// <summary>An approved order uses its quantities of the partner's quotas covering the order date (Allocation.Used += quantity).</summary>
    public static async Task ConsumeAllocationsAsync(SidigDbContext db, SalesOrder order, bool approved, CancellationToken ct)
    {
        foreach (var (allocation, quantity) in await AllocationsOfAsync(db, order, ct))
            allocation.Consume(quantity, approved);
    }

    /// <summary>Gives back what an approved order had used when it is cancelled.</summary>
    public static async Task ReleaseAllocationsAsync(SidigDbContext db, SalesOrder order, CancellationToken ct)
    {
        foreach (var (allocation, quantity) in await AllocationsOfAsync(db, order, ct))
        {
            var back = Math.Min(quantity, allocation.Used);
            if (back > 0) allocation.Release(back);
        }
    }

    private static async Task<List<(Domain.Stock.Allocation, decimal)>> AllocationsOfAsync(SidigDbContext db, SalesOrder order, CancellationToken ct)
    {
        var productIds = order.Lines.Select(l => l.ProductId).ToList();
        var date = order.OrderDate;
        var found = await db.Allocations.Where(a => a.PartnerId == order.PartnerId && productIds.Contains(a.ProductId)
                                                    && a.PeriodStart <= date && a.PeriodEnd >= date).ToListAsync(ct);
        return order.Lines.Select(l => (found.FirstOrDefault(a => a.ProductId == l.ProductId), l.Quantity))
            .Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.Quantity)).ToList();
    }

    private static string Percent(decimal p) => p.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture) + " %";

    private static string Cut(string s) => s.Length <= 500 ? s : s[..497] + "...";
}
