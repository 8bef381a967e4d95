using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Orders;

/// <summary>
/// Creates (<see cref="Id"/> null, number QUO/&lt;year&gt;/nnnnnn) or changes an open quotation, lines priced today like an order.
/// Principal staff for any partner (optionally crediting an agent), an agent user for its customers (AgentId = the agent).
/// </summary>
public sealed record SaveQuotation(Guid? Id, Guid PartnerId, DateOnly? ValidUntil, decimal DiscountPercent, string? Notes,
    IReadOnlyList<PlaceOrderLine> Lines, Guid? AgentId = null);

public sealed record SavedQuotation(Guid Id, string Number, decimal Total);

/// <summary>Who may write quotations: staff with PlaceOrders and agent users (distributors only read and answer theirs).</summary>
internal static class QuotationRules
{
    public static bool MayWrite(OrderViewer viewer) => viewer.IsStaff || viewer.IsAgent;

    public static Task<Quotation?> LoadAsync(SidigDbContext db, OrderViewer viewer, Guid id, CancellationToken ct) =>
        viewer.Filter(db.Quotations).Include(q => q.Lines).FirstOrDefaultAsync(q => q.Id == id, ct);
}

public sealed class SaveQuotationHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public const string SequenceName = "Quotation";
    public const string NumberPrefix = "QUO";

    public async Task<Result<SavedQuotation>> HandleAsync(SaveQuotation cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<SavedQuotation>.Fail("Access.Denied");
        var errors = OrderPricing.CheckInput(cmd.Lines, cmd.DiscountPercent).ToList();
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (cmd.ValidUntil is null) errors.Add(new("Validation.Required", "ValidUntil"));
        else if (cmd.ValidUntil < today) errors.Add(new("Quotation.ValidUntilBeforeDate", "ValidUntil"));
        if (errors.Count > 0) return Result<SavedQuotation>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        if (!QuotationRules.MayWrite(viewer)) return Result<SavedQuotation>.Fail("Access.Denied");
        if (!await viewer.CanOrderForAsync(db, cmd.PartnerId, ct) || !await db.Partners.AnyAsync(p => p.Id == cmd.PartnerId && p.IsActive, ct))
            return Result<SavedQuotation>.Fail("Partner.NotFound", "PartnerId");
        var agentId = viewer.IsAgent ? viewer.OwnPartnerId : cmd.AgentId;
        if (viewer.IsStaff && agentId is { } a && !await db.Partners.AnyAsync(p => p.Id == a && p.Type == PartnerType.Agent, ct))
            return Result<SavedQuotation>.Fail("Order.AgentInvalid", "AgentId");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Quotation? quotation = null;
        if (cmd.Id is { } id)
        {
            quotation = await QuotationRules.LoadAsync(db, viewer, id, ct);
            if (quotation is null) return Result<SavedQuotation>.Fail("Quotation.NotFound");
            if (quotation.PartnerId != cmd.PartnerId) return Result<SavedQuotation>.Fail("Quotation.NotEditable", "PartnerId");
        }
        var priced = await OrderPricing.PriceAsync(db, cmd.PartnerId, today, cmd.Lines, ct);
        if (!priced.Succeeded) return Result<SavedQuotation>.Fail(priced.Errors);
        try
        {
            if (quotation is null)
            {
                var year = today.Year.ToString(CultureInfo.InvariantCulture);
                var number = NumberSequences.Format(NumberPrefix, year, await NumberSequences.NextAsync(db, SequenceName, year, ct));
                quotation = Quotation.Create(number, cmd.PartnerId, agentId, today, cmd.ValidUntil!.Value, priced.Value!, cmd.DiscountPercent, cmd.Notes,
                    clock.GetUtcNow(), user.UserName);
                db.Quotations.Add(quotation);
            }
            else quotation.Edit(cmd.ValidUntil!.Value, priced.Value!, cmd.DiscountPercent, cmd.Notes);
        }
        catch (DomainException e)
        {
            return Result<SavedQuotation>.Fail(e.Code, e.Code == "Quotation.ValidUntilBeforeDate" ? "ValidUntil" : null);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<SavedQuotation>.Ok(new SavedQuotation(quotation.Id, quotation.Number, quotation.Total));
    }
}

public enum QuotationAction { MarkSent, Reject }

/// <summary>Marks a draft quotation as sent to the partner, or rejects an open one (the partner declined).</summary>
public sealed record ChangeQuotation(Guid Id, QuotationAction Action);

