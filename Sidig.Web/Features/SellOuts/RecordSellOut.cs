using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Domain.Units;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Reference;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Features.Lookups;
using Sidig.Web.Features.Partners;

namespace Sidig.Web.Features.SellOuts;

/// <summary>
/// A partner's sale to its customer: the sell-out record (number SLO/&lt;year&gt;/nnnnnn), the customer (reused by
/// phone number when known) and the sell-out movements out of the partner's warehouse, in one transaction.
/// </summary>
public sealed record RecordSellOut(
    Guid? WarehouseId, SellOutCustomer Customer, DateOnly? SoldOn, string? Reference, IReadOnlyList<SellOutLineInput> Lines,
    SellOutSource Source = SellOutSource.Manual)
{
    public const int ReferenceMaxLength = 100;

    /// <summary>Input shape, with the field of each problem (the form shows them; the handler refuses the same input).</summary>
    public IReadOnlyList<Error> Check(IAreaCodes areas, DateOnly today)
    {
        var errors = new List<Error>();
        if (WarehouseId is null) errors.Add(new("Validation.Required", "WarehouseId"));
        errors.AddRange(Sidig.Domain.Stock.Customer.Check(Customer.Name, Customer.Phone, Customer.Email, Customer.ProvinceCode, Customer.RegencyCode, areas));
        if (SoldOn is null) errors.Add(new("Validation.Required", "SoldOn"));
        else if (SoldOn > today) errors.Add(new("SellOut.DateInFuture", "SoldOn"));
        if (Reference?.Trim().Length > ReferenceMaxLength) errors.Add(new("Validation.TooLong", "Reference"));
        if (Lines.Count == 0) errors.Add(new("SellOut.NoLines", "Lines"));
        else if (Lines.Count > SellOut.MaxLines) errors.Add(new("SellOut.TooManyLines", "Lines"));
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line.ProductId is null) errors.Add(new("SellOut.ProductRequired", $"Lines[{i}].ProductId"));
            if (line.Quantity is not > 0) errors.Add(new("SellOut.QuantityInvalid", $"Lines[{i}].Quantity"));
            else if (decimal.Round(line.Quantity.Value, 3) != line.Quantity) errors.Add(new("Stock.QuantityPrecision", $"Lines[{i}].Quantity"));
            if (line.UnitPrice is < 0) errors.Add(new("SellOut.PriceInvalid", $"Lines[{i}].UnitPrice"));
        }
        return errors;
    }
}

/// <summary>The buyer as the partner typed it; phone in any Indonesian format (0812…, +62 812…, 62812…).</summary>
public sealed record SellOutCustomer(string? Name, string? Phone = null, string? Email = null, string? ProvinceCode = null, string? RegencyCode = null);

/// <param name="Serials">for a serialised product: the sold units' serials or scanned labels, as many as the quantity</param>
public sealed record SellOutLineInput(Guid? ProductId, decimal? Quantity, decimal? UnitPrice = null, string? Serials = null);

/// <summary>The numbers of the recorded sales, in the order given.</summary>
public sealed record RecordedSellOut(Guid Id, string Number, Guid CustomerId);

