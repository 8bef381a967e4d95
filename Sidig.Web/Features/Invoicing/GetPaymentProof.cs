using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Infrastructure.Persistence;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.Invoicing;

/// <summary>A payment's proof file, for staff who see invoices and for the partner whose payment it is — nobody else (null = not found).</summary>
public sealed record GetPaymentProof(Guid PaymentId);

public sealed record PaymentProofFile(byte[] Content, string ContentType, string FileName);

public sealed class GetPaymentProofHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope)
{
    public async Task<PaymentProofFile?> HandleAsync(GetPaymentProof query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ViewInvoices)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var proof = await db.Payments.AsNoTracking().Where(p => p.Id == query.PaymentId && p.Proof != null)
            .Select(p => new { p.PartnerId, p.Proof, p.ProofContentType, p.ProofFileName }).FirstOrDefaultAsync(ct);
        if (proof is null || !await scope.CanSeeAsync(proof.PartnerId, ct)) return null; // the buyer's own partner users, or staff
        return new PaymentProofFile(proof.Proof!, proof.ProofContentType ?? "application/octet-stream", proof.ProofFileName ?? "proof");
    }
}