public sealed class ChangeQuotationHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<QuotationStatus>> HandleAsync(ChangeQuotation cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<QuotationStatus>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var quotation = await QuotationRules.LoadAsync(db, viewer, cmd.Id, ct);
        if (quotation is null) return Result<QuotationStatus>.Fail("Quotation.NotFound");
        if (cmd.Action == QuotationAction.MarkSent && !QuotationRules.MayWrite(viewer)) return Result<QuotationStatus>.Fail("Access.Denied");
        try
        {
            if (cmd.Action == QuotationAction.MarkSent) quotation.MarkSent();
            else quotation.Reject();
        }
        catch (DomainException e)
        {
            return Result<QuotationStatus>.Fail(e.Code);
        }
        await db.SaveChangesAsync(ct);
        return Result<QuotationStatus>.Ok(quotation.Status);
    }
}

/// <summary>
/// Accepts an open, unexpired quotation: a draft order (Source Quotation) with the same lines, prices and discounts and
/// the quotation's agent, shipping from <see cref="WarehouseId"/>; the quotation records the order. One transaction.
/// </summary>
public sealed record AcceptQuotation(Guid Id, Guid? WarehouseId);

public sealed class AcceptQuotationHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result<PlacedOrder>> HandleAsync(AcceptQuotation cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.PlaceOrders)) return Result<PlacedOrder>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        if (cmd.WarehouseId is { } w && !await OrderPricing.IsPrincipalWarehouseAsync(db, w, ct))
            return Result<PlacedOrder>.Fail("Order.WarehouseInvalid", "WarehouseId");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var quotation = await QuotationRules.LoadAsync(db, viewer, cmd.Id, ct);
        if (quotation is null) return Result<PlacedOrder>.Fail("Quotation.NotFound");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var now = clock.GetUtcNow();
        SalesOrder order;
        try
        {
            if (quotation.Status == QuotationStatus.Accepted) throw new DomainException("Quotation.AlreadyAccepted");
            if (quotation.DisplayStatus(today) == QuotationStatus.Expired) throw new DomainException("Quotation.Expired");
            if (quotation.Status is not (QuotationStatus.Draft or QuotationStatus.Sent)) throw new DomainException("Quotation.NotOpen");
            var year = today.Year.ToString(CultureInfo.InvariantCulture);
            var number = NumberSequences.Format(PlaceOrderHandler.NumberPrefix, year,
                await NumberSequences.NextAsync(db, PlaceOrderHandler.SequenceName, year, ct));
            order = SalesOrder.Create(number, quotation.PartnerId, quotation.AgentId, OrderSource.Quotation, today, cmd.WarehouseId,
                quotation.Number, quotation.Notes, now, user.UserName, quotation.Id);
            order.SetLines(quotation.LineInputs(), quotation.DiscountPercent);
            quotation.Accept(order.Id, today);
        }
        catch (DomainException e)
        {
            return Result<PlacedOrder>.Fail(e.Code);
        }
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<PlacedOrder>.Ok(new PlacedOrder(order.Id, order.Number, order.Status, order.Total, []));
    }
}

public sealed record GetQuotation(Guid Id);

public sealed record QuotationLineView(Guid ProductId, string Sku, string ProductName, string Unit, decimal Quantity, decimal UnitPrice,
    decimal DiscountPercent, decimal NetAmount, string? PriceListName);

public sealed record QuotationView(Guid Id, string Number, Guid PartnerId, string PartnerCode, string PartnerName, Guid? AgentId, string? AgentName,
    DateOnly QuotedOn, DateOnly ValidUntil, QuotationStatus Status, QuotationStatus DisplayStatus, decimal DiscountPercent, string? Notes,
    Guid? OrderId, string? OrderNumber, string? CreatedBy, decimal Total, IReadOnlyList<QuotationLineView> Lines, bool CanEdit, bool CanAnswer);

public sealed class GetQuotationHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<QuotationView>> HandleAsync(GetQuotation query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<QuotationView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var q = await viewer.Filter(db.Quotations.AsNoTracking()).Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == query.Id, ct);
        if (q is null) return Result<QuotationView>.Fail("Quotation.NotFound");
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == q.PartnerId).Select(p => new { p.Code, p.LegalName }).FirstAsync(ct);
        var agent = q.AgentId is { } a ? await db.Partners.AsNoTracking().Where(p => p.Id == a).Select(p => p.LegalName).FirstOrDefaultAsync(ct) : null;
        var orderNumber = q.OrderId is { } o ? await db.SalesOrders.AsNoTracking().Where(x => x.Id == o).Select(x => x.Number).FirstOrDefaultAsync(ct) : null;
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var display = q.DisplayStatus(today);
        var open = display is QuotationStatus.Draft or QuotationStatus.Sent;
        var canPlace = await permissions.HasAsync(Policies.PlaceOrders);
        return Result<QuotationView>.Ok(new QuotationView(q.Id, q.Number, q.PartnerId, partner.Code, partner.LegalName, q.AgentId, agent, q.QuotedOn,
            q.ValidUntil, q.Status, display, q.DiscountPercent, q.Notes, q.OrderId, orderNumber, q.CreatedBy, q.Total,
            q.Lines.Select(l => new QuotationLineView(l.ProductId, l.Sku, l.ProductName, l.Unit, l.Quantity, l.UnitPrice, l.DiscountPercent, l.NetAmount,
                l.PriceListName)).ToList(),
            CanEdit: canPlace && open && QuotationRules.MayWrite(viewer), CanAnswer: canPlace && open));
    }
}

