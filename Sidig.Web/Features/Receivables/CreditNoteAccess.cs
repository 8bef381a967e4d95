using Sidig.Domain.Invoicing;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Receivables;

/// <summary>
/// Which credit notes the user may read: staff all; a partner user those of its own partner (and of the partners below
/// it it may see), an agent also those of the sales it made (the invoice's agent).
/// </summary>
internal static class CreditNoteAccess
{
    public static async Task<IQueryable<CreditNote>> VisibleAsync(IQueryable<CreditNote> notes, PartnerScope scope, CancellationToken ct)
    {
        var visible = (await scope.VisibleAsync(ct))?.ToList();
        if (visible is null) return notes;
        var own = await scope.OwnPartnerAsync(ct);
        return notes.Where(c => visible.Contains(c.PartnerId) || (own != null && c.AgentId == own && visible.Contains(own.Value)));
    }
}
