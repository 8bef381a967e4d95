using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Service;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Service;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Service;

public sealed record GetTicket(string Number);

public sealed record TicketUnit(Guid Id, string Serial, string PublicCode, Guid ProductId, string ProductName, UnitStatus Status, WarrantyView Warranty);

public sealed record TicketMessageItem(Guid Id, TicketMessageKind Kind, string Body, string AuthorName, DateTimeOffset At);

public sealed record TicketAttachmentItem(Guid Id, Guid? MessageId, string? FileName, string ContentType, bool CustomerVisible, int Size);

public sealed record TicketPartItem(string Sku, string ProductName, decimal Quantity, string WarehouseName, string? UserName, DateTimeOffset At);

/// <summary>A ticket as the desk shows it, with what the user may do with it now.</summary>
public sealed record TicketDetails(Guid Id, string Number, TicketType Type, TicketStatus Status, TicketPriority Priority, TicketSource Source,
    string CustomerName, string CustomerPhone, string? CustomerEmail, string Description, DateTimeOffset CreatedAt, string? CreatedBy,
    string? AssigneeName, Guid? AssignedUserId, Guid? AssignedPartnerId, SlaView Sla, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt,
    DateTimeOffset? FirstRespondedAt, DateTimeOffset? EscalatedAt, string? Resolution, string? RejectReason,
    ClaimStatus ClaimStatus, ClaimOutcome? ClaimOutcome, string? ClaimNote, string? ReplacementSerial, int? Rating, string? RatingComment,
    TicketUnit? Unit, IReadOnlyList<TicketMessageItem> Messages, IReadOnlyList<TicketAttachmentItem> Attachments, IReadOnlyList<TicketPartItem> Parts,
    bool CanManage, IReadOnlyList<TicketStatus> NextStatuses)
{
    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected);
    public bool CanDecideClaim => CanManage && IsOpen && Type == TicketType.WarrantyClaim && Unit is not null && ClaimStatus == ClaimStatus.None;
    public bool CanReplace => CanManage && IsOpen && Unit is not null && ReplacementSerial is null
                              && (Type == TicketType.Replacement || Type == TicketType.WarrantyClaim && ClaimOutcome == Domain.Service.ClaimOutcome.Replacement);
    public bool CanUseParts => IsOpen && Unit is not null && (Type is TicketType.Repair or TicketType.Installation
                                                              || Type == TicketType.WarrantyClaim && ClaimOutcome == Domain.Service.ClaimOutcome.Repair);
    public bool CanRegisterInstall => IsOpen && Type == TicketType.Installation && Unit is { Warranty.State: WarrantyState.NotRegistered };
}

public sealed class GetTicketHandler(IDbContextFactory<SidigDbContext> factory, TicketScope scope, TimeProvider clock, TenantContext tenant)
{
    public async Task<Result<TicketDetails>> HandleAsync(GetTicket query, CancellationToken ct = default)
    {
        if (await scope.VisibleAsync(ct) is not { } visible) return Result<TicketDetails>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var number = query.Number.Trim().ToUpperInvariant();
        var t = await visible(db.Tickets.AsNoTracking()).FirstOrDefaultAsync(x => x.Number == number, ct);
        if (t is null) return Result<TicketDetails>.Fail("Ticket.NotFound");
        var rules = await ServiceRules.LoadAsync(db, tenant.Tenant.TimeZoneId, ct);
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        TicketUnit? unit = null;
        if (t.UnitId is { } unitId)
        {
            var u = await db.Units.AsNoTracking().FirstAsync(x => x.Id == unitId, ct);
            var product = await db.Products.AsNoTracking().Where(p => p.Id == u.ProductId).Select(p => new { p.Name, p.WarrantyPolicyId }).FirstAsync(ct);
            var policy = product.WarrantyPolicyId is { } pid ? await db.WarrantyPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
            unit = new TicketUnit(u.Id, u.Serial, u.PublicCode, u.ProductId, product.Name, u.Status, u.Warranty(policy, today));
        }
        var replacement = t.ReplacementUnitId is { } rid ? await db.Units.AsNoTracking().Where(u => u.Id == rid).Select(u => u.Serial).FirstOrDefaultAsync(ct) : null;
        var messages = await db.TicketMessages.AsNoTracking().Where(m => m.TicketId == t.Id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new TicketMessageItem(m.Id, m.Kind, m.Body, m.AuthorName, m.At)).ToListAsync(ct);
        var attachments = await db.TicketAttachments.AsNoTracking().Where(a => a.TicketId == t.Id).OrderBy(a => a.Id)
            .Select(a => new TicketAttachmentItem(a.Id, a.MessageId, a.FileName, a.ContentType, a.CustomerVisible, a.Content.Length)).ToListAsync(ct);
        var parts = await (from p in db.TicketParts.AsNoTracking().Where(p => p.TicketId == t.Id)
                           join pr in db.Products on p.ProductId equals pr.Id
                           join w in db.Warehouses on p.WarehouseId equals w.Id
                           orderby p.At
                           select new TicketPartItem(pr.Sku, pr.Name, p.Quantity, w.Name, p.UserName, p.At)).ToListAsync(ct);
        var manages = await scope.ManagesAsync();
        return Result<TicketDetails>.Ok(new TicketDetails(t.Id, t.Number, t.Type, t.Status, t.Priority, t.Source, t.CustomerName, t.CustomerPhone,
            t.CustomerEmail, t.Description, t.CreatedAt, t.CreatedBy, t.AssigneeName, t.AssignedUserId, t.AssignedPartnerId, rules.Sla(t, clock.GetUtcNow()),
            t.FirstResponseDueAt, t.ResolutionDueAt, t.FirstRespondedAt, t.EscalatedAt, t.Resolution, t.RejectReason, t.ClaimStatus, t.ClaimOutcome,
            t.ClaimNote, replacement, t.Rating, t.RatingComment, unit, messages, attachments, parts, manages, Ticket.Next(t.Status)));
    }
}
