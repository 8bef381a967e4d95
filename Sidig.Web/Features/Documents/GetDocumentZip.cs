using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Documents;

/// <summary>Every document of one kind dated in [From, To] that the user may see, as PDFs in one zip.</summary>
public sealed record GetDocumentZip(DocumentKind Kind, DateOnly From, DateOnly To, string Origin);

public sealed class GetDocumentZipHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, GetDocumentPdfHandler pdfs)
{
    public const int MaxDocuments = 500;
    public const int MaxDays = 366;

    /// <returns>the zip, or a failure: not allowed, a bad range, or more than <see cref="MaxDocuments"/> documents (narrow the range)</returns>
    public async Task<Domain.Common.Result<DocumentFile>> HandleAsync(GetDocumentZip q, CancellationToken ct = default)
    {
        var policy = q.Kind == DocumentKind.DeliveryNote ? Policies.ViewOrders : Policies.ViewInvoices;
        if (!await permissions.HasAsync(policy)) return Domain.Common.Result<DocumentFile>.Fail("Access.Denied");
        if (q.To < q.From || q.To.DayNumber - q.From.DayNumber > MaxDays) return Domain.Common.Result<DocumentFile>.Fail("Documents.RangeInvalid");
        var visible = await scope.VisibleAsync(ct);
        var own = await scope.OwnPartnerAsync(ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = q.Kind switch
        {
            DocumentKind.Invoice => await db.Invoices.AsNoTracking().Where(i => i.IssueDate >= q.From && i.IssueDate <= q.To)
                .Where(i => visible == null || visible.Contains(i.PartnerId) || (own != null && i.AgentId == own))
                .OrderBy(i => i.Number).Select(i => i.Id).Take(MaxDocuments + 1).ToListAsync(ct),
            DocumentKind.DeliveryNote => await db.DeliveryNotes.AsNoTracking().Where(d => d.ShipDate >= q.From && d.ShipDate <= q.To)
                .Where(d => d.Status != Domain.Orders.DeliveryNoteStatus.Cancelled)
                .Where(d => visible == null || visible.Contains(d.PartnerId) || (own != null && db.SalesOrders.Any(o => o.Id == d.OrderId && o.AgentId == own)))
                .OrderBy(d => d.Number).Select(d => d.Id).Take(MaxDocuments + 1).ToListAsync(ct),
            _ => await db.CreditNotes.AsNoTracking().Where(c => c.IssueDate >= q.From && c.IssueDate <= q.To)
                .Where(c => visible == null || visible.Contains(c.PartnerId) || (own != null && c.AgentId == own))
                .OrderBy(c => c.Number).Select(c => c.Id).Take(MaxDocuments + 1).ToListAsync(ct),
        };
        if (ids.Count > MaxDocuments) return Domain.Common.Result<DocumentFile>.Fail("Documents.TooMany");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var id in ids)
            {
                ct.ThrowIfCancellationRequested();
                if (await pdfs.HandleAsync(new GetDocumentPdf(q.Kind, id, q.Origin), ct) is not { } file) continue;
                var entry = zip.CreateEntry(file.FileName, CompressionLevel.Fastest);
                await using var s = entry.Open();
                await s.WriteAsync(file.Content, ct);
            }
        }
        var name = $"{q.Kind.ToString().ToLowerInvariant()}-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.zip";
        return Domain.Common.Result<DocumentFile>.Ok(new DocumentFile(name, buffer.ToArray()));
    }
}
