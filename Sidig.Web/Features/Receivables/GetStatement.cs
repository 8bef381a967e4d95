using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Receivables;

/// <summary>
/// A partner's statement of account (rekening koran piutang) for a period: what it owed at the start, every invoice
/// (debit), confirmed payment and credit note (credits) in date order with the running balance, what it owes at the
/// end, and that closing balance aged as of <see cref="To"/>. Staff see any partner's; a partner user only its own.
/// </summary>
public sealed record GetStatement(Guid PartnerId, DateOnly From, DateOnly To)
{
    public const int MaxDays = 3 * 366;

    public IReadOnlyList<Error> Check()
    {
        if (To < From) return [new Error("Statement.RangeInvalid", nameof(To))];
        if (To.DayNumber - From.DayNumber > MaxDays) return [new Error("Statement.RangeTooLong", nameof(From))];
        return [];
    }
}

public enum StatementEntryKind { Invoice = 0, Payment = 1, CreditNote = 2 }

/// <param name="Number">the invoice's or the credit note's number; for a payment the invoice it paid</param>
/// <param name="Reference">payment: its reference (transfer number); credit note: the invoice it credits; invoice: null</param>
/// <param name="DueDate">invoices only</param>
/// <param name="Method">payments only</param>
public sealed record StatementRow(
    DateOnly Date, StatementEntryKind Kind, Guid DocumentId, string Number, string? Reference, DateOnly? DueDate, PaymentMethod? Method,
    decimal Debit, decimal Credit, decimal Balance);

/// <summary>A statement as plain values, ready to show or to map to a print model. A negative balance is a credit the partner has (a refund owed).</summary>
public sealed record StatementOfAccount(
    Guid PartnerId, string PartnerCode, string PartnerName, string? PartnerNpwp, string? PartnerAddress,
    DateOnly From, DateOnly To, decimal OpeningBalance, IReadOnlyList<StatementRow> Rows,
    decimal TotalDebit, decimal TotalCredit, decimal ClosingBalance, AgingBuckets Aging);

public sealed class GetStatementHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<Result<StatementOfAccount>> HandleAsync(GetStatement query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return Result<StatementOfAccount>.Fail("Access.Denied");
        if (query.Check() is { Count: > 0 } errors) return Result<StatementOfAccount>.Fail(errors);
        // A partner user reads only its own partner's statement (not its sub-partners': their debts are their own).
        if (await scope.IsPartnerUserAsync(ct) && (await scope.OwnPartnerAsync(ct) != query.PartnerId || !await scope.CanSeeAsync(query.PartnerId, ct)))
            return Result<StatementOfAccount>.Fail("Partner.NotFound");

        await using var db = await factory.CreateDbContextAsync(ct);
        var partner = await db.Partners.AsNoTracking().Where(p => p.Id == query.PartnerId)
            .Select(p => new { p.Id, p.Code, p.LegalName, p.Npwp, p.Address }).FirstOrDefaultAsync(ct);
        if (partner is null) return Result<StatementOfAccount>.Fail("Partner.NotFound");

        var facts = await ReceivableFacts.LoadAsync(db, [partner.Id], query.To, ct);
        var numbers = facts.Invoices.ToDictionary(i => i.Id, i => i.Number);
        var entries = facts.Invoices.Select(i => new StatementRow(i.IssueDate, StatementEntryKind.Invoice, i.Id, i.Number, null, i.DueDate, null, i.Total, 0, 0))
            .Concat(facts.Payments.Where(p => numbers.ContainsKey(p.InvoiceId)).Select(p =>
                new StatementRow(p.PaidOn, StatementEntryKind.Payment, p.Id, numbers[p.InvoiceId], p.Reference, null, p.Method, 0, p.Amount, 0)))
            .Concat(facts.Credits.Select(c =>
                new StatementRow(c.IssueDate, StatementEntryKind.CreditNote, c.Id, c.Number, numbers.GetValueOrDefault(c.InvoiceId), null, null, 0, c.Total, 0)))
            .OrderBy(r => r.Date).ThenBy(r => r.Kind).ThenBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.DocumentId)
            .ToList();

        var opening = entries.Where(r => r.Date < query.From).Sum(r => r.Debit - r.Credit);
        var balance = opening;
        var rows = new List<StatementRow>();
        foreach (var r in entries.Where(r => r.Date >= query.From))
        {
            balance += r.Debit - r.Credit;
            rows.Add(r with { Balance = balance });
        }
        return Result<StatementOfAccount>.Ok(new StatementOfAccount(partner.Id, partner.Code, partner.LegalName, partner.Npwp, partner.Address,
            query.From, query.To, opening, rows, rows.Sum(r => r.Debit), rows.Sum(r => r.Credit), balance, facts.Aging(query.To)));
    }
}
