using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Stock;
using Sidig.Tests.TestSupport;

namespace Sidig.Tests.Features.Seeding;

/// <summary>The demo tenant shows the whole order-to-cash flow, and the seeded data obeys the ledger's rules.</summary>
public abstract class DemoSalesSeedTests<TApp>(TApp app) where TApp : SidigAppFactory
{
    private readonly Builders _make = new(app);

    [Fact]
    public async Task Every_status_a_user_can_reach_and_keep_has_a_demo_order()
    {
        var statuses = await _make.Query(db => db.SalesOrders.Select(o => o.Status).Distinct().ToListAsync());
        statuses.ShouldBe(Enum.GetValues<OrderStatus>().Where(s => s != OrderStatus.Submitted), ignoreOrder: true);
    }

    [Fact]
    public async Task Invoices_are_paid_partly_paid_and_overdue_and_one_partner_payment_waits_for_finance()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var invoices = await _make.Query(db => db.Invoices.ToListAsync());
        invoices.Select(i => i.DisplayStatus(today)).Distinct().ShouldBe(
            [InvoiceDisplayStatus.Paid, InvoiceDisplayStatus.PartiallyPaid, InvoiceDisplayStatus.Overdue], ignoreOrder: true);
        (await _make.Query(db => db.Payments.CountAsync(p => p.Status == PaymentStatus.Pending))).ShouldBe(1);
    }

    [Fact]
    public async Task Deliveries_and_the_return_moved_stock_through_the_ledger()
    {
        var moved = await _make.Query(db => db.StockMovements
            .Where(m => m.DocumentType == StockLedger.DocumentDeliveryNote || m.DocumentType == StockLedger.DocumentCreditNote)
            .Select(m => m.DocumentType).Distinct().ToListAsync());
        moved.ShouldBe([StockLedger.DocumentDeliveryNote, StockLedger.DocumentCreditNote], ignoreOrder: true);
        (await _make.Query(db => StockLedger.FindMismatchesAsync(db))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_returned_invoice_is_fully_credited()
    {
        var credited = await _make.Query(db => db.CreditNotes.Join(db.Invoices, c => c.InvoiceId, i => i.Id, (c, i) => new { c.Total, Invoice = i.Total }).ToListAsync());
        credited.Single().Total.ShouldBe(credited.Single().Invoice);
    }

    [Fact]
    public async Task The_agent_sold_through_an_accepted_quotation_and_was_paid()
    {
        var order = await _make.Query(db => db.SalesOrders.SingleAsync(o => o.Source == OrderSource.Quotation));
        order.AgentId.ShouldNotBeNull();
        order.Status.ShouldBe(OrderStatus.Paid);
        (await _make.Query(db => db.Quotations.CountAsync(q => q.OrderId == order.Id && q.Status == QuotationStatus.Accepted))).ShouldBe(1);
    }
}

public sealed class DemoSalesSeedTests_Sqlite(SqliteApp app) : DemoSalesSeedTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class DemoSalesSeedTests_Postgres(PostgresApp app) : DemoSalesSeedTests<PostgresApp>(app), IClassFixture<PostgresApp>;
