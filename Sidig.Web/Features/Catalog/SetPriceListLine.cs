using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>
/// Sets the unit price (IDR, before PPN) of a product from a minimum quantity on — one volume break. When editing a
/// break, <see cref="ReplacesMinQuantity"/> is the minimum it had, so changing the minimum moves the break.
/// </summary>
public sealed record SetPriceListLine(Guid PriceListId, Guid ProductId, decimal MinQuantity, decimal UnitPrice, decimal? ReplacesMinQuantity = null)
{
    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        if (ProductId == Guid.Empty) errors.Add(new("PriceList.ProductRequired", nameof(ProductId)));
        if (MinQuantity < 1) errors.Add(new("PriceList.MinQuantityInvalid", nameof(MinQuantity)));
        else if (decimal.Round(MinQuantity, 3) != MinQuantity) errors.Add(new("PriceList.MinQuantityInvalid", nameof(MinQuantity)));
        if (UnitPrice < 0 || decimal.Round(UnitPrice, 2) != UnitPrice || UnitPrice > 1_000_000_000_000m)
            errors.Add(new("PriceList.PriceInvalid", nameof(UnitPrice)));
        return errors;
    }
}

public sealed class SetPriceListLineHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(SetPriceListLine command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        var errors = command.Check();
        if (errors.Count > 0) return Result.Fail(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = await db.PriceLists.Include(l => l.Lines).FirstOrDefaultAsync(l => l.Id == command.PriceListId, ct);
        if (list is null) return Result.Fail("PriceList.NotFound");
        if (!await db.Products.AnyAsync(p => p.Id == command.ProductId, ct)) return Result.Fail("Product.NotFound", nameof(SetPriceListLine.ProductId));
        var moving = command.ReplacesMinQuantity is { } old && old != command.MinQuantity;
        if (moving && list.Lines.Any(l => l.ProductId == command.ProductId && l.MinQuantity == command.MinQuantity))
            return Result.Fail("PriceList.BreakExists", nameof(SetPriceListLine.MinQuantity));
        try
        {
            if (moving) list.RemovePrice(command.ProductId, command.ReplacesMinQuantity!.Value);
            list.SetPrice(command.ProductId, command.MinQuantity, command.UnitPrice);
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Result.Fail("PriceList.BreakExists", nameof(SetPriceListLine.MinQuantity));
        }
    }
}

/// <summary>Removes one volume break of a product from a price list.</summary>
public sealed record RemovePriceListLine(Guid PriceListId, Guid ProductId, decimal MinQuantity);

public sealed class RemovePriceListLineHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(RemovePriceListLine command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = await db.PriceLists.Include(l => l.Lines).FirstOrDefaultAsync(l => l.Id == command.PriceListId, ct);
        if (list is null) return Result.Fail("PriceList.NotFound");
        list.RemovePrice(command.ProductId, command.MinQuantity);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
