using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Allocations;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>
/// Places a sales order (number SO/&lt;year&gt;/nnnnnn) for a partner: lines priced by the price lookup, line and order
/// discount; with <see cref="Submit"/> it is submitted in the same transaction (the checks of <see cref="SubmitOrderHandler"/>).
/// A partner user orders only within its scope: a distributor for itself, an agent for its customers (AgentId = the agent).
/// </summary>
public sealed record PlaceOrder(Guid PartnerId, Guid? WarehouseId, string? CustomerReference, string? Notes, decimal DiscountPercent,
    IReadOnlyList<PlaceOrderLine> Lines, OrderSource Source = OrderSource.Staff, bool Submit = false, Guid? AgentId = null);

public sealed record PlaceOrderLine(Guid ProductId, decimal Quantity, decimal DiscountPercent = 0);

/// <summary>The saved order. When submission was asked for but refused (e.g. short stock), the order stays a draft and <see cref="SubmitProblems"/> says why.</summary>
public sealed record PlacedOrder(Guid Id, string Number, OrderStatus Status, decimal Total, IReadOnlyList<Error> SubmitProblems);

public sealed class PlaceOrderHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, AllocationCheck allocations,
    IStringLocalizer<OrderText> text, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public const string SequenceName = "SalesOrder";
    public const string NumberPrefix = "SO";

    /// <summary>In its own context and transaction.</summary>
    public async Task<Result<PlacedOrder>> HandleAsync(PlaceOrder cmd, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await HandleAsync(cmd, db, ct);
    }

    /// <summary>
    /// Inside the caller's context. When the caller has a transaction open, the order is written in it and NOT committed
    /// (the caller commits, e.g. together with its idempotency record; on a failure the caller rolls back). Otherwise
    /// this opens and commits its own.
    /// </summary>
    public async Task<Result<PlacedOrder>> HandleAsync(PlaceOrder cmd, SidigDbContext db, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<PlacedOrder>.Fail("Access.Denied");
        if (OrderPricing.CheckInput(cmd.Lines, cmd.DiscountPercent) is { Count: > 0 } inputErrors) return Result<PlacedOrder>.Fail(inputErrors);
        if (!Enum.IsDefined(cmd.Source)) return Result<PlacedOrder>.Fail("Order.SourceInvalid");

        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == cmd.PartnerId).Select(p => new { p.Id, p.IsActive }).FirstOrDefaultAsync(ct);
        if (partner is null || !await viewer.CanOrderForAsync(db, cmd.PartnerId, ct)) return Result<PlacedOrder>.Fail("Partner.NotFound", "PartnerId");
        if (!partner.IsActive) return Result<PlacedOrder>.Fail("Order.PartnerInactive", "PartnerId");

        var source = cmd.Source;
        Guid? agentId;
        if (viewer.IsStaff)
        {
            agentId = cmd.AgentId;
            if (agentId is { } a && !await db.Partners.AsNoTracking().AnyAsync(p => p.Id == a && p.Type == PartnerType.Agent, ct))
                return Result<PlacedOrder>.Fail("Order.AgentInvalid", "AgentId");
        }
        else
        {
            agentId = viewer.IsAgent ? viewer.OwnPartnerId : null;
            if (source == OrderSource.Staff) source = viewer.IsAgent ? OrderSource.Agent : OrderSource.Portal;
        }
        if (cmd.WarehouseId is { } w && !await OrderPricing.IsPrincipalWarehouseAsync(db, w, ct))
            return Result<PlacedOrder>.Fail("Order.WarehouseInvalid", "WarehouseId");

        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var priced = await OrderPricing.PriceAsync(db, cmd.PartnerId, today, cmd.Lines, ct);
        if (!priced.Succeeded) return Result<PlacedOrder>.Fail(priced.Errors);

        var ownTransaction = db.Database.CurrentTransaction is null;
        var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var year = today.Year.ToString(CultureInfo.InvariantCulture);
            var number = NumberSequences.Format(NumberPrefix, year, await NumberSequences.NextAsync(db, SequenceName, year, ct));
            var now = clock.GetUtcNow();
            SalesOrder order;
            try
            {
                order = SalesOrder.Create(number, cmd.PartnerId, agentId, source, today, cmd.WarehouseId, cmd.CustomerReference, cmd.Notes, now, user.UserName);
                order.SetLines(priced.Value!, cmd.DiscountPercent);
            }
            catch (DomainException e)
            {
                if (tx is not null) await tx.RollbackAsync(ct);
                return Result<PlacedOrder>.Fail(e.Code);
            }
            db.SalesOrders.Add(order);
            await db.SaveChangesAsync(ct);

            IReadOnlyList<Error> problems = [];
            if (cmd.Submit)
            {
                problems = await OrderSubmission.SubmitAsync(db, order, allocations, text, today, now, user.UserName, ct);
                await db.SaveChangesAsync(ct);
            }
            if (tx is not null) await tx.CommitAsync(ct);
            return Result<PlacedOrder>.Ok(new PlacedOrder(order.Id, order.Number, order.Status, order.Total, problems));
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
        }
    }
}
