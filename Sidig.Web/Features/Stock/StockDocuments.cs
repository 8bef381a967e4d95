using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Stock;
using Sidig.Infrastructure.Tenancy;
using Sidig.Web.Components.Shared;

namespace Sidig.Web.Features.Stock;

/// <summary>A product and a quantity on a transfer or receipt form; for a serialised product, the units' serials (or scanned labels).</summary>
public sealed record StockQuantity(Guid ProductId, decimal Quantity, string? Serials = null);

/// <summary>Input shape of the stock forms; used by the forms and again by the handlers.</summary>
public static class StockFormRules
{
    public const string FromField = "From", ToField = "To", WarehouseField = "Warehouse", LinesField = "Lines", ReasonField = "Reason";
    public const int MaxLines = 100;

    public static string LineProduct(int i) => $"Lines[{i}].Product";
    public static string LineQuantity(int i) => $"Lines[{i}].Quantity";
    public static string LineSerials(int i) => $"Lines[{i}].Serials";

    public static IReadOnlyList<Error> CheckLines(IReadOnlyList<StockQuantity> lines)
    {
        var errors = new List<Error>();
        if (lines.Count == 0) errors.Add(new Error("Stock.NoLines", LinesField));
        if (lines.Count > MaxLines) errors.Add(new Error("Stock.TooManyLines", LinesField));
        var seen = new HashSet<Guid>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.ProductId == Guid.Empty) errors.Add(new Error("Stock.ProductRequired", LineProduct(i)));
            else if (!seen.Add(line.ProductId)) errors.Add(new Error("Stock.ProductTwice", LineProduct(i)));
            errors.AddRange(CheckQuantity(line.Quantity, LineQuantity(i), positive: true));
        }
        return errors;
    }

    public static IReadOnlyList<Error> CheckQuantity(decimal quantity, string field, bool positive)
    {
        if (quantity == 0 || positive && quantity < 0) return [new Error(positive ? "Stock.QuantityPositive" : "Stock.QuantityZero", field)];
        if (decimal.Round(quantity, 3) != quantity) return [new Error("Stock.QuantityPrecision", field)];
        if (Math.Abs(quantity) > 1_000_000_000m) return [new Error("Stock.QuantityTooLarge", field)];
        return [];
    }
}

/// <summary>Numbers a stock document (TRF, ADJ, GR) and posts its lines through the ledger in one transaction.</summary>
public sealed class StockDocumentPoster(StockLedger ledger, TimeProvider clock, TenantContext tenant)
{
    public const string TransferPrefix = "TRF", AdjustmentPrefix = "ADJ", ReceiptPrefix = "GR";

    public async Task<Result<string>> PostAsync(SidigDbContext db, string prefix, string documentType, Func<string, IReadOnlyList<StockLine>> lines,
        Guid? documentId = null, CancellationToken ct = default)
    {
        var period = DisplayTime.InZone(clock.GetUtcNow(), tenant.Tenant.TimeZoneId).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = NumberSequences.Format(prefix, period, await NumberSequences.NextAsync(db, prefix, period, ct));
        var result = await ledger.PostAsync(db, new StockDocument(documentType, number, documentId), lines(number), ct);
        if (!result.Succeeded)
        {
            await tx.RollbackAsync(ct); // the number goes back too: no gap
            return Result<string>.Fail(result.Errors);
        }
        await tx.CommitAsync(ct);
        return Result<string>.Ok(number);
    }
}
