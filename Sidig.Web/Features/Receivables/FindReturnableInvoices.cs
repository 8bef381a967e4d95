using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Receivables;

/// <summary>Invoices a return may be recorded against (not cancelled), by number or partner, newest first.</summary>
public sealed record FindReturnableInvoices(string? Search, int Take = 20);

public sealed record InvoiceOption(Guid Id, string Number, DateOnly IssueDate, string PartnerName)
{
    public string Label => $"{Number} · {PartnerName}";
}

public sealed class FindReturnableInvoicesHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<IReadOnlyList<InvoiceOption>>> HandleAsync(FindReturnableInvoices query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<IReadOnlyList<InvoiceOption>>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var invoices = db.Invoices.AsNoTracking().Where(i => i.Status != InvoiceStatus.Cancelled);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim().ToUpper();
            invoices = invoices.Where(i => i.Number.ToUpper().Contains(s) || i.PartnerName.ToUpper().Contains(s));
        }
        var rows = await invoices.OrderByDescending(i => i.IssueDate).ThenByDescending(i => i.Number).Take(Math.Clamp(query.Take, 1, 50))
            .Select(i => new InvoiceOption(i.Id, i.Number, i.IssueDate, i.PartnerName)).ToListAsync(ct);
        return Result<IReadOnlyList<InvoiceOption>>.Ok(rows);
    }
}
