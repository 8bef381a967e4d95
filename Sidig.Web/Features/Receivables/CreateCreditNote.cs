using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Invoicing;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Receivables;

/// <summary>
/// A return of delivered goods against one invoice and its credit note (number CN/&lt;year&gt;/nnnnnn). In one transaction:
/// the credit note (which credits the invoice), the return on the order lines, the order's settled amount, and the
/// Return movements into <see cref="WarehouseId"/> on the stock ledger. A refusal saves nothing.
/// </summary>
public sealed record CreateCreditNote(Guid InvoiceId, Guid? WarehouseId, DateOnly? IssueDate, string? Reason, IReadOnlyList<ReturnLineInput> Lines)
{
    public const int ReasonMaxLength = 500;

    /// <summary>Input shape, each problem with its field (the form shows them; the handler refuses the same input).</summary>
    public IReadOnlyList<Error> Check(DateOnly today)
    {
        var errors = new List<Error>();
        if (WarehouseId is null) errors.Add(new("Validation.Required", nameof(WarehouseId)));
        if (IssueDate is null) errors.Add(new("Validation.Required", nameof(IssueDate)));
        else if (IssueDate > today) errors.Add(new("CreditNote.DateInFuture", nameof(IssueDate)));
        if (string.IsNullOrWhiteSpace(Reason)) errors.Add(new("CreditNote.ReasonRequired", nameof(Reason)));
        else if (Reason.Trim().Length > ReasonMaxLength) errors.Add(new("Validation.TooLong", nameof(Reason)));
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].Quantity is not { } q || q == 0) continue;
            if (q < 0) errors.Add(new("CreditNote.QuantityInvalid", $"Lines[{i}].Quantity"));
            else if (decimal.Round(q, 3) != q) errors.Add(new("Stock.QuantityPrecision", $"Lines[{i}].Quantity"));
        }
        if (!Lines.Any(l => l.Quantity > 0)) errors.Add(new("CreditNote.NoLines", nameof(Lines)));
        return errors;
    }
}

/// <param name="Serials">for a serialised product: the returned units' serials or scanned labels, as many as the quantity</param>
public sealed record ReturnLineInput(Guid InvoiceLineId, decimal? Quantity, string? Serials = null);

public sealed record CreatedCreditNote(Guid Id, string Number, decimal Total);

