using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Partners;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;

namespace Sidig.Tests.TestSupport;

/// <summary>Issued invoices straight through the domain (a draft order with one line, billed whole), for reminder tests.</summary>
public sealed class InvoiceBuilder(SidigAppFactory app, string tenant = "demo")
{
    public Task<Partner> Partner(string? billingEmail, string? email) =>
        app.InTenant(tenant, async sp =>
        {
            var code = Builders.Unique("RMD");
            var partner = Sidig.Domain.Partners.Partner.Create(new PartnerDetails(code, "PT Mitra Tagihan " + code, PartnerType.Distributor, null,
                Sidig.Domain.Partners.Partner.DefaultTier(PartnerType.Distributor), null, null, "Jl. Uji No. 1", "31", null, null, null, email, billingEmail,
                ["31"], 30, 100_000_000m, 10_000_000m, null), sp.GetRequiredService<IndonesianAreas>(), Array.Empty<Guid>());
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            db.Add(partner);
            await db.SaveChangesAsync();
            return partner;
        });

    /// <summary>An invoice of <paramref name="net"/> (before PPN) issued on <paramref name="issueDate"/> with <paramref name="termDays"/> days to pay.</summary>
    public async Task<Invoice> Invoice(Partner partner, DateOnly issueDate, int termDays, decimal net = 1_000_000m, decimal paid = 0)
    {
        var product = await new Builders(app, tenant).Product();
        return await app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var now = DateTimeOffset.UtcNow;
            var order = SalesOrder.Create(Builders.Unique("SO"), partner.Id, null, OrderSource.Staff, issueDate, null, null, null, now, "test");
            order.SetLines([new SalesLineInput(product.Id, product.Sku, product.Name, product.Unit, 1, net, 0, PpnKind.Standard)], 0);
            db.Add(order);
            var line = order.Lines[0];
            var invoice = Sidig.Domain.Invoicing.Invoice.Issue(Builders.Unique("INV"), partner.Id, null,
                new InvoiceParty(partner.LegalName, null, null, partner.Address), issueDate, termDays, new PpnSettings(12m, 11, 12),
                [new InvoiceLineInput(order.Id, line.Id, null, product.Id, product.Sku, product.Name, product.Unit, 1, net, line.NetAmount, PpnKind.Standard)],
                "BCA 123-456-7890 a.n. PT Demo", now, "test");
            if (paid > 0) invoice.ApplyPayment(paid);
            db.Add(invoice);
            await db.SaveChangesAsync();
            return invoice;
        });
    }
}
