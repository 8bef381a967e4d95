using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Orders;
using Sidig.Tests.TestSupport;
using Sidig.Web.Features.Invoicing;

namespace Sidig.Tests.Features.Invoicing;

/// <summary>
/// PostgreSQL, concurrent posters (each in its own scope and connection, as separate users' circuits would be): invoice
/// numbers stay gapless and unique, and one delivery note is never billed twice.
/// </summary>
public sealed class InvoiceNumberingConcurrencyTests_Postgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    private readonly FulfilmentBuilders _f = new(app);

    [Fact]
    public async Task Twenty_parallel_issues_get_twenty_consecutive_numbers()
    {
        var s = await _f.ScenarioAsync(stock: 100);
        var notes = new List<Guid>();
        for (var i = 0; i < 20; i++)
            notes.Add(await _f.ShippedNote(await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 1, 100_000 + i, 0)), 1));
        var period = NumberPattern.Period(NumberPattern.DefaultInvoice, FulfilmentBuilders.Today);
        var before = await _f.Make.Query(db => db.NumberSequences.Where(q => q.Name == InvoiceIssuer.SequenceName && q.Period == period)
            .Select(q => (long?)q.LastValue).FirstOrDefaultAsync()) ?? 0;

        using var start = new SemaphoreSlim(0);
        var issues = notes.Select(id => Task.Run(async () => { await start.WaitAsync(); return await _f.Issue(IssueInvoice.FromDeliveryNotes(id)); })).ToList();
        start.Release(issues.Count);
        var results = await Task.WhenAll(issues);

        results.SelectMany(r => r.Errors).ShouldBeEmpty();
        var counters = results.Select(r => InvoiceTests<PostgresApp>.Counter(r.Value!.Number)).Order().ToList();
        counters.ShouldBe(Enumerable.Range(1, 20).Select(i => before + i).ToList()); // no gap, no duplicate
        var numbers = results.Select(r => r.Value!.Number).ToList();
        (await _f.Make.Query(db => db.Invoices.CountAsync(i => numbers.Contains(i.Number)))).ShouldBe(20);
        var notesBilled = await _f.Make.Query(db => db.DeliveryNotes.CountAsync(n => notes.Contains(n.Id) && n.InvoiceId != null));
        notesBilled.ShouldBe(20);
    }

    [Fact]
    public async Task One_delivery_note_issued_five_times_at_once_is_billed_once()
    {
        var s = await _f.ScenarioAsync(stock: 10);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 2, 500_000, 0));
        var note = await _f.ShippedNote(order, 2);

        using var start = new SemaphoreSlim(0);
        var issues = Enumerable.Range(0, 5).Select(_ => Task.Run(async () => { await start.WaitAsync(); return await _f.Issue(IssueInvoice.FromDeliveryNotes(note)); })).ToList();
        start.Release(5);
        var results = await Task.WhenAll(issues);

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.Errors.Single().Code == "Invoice.DeliveryNoteAlreadyInvoiced");
        (await _f.Make.Query(db => db.InvoiceLines.CountAsync(l => l.DeliveryNoteId == note))).ShouldBe(1);
        var saved = await _f.Order(order.Id);
        (saved.Lines.Single().InvoicedQuantity, saved.InvoicedAmount).ShouldBe((2m, results.Single(r => r.Succeeded).Value!.Total));
    }

    [Fact]
    public async Task Concurrent_payments_of_one_invoice_never_pay_more_than_its_total()
    {
        var s = await _f.ScenarioAsync(stock: 10);
        var order = await _f.ApprovedOrder(s.Partner.Id, s.From.Id, (s.Product, 1, 1_000_000, 0));
        var invoice = (await _f.Issue(IssueInvoice.FromDeliveryNotes(await _f.ShippedNote(order, 1)))).Value!; // Rp 1.110.000

        using var start = new SemaphoreSlim(0);
        var payments = Enumerable.Range(0, 6).Select(i => Task.Run(async () => { await start.WaitAsync(); return await _f.Pay(invoice.Id, 300_000, reference: $"TRF-{i}"); })).ToList();
        start.Release(6);
        var results = await Task.WhenAll(payments);

        results.Count(r => r.Succeeded).ShouldBe(3); // 3 × 300.000 fit in 1.110.000, a fourth would not
        var saved = await _f.Invoice(invoice.Id);
        (saved.PaidAmount, saved.Status).ShouldBe((900_000m, InvoiceStatus.PartiallyPaid));
        (await _f.Order(order.Id)).PaidAmount.ShouldBe(900_000m);
    }
}
