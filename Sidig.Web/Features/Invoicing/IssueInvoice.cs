using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Invoicing;

/// <summary>
/// Issues an invoice from shipped or delivered delivery notes of one partner that are not invoiced yet (tenant basis
/// "delivery notes"), or from an approved order: its whole not-yet-invoiced quantities (basis "order").
/// </summary>
public sealed record IssueInvoice(IReadOnlyList<Guid> DeliveryNoteIds, Guid? OrderId = null)
{
    public static IssueInvoice FromDeliveryNotes(params Guid[] ids) => new(ids);
    public static IssueInvoice FromOrder(Guid orderId) => new([], orderId);
}

public sealed class IssueInvoiceHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, InvoiceIssuer issuer)
{
    public async Task<Result<IssuedInvoice>> HandleAsync(IssueInvoice command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<IssuedInvoice>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        return await issuer.IssueAsync(db, command, ct);
    }
}
