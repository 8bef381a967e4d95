using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Domain.Catalog;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Domain.Tenancy;
using Sidig.Infrastructure.Persistence;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.ApiKeys;

namespace Sidig.Tests.Features.Api;

/// <summary>API keys, API clients and order/invoice records made straight through the domain, for the API tests.</summary>
public static class ApiTestSupport
{
    /// <summary>A new key of the tenant, created by its admin through the real handler.</summary>
    public static async Task<CreatedApiKey> CreateKeyAsync(this SidigAppFactory app, string tenant = "demo", string? name = null)
    {
        var result = await app.Handle<CreateApiKeyHandler, Result<CreatedApiKey>>(tenant, $"admin@{tenant}.test",
            h => h.HandleAsync(new CreateApiKey(name ?? Builders.Unique("key"))));
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    /// <summary>A client of the tenant's host that sends the key as a bearer token (and no cookie).</summary>
    public static SidigClient ApiClient(this SidigAppFactory app, string secret, string tenant = "demo")
    {
        var client = app.Client(tenant);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A draft order of a new partner with one line, and an invoice for it: the records the read endpoints return.</summary>
    public static async Task<(SalesOrder Order, Invoice Invoice)> OrderWithInvoiceAsync(this SidigAppFactory app, string tenant = "demo")
    {
        var make = new Builders(app, tenant);
        var partner = await make.Partner();
        var product = await make.Product();
        return await app.InTenant(tenant, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<SidigDbContext>>().CreateDbContextAsync();
            var now = DateTimeOffset.UtcNow;
            var order = SalesOrder.Create(Builders.Unique("SO"), partner.Id, null, OrderSource.Staff, DateOnly.FromDateTime(now.UtcDateTime), null,
                "REF-" + Guid.NewGuid().ToString("N")[..6], null, now, "test");
            order.SetLines([new SalesLineInput(product.Id, product.Sku, product.Name, product.Unit, 2, 150_000m, 0, PpnKind.Standard)], 0);
            db.SalesOrders.Add(order);
            await db.SaveChangesAsync();
            var line = order.Lines[0];
            var invoice = Invoice.Issue(Builders.Unique("INV"), partner.Id, null, new InvoiceParty(partner.LegalName, partner.Npwp, null, partner.Address),
                DateOnly.FromDateTime(now.UtcDateTime), 30, PpnSettings.Default,
                [new InvoiceLineInput(order.Id, line.Id, null, product.Id, product.Sku, product.Name, product.Unit, 2, 150_000m, line.NetAmount, PpnKind.Standard)],
                null, now, "test");
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync();
            return (order, invoice);
        });
    }
}