public sealed class RecordSellOutHandler(
    IDbContextFactory<SidigDbContext> factory, Permissions permissions, PartnerScope scope, StockLedger ledger, IndonesianAreas areas,
    TimeProvider clock, TenantContext tenant, CurrentUser user)
{
    public const string NumberPrefix = "SLO";

    public async Task<Result<RecordedSellOut>> HandleAsync(RecordSellOut command, CancellationToken ct = default)
    {
        var result = await HandleManyAsync([command], ct);
        return result.Succeeded ? Result<RecordedSellOut>.Ok(result.Value![0]) : Result<RecordedSellOut>.Fail(result.Errors);
    }

    /// <summary>
    /// Records several sales all or nothing (an importer's commit). A problem in sale <c>i</c> comes back with its
    /// field prefixed <c>[i].</c> when there is more than one sale; nothing is saved then.
    /// </summary>
    public async Task<Result<IReadOnlyList<RecordedSellOut>>> HandleManyAsync(IReadOnlyList<RecordSellOut> sales, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.RecordSellOut)) return Result<IReadOnlyList<RecordedSellOut>>.Fail("Access.Denied");
        if (sales.Count == 0) return Result<IReadOnlyList<RecordedSellOut>>.Fail("SellOut.NoLines");
        var today = TenantDates.Today(clock, tenant.Tenant.TimeZoneId);
        Result<IReadOnlyList<RecordedSellOut>> Fail(int index, IEnumerable<Error> errors) =>
            Result<IReadOnlyList<RecordedSellOut>>.Fail(sales.Count == 1 ? errors
                : errors.Select(e => e with { Field = $"[{index}]" + (e.Field is null ? "" : "." + e.Field) }));

        for (var i = 0; i < sales.Count; i++)
            if (sales[i].Check(areas, today) is { Count: > 0 } errors) return Fail(i, errors);

        await using var db = await factory.CreateDbContextAsync(ct);
        var warehouseIds = sales.Select(s => s.WarehouseId!.Value).Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id))
            .Select(w => new { w.Id, w.OwnerPartnerId, w.IsActive }).ToDictionaryAsync(w => w.Id, ct);
        for (var i = 0; i < sales.Count; i++)
        {
            // Sell-out leaves a partner's warehouse; a partner user only its own (a warehouse it may not see is "not found").
            if (!warehouses.TryGetValue(sales[i].WarehouseId!.Value, out var w) || w.OwnerPartnerId is null || !await scope.CanSeeAsync(w.OwnerPartnerId, ct))
                return Fail(i, [new Error("SellOut.WarehouseNotAllowed", "WarehouseId")]);
            if (!w.IsActive) return Fail(i, [new Error("Stock.WarehouseInactive", "WarehouseId")]);
        }

        var year = today.Year.ToString(CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        var recorded = new List<RecordedSellOut>();
        var customersByKey = new Dictionary<string, Customer>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < sales.Count; i++)
        {
            var sale = sales[i];
            var partnerId = warehouses[sale.WarehouseId!.Value].OwnerPartnerId!.Value;
            var c = sale.Customer;
            var key = Customer.PhoneKeyOf(ContactRules.Phone(c.Phone).Value);
            Customer? customer = null;
            if (key is not null && !customersByKey.TryGetValue(key, out customer))
            {
                customer = await db.Customers.Where(x => x.PhoneKey == key).OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
                if (customer is not null) customersByKey[key] = customer;
            }
            // Serialised lines sell exactly the named units, in stock in this partner's warehouse (an earlier sale of the
            // batch may have taken one: it is tracked, so it reads as sold).
            var picked = await UnitSerials.ResolveAsync(db,
                sale.Lines.Select((l, j) => new SerialLine(l.ProductId!.Value, l.Quantity!.Value, l.Serials, $"Lines[{j}].Serials")).ToList(),
                // Another partner's unit (or the principal's) is "unknown" here: a partner learns nothing of stock it cannot see.
                (_, u) => u.OwnerPartnerId != partnerId ? "Units.SerialUnknown" : u.RefusalToLeave(sale.WarehouseId!.Value), ct);
            if (!picked.Succeeded) return Fail(i, picked.Errors);
            SellOut record;
            try
            {
                if (customer is null)
                {
                    customer = Customer.Create(c.Name!, c.Phone, c.Email, c.ProvinceCode, c.RegencyCode, partnerId, areas);
                    db.Customers.Add(customer);
                    if (key is not null) customersByKey[key] = customer;
                }
                var number = NumberSequences.Format(NumberPrefix, year, await NumberSequences.NextAsync(db, NumberPrefix, year, ct));
                record = SellOut.Record(number, partnerId, sale.WarehouseId!.Value, customer.Id, sale.SoldOn!.Value, today, sale.Reference, sale.Source,
                    sale.Lines.Select(l => (l.ProductId!.Value, l.Quantity!.Value, l.UnitPrice)), now, user.UserName);
            }
            catch (DomainException e)
            {
                return Fail(i, [new Error(e.Code)]);
            }
            db.SellOuts.Add(record);
            var document = new UnitDocument(StockLedger.DocumentSellOut, record.Id, record.Number);
            db.UnitEvents.AddRange(picked.Value!.SelectMany(u => u)
                .Select(u => u.SellOut(record.WarehouseId, customer.Id, record.SoldOn, document, now, user.UserName)));
            var lines = record.Lines.Select(l => new StockLine(record.WarehouseId, l.ProductId, MovementType.SellOut, -l.Quantity)).ToList();
            var posted = await ledger.PostAsync(db, new StockDocument(StockLedger.DocumentSellOut, record.Number, record.Id), lines, ct);
            if (!posted.Succeeded) return Fail(i, posted.Errors); // rolled back with the transaction: nothing of any sale is kept
            recorded.Add(new RecordedSellOut(record.Id, record.Number, customer.Id));
        }
        await tx.CommitAsync(ct);
        return Result<IReadOnlyList<RecordedSellOut>>.Ok(recorded);
    }
}