/// <summary>One page of quotations in the user's scope; <see cref="Status"/> Expired means open ones past their date.</summary>
public sealed record ListQuotations(QuotationStatus? Status = null, Guid? PartnerId = null, string? Search = null,
    int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true, bool All = false);

public sealed record QuotationListItem(Guid Id, string Number, DateOnly QuotedOn, DateOnly ValidUntil, Guid PartnerId, string PartnerCode,
    string PartnerName, QuotationStatus Status, decimal Total, Guid? OrderId);

public sealed record QuotationList(IReadOnlyList<QuotationListItem> Items, int TotalCount);

public sealed class ListQuotationsHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<QuotationList>> HandleAsync(ListQuotations query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewOrders)) return Result<QuotationList>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var viewer = await OrderViewer.LoadAsync(scope, db, ct);
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        var quotations = viewer.Filter(db.Quotations.AsNoTracking());
        quotations = query.Status switch
        {
            QuotationStatus.Expired => quotations.Where(q => (q.Status == QuotationStatus.Draft || q.Status == QuotationStatus.Sent) && q.ValidUntil < today),
            QuotationStatus.Draft or QuotationStatus.Sent => quotations.Where(q => q.Status == query.Status && q.ValidUntil >= today),
            { } s => quotations.Where(q => q.Status == s),
            null => quotations,
        };
        if (query.PartnerId is { } partnerId) quotations = quotations.Where(q => q.PartnerId == partnerId);
        var rows = from q in quotations
                   join p in db.Partners on q.PartnerId equals p.Id
                   select new
                   {
                       q.Id, q.Number, q.QuotedOn, q.ValidUntil, q.PartnerId, PartnerCode = p.Code, PartnerName = p.LegalName, q.Status, q.OrderId, q.CreatedAt,
                       Total = db.QuotationLines.Where(l => l.QuotationId == q.Id).Sum(l => (decimal?)l.NetAmount) ?? 0,
                   };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            rows = rows.Where(r => r.Number.ToUpper().Contains(s) || r.PartnerCode.ToUpper().Contains(s) || r.PartnerName.ToUpper().Contains(s));
        }
        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (nameof(QuotationListItem.Number), false) => rows.OrderBy(r => r.Number),
            (nameof(QuotationListItem.Number), true) => rows.OrderByDescending(r => r.Number),
            (nameof(QuotationListItem.PartnerName), false) => rows.OrderBy(r => r.PartnerName),
            (nameof(QuotationListItem.PartnerName), true) => rows.OrderByDescending(r => r.PartnerName),
            (nameof(QuotationListItem.ValidUntil), false) => rows.OrderBy(r => r.ValidUntil),
            (nameof(QuotationListItem.ValidUntil), true) => rows.OrderByDescending(r => r.ValidUntil),
            (nameof(QuotationListItem.Total), false) => rows.OrderBy(r => r.Total),
            (nameof(QuotationListItem.Total), true) => rows.OrderByDescending(r => r.Total),
            (_, false) => rows.OrderBy(r => r.QuotedOn).ThenBy(r => r.CreatedAt),
            _ => rows.OrderByDescending(r => r.QuotedOn).ThenByDescending(r => r.CreatedAt),
        };
        var paged = sorted.ThenBy(r => r.Id).AsQueryable();
        if (!query.All)
        {
            var size = Math.Clamp(query.PageSize, 1, ListOrdersHandler.MaxPageSize);
            paged = paged.Skip(Math.Max(query.Page, 0) * size).Take(size);
        }
        var items = (await paged.ToListAsync(ct)).Select(r => new QuotationListItem(r.Id, r.Number, r.QuotedOn, r.ValidUntil, r.PartnerId, r.PartnerCode,
            r.PartnerName, r.Status is QuotationStatus.Draft or QuotationStatus.Sent && today > r.ValidUntil ? QuotationStatus.Expired : r.Status,
            r.Total, r.OrderId)).ToList();
        return Result<QuotationList>.Ok(new QuotationList(items, total));
    }
}
