using System.Net;
using System.Text.Json;
using Sidig.Domain.Invoicing;
using Sidig.Tests.TestSupport;
using static Sidig.Tests.Features.Api.ApiAccessTests<Sidig.Tests.TestSupport.SqliteApp>;

namespace Sidig.Tests.Features.Api;

/// <summary>The read endpoints: orders, invoices, stock; another tenant's ids are simply not found.</summary>
public abstract class ApiReadTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    [Fact]
    public async Task An_order_and_its_invoice_are_read_with_their_lines_in_camel_case()
    {
        var (order, invoice) = await app.OrderWithInvoiceAsync();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);

        var o = await (await client.Http.GetAsync($"/api/v1/orders/{order.Id}")).JsonAsync();
        o.GetProperty("number").GetString().ShouldBe(order.Number);
        o.GetProperty("status").GetString().ShouldBe("Draft");
        o.GetProperty("total").GetDecimal().ShouldBe(300_000m);
        o.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().GetProperty("quantity").GetDecimal().ShouldBe(2m);

        var i = await (await client.Http.GetAsync($"/api/v1/invoices/{invoice.Id}")).JsonAsync();
        i.GetProperty("number").GetString().ShouldBe(invoice.Number);
        i.GetProperty("status").GetString().ShouldBe(nameof(InvoiceDisplayStatus.Unpaid));
        i.GetProperty("total").GetDecimal().ShouldBe(invoice.Total);
        i.GetProperty("outstanding").GetDecimal().ShouldBe(invoice.Total);
        i.GetProperty("lines").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Demos_key_cannot_read_another_tenants_order_or_invoice()
    {
        var (order, invoice) = await app.OrderWithInvoiceAsync("other");
        var key = await app.CreateKeyAsync("demo");
        using var client = app.ApiClient(key.Secret);

        await ShouldBeProblem(await client.Http.GetAsync($"/api/v1/orders/{order.Id}"), HttpStatusCode.NotFound, "Api.OrderNotFound");
        await ShouldBeProblem(await client.Http.GetAsync($"/api/v1/invoices/{invoice.Id}"), HttpStatusCode.NotFound, "Api.InvoiceNotFound");
        var list = await (await client.Http.GetAsync($"/api/v1/orders?customerReference={order.CustomerReference}")).JsonAsync();
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var invoices = await (await client.Http.GetAsync("/api/v1/invoices?pageSize=100")).JsonAsync();
        invoices.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldNotContain(invoice.Id);
    }

    [Fact]
    public async Task Lists_filter_and_page()
    {
        var (order, invoice) = await app.OrderWithInvoiceAsync();
        await app.OrderWithInvoiceAsync();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);

        var byReference = await (await client.Http.GetAsync($"/api/v1/orders?customerReference={order.CustomerReference}&status=draft")).JsonAsync();
        byReference.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetGuid().ShouldBe(order.Id);
        var approved = await (await client.Http.GetAsync($"/api/v1/orders?customerReference={order.CustomerReference}&status=Approved")).JsonAsync();
        approved.GetProperty("totalCount").GetInt32().ShouldBe(0);

        var page = await (await client.Http.GetAsync("/api/v1/orders?page=1&pageSize=1")).JsonAsync();
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("pageSize").GetInt32().ShouldBe(1);
        page.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(2);

        var unpaid = await (await client.Http.GetAsync($"/api/v1/invoices?status=Unpaid&partnerId={invoice.PartnerId}")).JsonAsync();
        unpaid.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("number").GetString().ShouldBe(invoice.Number);
        var paid = await (await client.Http.GetAsync($"/api/v1/invoices?status=Paid&partnerId={invoice.PartnerId}")).JsonAsync();
        paid.GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/v1/orders?status=Shipping", "status")]
    [InlineData("/api/v1/orders?page=0", "page")]
    [InlineData("/api/v1/orders?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/orders?from=22-11-2026", "from")]
    [InlineData("/api/v1/invoices?partnerId=abc", "partnerId")]
    [InlineData("/api/v1/stock?includeZero=maybe", "includeZero")]
    public async Task A_bad_query_parameter_is_a_400_problem_naming_it(string url, string field)
    {
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);
        await ShouldBeProblem(await client.Http.GetAsync(url), HttpStatusCode.BadRequest, "Api.QueryInvalid", field);
    }

    [Fact]
    public async Task Stock_is_listed_by_warehouse_and_product_codes()
    {
        var make = new Builders(app);
        var warehouse = await make.Warehouse();
        var product = await make.Product();
        (await make.Receive(warehouse.Id, product.Id, 7)).Errors.ShouldBeEmpty();
        var otherMake = new Builders(app, "other");
        var otherWarehouse = await otherMake.Warehouse(code: warehouse.Code);
        var otherProduct = await otherMake.Product(product.Sku);
        (await otherMake.Receive(otherWarehouse.Id, otherProduct.Id, 99)).Errors.ShouldBeEmpty();
        var key = await app.CreateKeyAsync();
        using var client = app.ApiClient(key.Secret);

        var stock = await (await client.Http.GetAsync($"/api/v1/stock?warehouse={warehouse.Code.ToLowerInvariant()}&product={product.Sku}")).JsonAsync();

        var row = stock.GetProperty("items").EnumerateArray().ShouldHaveSingleItem(); // not the other tenant's 99
        row.GetProperty("warehouseCode").GetString().ShouldBe(warehouse.Code);
        row.GetProperty("sku").GetString().ShouldBe(product.Sku);
        row.GetProperty("onHand").GetDecimal().ShouldBe(7m);
        row.GetProperty("primaryStock").GetBoolean().ShouldBeTrue();
    }
}

public sealed class ApiReadTests_Sqlite(SqliteApp app) : ApiReadTests<SqliteApp>(app), IClassFixture<SqliteApp>;
public sealed class ApiReadTests_Postgres(PostgresApp app) : ApiReadTests<PostgresApp>(app), IClassFixture<PostgresApp>;
