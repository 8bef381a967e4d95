using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;

namespace Sidig.Web.Features.Delivery;

/// <summary>
/// A draft delivery note (surat jalan, number SJ/&lt;year&gt;/nnnnnn) for part or all of an approved order: per line at most
/// what is ordered − shipped − on the order's other draft notes. Stock moves only when it is shipped.
/// </summary>
public sealed record CreateDeliveryNote(
    Guid OrderId, DateOnly? ShipDate, string? ShippingCompany, string? VehicleNumber, string? Driver, string? TrackingNumber, string? Notes,
    IReadOnlyList<DeliveryLineInput> Lines)
{
    public const int NotesMaxLength = 500;

    /// <summary>Input shape, each problem with its field ("ShipDate", "VehicleNumber", "Lines[i].Quantity", …).</summary>
    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        if (ShipDate is null) errors.Add(new("Validation.Required", nameof(ShipDate)));
        errors.AddRange(DeliveryNote.CheckShipping(new ShippingDetails(ShippingCompany, VehicleNumber, Driver, TrackingNumber)));
        if (Notes?.Trim().Length > NotesMaxLength) errors.Add(new("Validation.TooLong", nameof(Notes)));
        for (var i = 0; i < Lines.Count; i++)
            if (Lines[i].Quantity is { } q && q != 0 && SalesMath.CheckQuantity(q) is { } error)
                errors.Add(new(error, $"Lines[{i}].Quantity"));
        if (Lines.All(l => l.Quantity is null or 0)) errors.Add(new("Delivery.NoLines", nameof(Lines)));
        return errors;
    }
}

/// <param name="Quantity">null or 0 = the line is not on this note</param>
/// <param name="Serials">for a serialised product: the units' serials or scanned labels, as many as the quantity</param>
public sealed record DeliveryLineInput(Guid OrderLineId, decimal? Quantity, string? Serials = null);

public sealed record CreatedDeliveryNote(Guid Id, string Number);

public sealed class CreateDeliveryNoteHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public async Task<Result<CreatedDeliveryNote>> HandleAsync(CreateDeliveryNote command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ShipOrders)) return Result<CreatedDeliveryNote>.Fail("Access.Denied");
        if (command.Check() is { Count: > 0 } invalid) return Result<CreatedDeliveryNote>.Fail(invalid);
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RowLocks.LockAsync<SalesOrder>(db, [command.OrderId], ct); // drafts of one order are counted against each other
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == command.OrderId, ct);
        if (order is null) return Result<CreatedDeliveryNote>.Fail("Order.NotFound");
        if (!DeliveryRules.CanShip(order)) return Result<CreatedDeliveryNote>.Fail("Order.NotApproved");
        if (command.ShipDate < order.OrderDate) return Result<CreatedDeliveryNote>.Fail("Delivery.ShipDateBeforeOrder", nameof(command.ShipDate));
        var from = await db.Warehouses.AsNoTracking().Where(w => w.Id == order.WarehouseId).Select(w => new { w.OwnerPartnerId, w.IsActive }).FirstAsync(ct);
        if (from.OwnerPartnerId is not null || !from.IsActive) return Result<CreatedDeliveryNote>.Fail("Delivery.WarehouseInvalid");

        var onDrafts = await DeliveryRules.OnDraftsAsync(db, order.Id, null, ct);
        var errors = new List<Error>();
        var lines = new List<(Guid, decimal)>();
        var serialLines = new List<SerialLine>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var input = command.Lines[i];
            if (input.Quantity is null or 0) continue;
            var line = order.Lines.FirstOrDefault(l => l.Id == input.OrderLineId);
            if (line is null) { errors.Add(new("Order.LineNotFound", $"Lines[{i}].Quantity")); continue; }
            var open = order.Unscheduled(line, onDrafts.GetValueOrDefault(line.Id));
            if (input.Quantity > open) errors.Add(new("Delivery.QuantityAboveOpen", $"Lines[{i}].Quantity", Math.Max(0, open)));
            else lines.Add((line.Id, input.Quantity.Value));
            serialLines.Add(new SerialLine(line.ProductId, input.Quantity.Value, input.Serials, $"Lines[{i}].Serials"));
        }
        if (errors.Count > 0) return Result<CreatedDeliveryNote>.Fail(errors);
        // A serialised line names its units now (printed on the note); shipping checks them again and moves exactly these.
        var picked = await UnitSerials.ResolveAsync(db, serialLines, (_, u) => u.RefusalToLeave(order.WarehouseId!.Value), ct);
        if (!picked.Succeeded) return Result<CreatedDeliveryNote>.Fail(picked.Errors);
        if (await DeliveryRules.OnOtherDraftsAsync(db, picked.Value!.SelectMany(u => u).ToList(), null, ct) is { } onDraft)
            return Result<CreatedDeliveryNote>.Fail([onDraft]);

        var partnerType = await db.Partners.AsNoTracking().Where(p => p.Id == order.PartnerId).Select(p => p.Type).FirstAsync(ct);
        var to = await DeliveryRules.ReceiverWarehouseAsync(db, order.PartnerId, partnerType, ct);
        var year = today.Year.ToString(CultureInfo.InvariantCulture);
        DeliveryNote note;
        try
        {
            var number = NumberSequences.Format(DeliveryRules.NumberPrefix, year, await NumberSequences.NextAsync(db, DeliveryRules.NumberPrefix, year, ct));
            note = DeliveryNote.Create(number, order, order.WarehouseId!.Value, to, command.ShipDate!.Value,
                new ShippingDetails(command.ShippingCompany, command.VehicleNumber, command.Driver, command.TrackingNumber), command.Notes,
                lines, clock.GetUtcNow(), user.UserName);
            for (var i = 0; i < serialLines.Count; i++)
                if (picked.Value[i].Count > 0) note.SetSerials(lines[i].Item1, picked.Value[i].Select(u => u.Serial).ToList());
        }
        catch (DomainException e)
        {
            return Result<CreatedDeliveryNote>.Fail(e.Code);
        }
        db.DeliveryNotes.Add(note);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<CreatedDeliveryNote>.Ok(new CreatedDeliveryNote(note.Id, note.Number));
    }
}
