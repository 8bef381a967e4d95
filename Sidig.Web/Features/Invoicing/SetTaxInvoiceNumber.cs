using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Invoicing;

/// <summary>The faktur pajak number the tax office assigned (17 digits; dots and dashes of the printed form are fine); blank clears it.</summary>
public sealed record SetTaxInvoiceNumber(Guid InvoiceId, string? Number);

public sealed class SetTaxInvoiceNumberHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(SetTaxInvoiceNumber command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == command.InvoiceId, ct);
        if (invoice is null) return Result.Fail("Invoice.NotFound");
        try
        {
            invoice.SetTaxInvoiceNumber(command.Number);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code, nameof(command.Number));
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
