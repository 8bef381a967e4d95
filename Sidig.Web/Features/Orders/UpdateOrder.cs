using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Allocations;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>Changes a draft order (warehouse, references, lines re-priced today, discounts); with <see cref="Submit"/> submits it too.</summary>
public sealed record UpdateOrder(Guid Id, Guid? WarehouseId, string? CustomerReference, string? Notes, decimal DiscountPercent,
    IReadOnlyList<PlaceOrderLine> Lines, bool Submit = false);

public sealed class UpdateOrderHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, AllocationCheck allocations,
    IStringLocalizer<OrderText> text, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result<PlacedOrder>> HandleAsync(UpdateOrder cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<PlacedOrder>.Fail("Access.Denied");
        if (OrderPricing.CheckInput(cmd.Lines, cmd.DiscountPercent) is { Count: > 0 } inputErrors) return Result<PlacedOrder>.Fail(inputErrors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoad.ForWriteAsync(db, viewer, cmd.Id, ct);
        if (order is null) return Result<PlacedOrder>.Fail("Order.NotFound");
        if (!order.IsEditable) return Result<PlacedOrder>.Fail("Order.NotEditable");
        if (cmd.WarehouseId is { } w && !await OrderPricing.IsPrincipalWarehouseAsync(db, w, ct))
            return Result<PlacedOrder>.Fail("Order.WarehouseInvalid", "WarehouseId");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var priced = await OrderPricing.PriceAsync(db, order.PartnerId, today, cmd.Lines, ct);
        if (!priced.Succeeded) return Result<PlacedOrder>.Fail(priced.Errors);
        try
        {
            order.EditHeader(cmd.WarehouseId, cmd.CustomerReference, cmd.Notes);
            order.SetLines(priced.Value!, cmd.DiscountPercent);
        }
        catch (DomainException e)
        {
            return Result<PlacedOrder>.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        IReadOnlyList<Error> problems = [];
        if (cmd.Submit)
        {
            problems = await OrderSubmission.SubmitAsync(db, order, allocations, text, today, clock.GetUtcNow(), user.UserName, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return Result<PlacedOrder>.Ok(new PlacedOrder(order.Id, order.Number, order.Status, order.Total, problems));
    }
}
