using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Documents.Business;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Receivables;
using PrintKind = Sidig.Infrastructure.Documents.Business.StatementEntryKind;

namespace Sidig.Web.Features.Documents;

public sealed record GetStatementPdf(Guid PartnerId, DateOnly From, DateOnly To);

/// <summary>
/// A partner's statement of account as PDF: exactly the statement <see cref="GetStatementHandler"/> computes (and
/// refuses: policy, the partner's own scope, the period), printed with the tenant's letterhead, language and dates.
/// </summary>
public sealed class GetStatementPdfHandler(GetStatementHandler statements, IDbContextFactory<SidigDbContext> factory, DocumentSources sources)
{
    public async Task<Result<DocumentFile>> HandleAsync(GetStatementPdf q, CancellationToken ct = default)
    {
        var result = await statements.HandleAsync(new GetStatement(q.PartnerId, q.From, q.To), ct);
        if (!result.Succeeded) return Result<DocumentFile>.Fail(result.Errors);
        var st = result.Value!;
        await using var db = await factory.CreateDbContextAsync(ct);
        var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == st.PartnerId, ct);
        var culture = sources.Culture;
        var print = new StatementPrint
        {
            Company = await sources.CompanyAsync(db, ct), Culture = culture,
            Number = $"SOA/{st.PartnerCode}/{st.From:yyyyMMdd}-{st.To:yyyyMMdd}", Partner = sources.Party(partner),
            PeriodFrom = new PrintDate(st.From), PeriodTo = new PrintDate(st.To), StatementDate = new PrintDate(st.To),
            OpeningBalance = st.OpeningBalance,
            Rows = st.Rows.Select(r => r.Kind switch
            {
                Receivables.StatementEntryKind.Invoice => new StatementPrintRow(new PrintDate(r.Date), PrintKind.Invoice, r.Number, null, r.Debit, r.Credit,
                    DueDate: r.DueDate is { } due ? new PrintDate(due) : null),
                Receivables.StatementEntryKind.Payment => new StatementPrintRow(new PrintDate(r.Date), PrintKind.Payment, r.Number, r.Reference, r.Debit, r.Credit),
                _ => new StatementPrintRow(new PrintDate(r.Date), PrintKind.CreditNote, r.Number, null, r.Debit, r.Credit,
                    CreditedInvoice: r.Reference),
            }).ToList(),
            Aging = new StatementAging(st.Aging.Current, st.Aging.Days1To30, st.Aging.Days31To60, st.Aging.Days61To90, st.Aging.Over90),
        };
        return Result<DocumentFile>.Ok(new DocumentFile(StatementPdf.FileName(print), StatementPdf.Render(print)));
    }
}