public sealed class CreateCreditNoteHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, StockLedger ledger, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public const string NumberPrefix = "CN";

    public async Task<Result<CreatedCreditNote>> HandleAsync(CreateCreditNote command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageInvoices)) return Result<CreatedCreditNote>.Fail("Access.Denied");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        if (command.Check(today) is { Count: > 0 } errors) return Result<CreatedCreditNote>.Fail(errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        // The number first: its row lock (until commit) queues concurrent returns of the tenant, so what is read below
        // (returned so far, credited so far) is what the previous return committed. A refusal gives the number back.
        var year = command.IssueDate!.Value.Year.ToString(CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct); // disposed uncommitted = rolled back
        var number = NumberSequences.Format(NumberPrefix, year, await NumberSequences.NextAsync(db, NumberPrefix, year, ct));
        var invoice = await db.Invoices.Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == command.InvoiceId, ct);
        if (invoice is null) return Result<CreatedCreditNote>.Fail("CreditNote.InvoiceNotFound");
        if (invoice.Status == InvoiceStatus.Cancelled) return Result<CreatedCreditNote>.Fail("CreditNote.InvoiceCancelled");
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == command.WarehouseId)
            .Select(w => new { w.OwnerPartnerId, w.IsActive }).FirstOrDefaultAsync(ct);
        if (warehouse is null || !warehouse.IsActive || warehouse.OwnerPartnerId is { } owner && owner != invoice.PartnerId)
            return Result<CreatedCreditNote>.Fail("CreditNote.WarehouseNotAllowed", nameof(CreateCreditNote.WarehouseId));

        var orderIds = invoice.Lines.Select(l => l.OrderId).Distinct().ToList();
        var orders = await db.SalesOrders.Include(o => o.Lines).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        var orderLines = orders.SelectMany(o => o.Lines).ToDictionary(l => l.Id);

        // Each line against what may still be returned, with the line's field, before the domain (which refuses the same).
        var requested = new List<(Guid InvoiceLineId, decimal Quantity)>();
        var lineErrors = new List<Error>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            if (command.Lines[i].Quantity is not { } qty || qty <= 0) continue;
            var line = invoice.Lines.FirstOrDefault(l => l.Id == command.Lines[i].InvoiceLineId);
            var field = $"Lines[{i}].Quantity";
            if (line is null) { lineErrors.Add(new("CreditNote.LineNotFound", field)); continue; }
            if (requested.Any(r => r.InvoiceLineId == line.Id)) { lineErrors.Add(new("CreditNote.DuplicateLine", field)); continue; }
            var invoicedLeft = line.Quantity - line.ReturnedQuantity;
            var deliveredLeft = orderLines.TryGetValue(line.OrderLineId, out var ol) ? ol.DeliveredQuantity - ol.ReturnedQuantity : 0;
            if (qty > invoicedLeft) lineErrors.Add(new("Return.QuantityAboveInvoiced", field, Qty(invoicedLeft), line.Unit));
            else if (qty > deliveredLeft) lineErrors.Add(new("Return.QuantityAboveDelivered", field, Qty(Math.Max(0, deliveredLeft)), line.Unit));
            requested.Add((line.Id, qty));
        }
        if (lineErrors.Count > 0) return Result<CreatedCreditNote>.Fail(lineErrors);

        // Serialised lines return exactly the named units: the invoice's partner has them (delivered or sold by it), and
        // they are not already in stock in the warehouse they come back to.
        var serialLines = new List<SerialLine>();
        for (var i = 0; i < command.Lines.Count; i++)
            if (command.Lines[i].Quantity is > 0 and var q && invoice.Lines.FirstOrDefault(l => l.Id == command.Lines[i].InvoiceLineId) is { } il)
                serialLines.Add(new SerialLine(il.ProductId, q, command.Lines[i].Serials, $"Lines[{i}].Serials"));
        var picked = await UnitSerials.ResolveAsync(db, serialLines, (_, u) => u.RefusalToReturn(invoice.PartnerId)
            ?? (u.Status == UnitStatus.InStock && u.WarehouseId == command.WarehouseId ? "Units.AlreadyInWarehouse" : null), ct);
        if (!picked.Succeeded) return Result<CreatedCreditNote>.Fail(picked.Errors);

        var now = clock.GetUtcNow();
        CreditNote note;
        try
        {
            var deliveredNotReturned = orderLines.ToDictionary(kv => kv.Key, kv => kv.Value.DeliveredQuantity - kv.Value.ReturnedQuantity);
            note = CreditNote.Create(number, invoice, command.WarehouseId!.Value, command.IssueDate.Value, command.Reason!.Trim(), requested,
                deliveredNotReturned, now, user.UserName);
            var returned = note.QuantityByOrderLine();
            foreach (var order in orders)
            {
                var mine = returned.Where(r => order.Lines.Any(l => l.Id == r.Key)).ToDictionary(r => r.Key, r => r.Value);
                if (mine.Count > 0) order.RecordReturned(mine, now, user.UserName);
            }
            // What of each order's invoices is settled: paid + credited, the invoice just credited included (tracked, so current).
            var invoiceOfOrder = await db.InvoiceLines.AsNoTracking().Where(l => orderIds.Contains(l.OrderId))
                .Select(l => new { l.OrderId, l.InvoiceId }).Distinct().ToListAsync(ct);
            var invoiceIds = invoiceOfOrder.Select(x => x.InvoiceId).Distinct().ToList();
            var invoices = await db.Invoices.Where(i => invoiceIds.Contains(i.Id) && i.Status != InvoiceStatus.Cancelled).ToListAsync(ct);
            foreach (var order in orders)
            {
                var ofOrder = invoiceOfOrder.Where(x => x.OrderId == order.Id).Select(x => x.InvoiceId).ToHashSet();
                order.RecordSettled(invoices.Where(i => ofOrder.Contains(i.Id)).Sum(i => i.PaidAmount + i.CreditedAmount), now, user.UserName);
            }
        }
        catch (DomainException e)
        {
            return Result<CreatedCreditNote>.Fail(e.Code switch
            {
                "Payment.InvoiceCancelled" => "CreditNote.InvoiceCancelled",
                "Sales.NoLines" => "CreditNote.NoLines",
                "Sales.DuplicateProduct" => "CreditNote.DuplicateLine",
                "Sales.QuantityInvalid" or "Sales.QuantityPrecision" => "CreditNote.QuantityInvalid",
                "Invoice.LineNotFound" => "CreditNote.LineNotFound",
                // Checked above with the figures; the domain refusing them now means another return came in between.
                "Return.QuantityAboveInvoiced" or "Return.QuantityAboveDelivered" => "CreditNote.QuantityChanged",
                _ => e.Code,
            });
        }
        db.CreditNotes.Add(note);
        var movements = note.Lines.GroupBy(l => l.ProductId)
            .Select(g => new StockLine(note.WarehouseId, g.Key, MovementType.Return, g.Sum(l => l.Quantity), note.Reason)).ToList();
        // A returned unit still in stock in the partner's warehouse leaves it on the ledger too, so that warehouse's
        // on-hand keeps matching its units (units delivered without a warehouse, or sold, are outside the stock already).
        var returnedUnits = picked.Value!.SelectMany(u => u).ToList();
        movements.AddRange(returnedUnits.Where(u => u.WarehouseId is not null).GroupBy(u => (Warehouse: u.WarehouseId!.Value, u.ProductId))
            .Select(g => new StockLine(g.Key.Warehouse, g.Key.ProductId, MovementType.TransferOut, -g.Count(), note.Reason, note.Id)));
        var intoOwner = warehouse.OwnerPartnerId;
        var document = new UnitDocument(StockLedger.DocumentCreditNote, note.Id, note.Number);
        db.UnitEvents.AddRange(returnedUnits.Select(u => u.Return(invoice.PartnerId, note.WarehouseId, intoOwner, document, now, user.UserName, note.Reason)));
        var posted = await ledger.PostAsync(db, new StockDocument(StockLedger.DocumentCreditNote, note.Number, note.Id), movements, ct);
        if (!posted.Succeeded) return Result<CreatedCreditNote>.Fail(posted.Errors);
        await tx.CommitAsync(ct);
        return Result<CreatedCreditNote>.Ok(new CreatedCreditNote(note.Id, note.Number, note.Total));
    }

    private static string Qty(decimal q) => q.ToString("#,0.###", CultureInfo.CurrentCulture);
}
