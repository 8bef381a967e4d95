using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Stock;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Allocations;

/// <summary>Creates (<see cref="Id"/> null) or changes a quota of a partner for a product and period.</summary>
public sealed record SaveAllocation(Guid? Id, Guid? PartnerId, Guid? ProductId, DateOnly? PeriodStart, DateOnly? PeriodEnd, decimal? Quantity)
{
    /// <summary>Input shape with the field of each problem (the dialog shows them; the domain refuses the same again).</summary>
    public IReadOnlyList<Error> Check()
    {
        var errors = new List<Error>();
        if (PartnerId is null) errors.Add(new("Validation.Required", "PartnerId"));
        if (ProductId is null) errors.Add(new("Validation.Required", "ProductId"));
        if (PeriodStart is null) errors.Add(new("Validation.Required", "PeriodStart"));
        if (PeriodEnd is null) errors.Add(new("Validation.Required", "PeriodEnd"));
        if (Quantity is null) errors.Add(new("Validation.Required", "Quantity"));
        else if (Quantity <= 0) errors.Add(new("Allocation.QuantityInvalid", "Quantity"));
        else if (decimal.Round(Quantity.Value, 3) != Quantity) errors.Add(new("Stock.QuantityPrecision", "Quantity"));
        if (PeriodStart is { } s && PeriodEnd is { } e && e < s) errors.Add(new("Allocation.PeriodInvalid", "PeriodEnd"));
        return errors;
    }
}

public sealed class SaveAllocationHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<Guid>> HandleAsync(SaveAllocation command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageAllocations)) return Result<Guid>.Fail("Access.Denied");
        if (command.Check() is { Count: > 0 } errors) return Result<Guid>.Fail(errors);
        var (partnerId, productId) = (command.PartnerId!.Value, command.ProductId!.Value);
        var (start, end, quantity) = (command.PeriodStart!.Value, command.PeriodEnd!.Value, command.Quantity!.Value);

        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, ct)) return Result<Guid>.Fail("Partner.NotFound", "PartnerId");
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct)) return Result<Guid>.Fail("Stock.ProductNotFound", "ProductId");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Lock the partner row: two quotas for one partner saved at once are checked for overlap one after the other.
        await db.Partners.Where(p => p.Id == partnerId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, p => p.IsActive), ct);
        Allocation? allocation = null;
        if (command.Id is { } id)
        {
            allocation = await db.Allocations.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (allocation is null) return Result<Guid>.Fail("Allocation.NotFound");
            if (allocation.PartnerId != partnerId || allocation.ProductId != productId) return Result<Guid>.Fail("Allocation.KeyChanged");
        }
        var others = await db.Allocations.AsNoTracking()
            .Where(a => a.PartnerId == partnerId && a.ProductId == productId && a.Id != (command.Id ?? Guid.Empty))
            .ToListAsync(ct);
        if (others.FirstOrDefault(a => a.Overlaps(start, end)) is { } clash)
            return Result<Guid>.Fail([new Error("Allocation.Overlaps", "PeriodStart",
                clash.PeriodStart.ToString("d MMM yyyy", CultureInfo.CurrentCulture), clash.PeriodEnd.ToString("d MMM yyyy", CultureInfo.CurrentCulture))]);
        try
        {
            if (allocation is null)
            {
                allocation = Allocation.Create(partnerId, productId, start, end, quantity);
                db.Allocations.Add(allocation);
            }
            else allocation.Change(start, end, quantity);
        }
        catch (DomainException e)
        {
            return Result<Guid>.Fail(e.Code, e.Code == "Allocation.BelowUsed" ? "Quantity" : null);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Guid>.Ok(allocation.Id);
    }
}

/// <summary>Removes a quota nothing has been ordered against yet.</summary>
public sealed record DeleteAllocation(Guid Id);

public sealed class DeleteAllocationHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(DeleteAllocation command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageAllocations)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var allocation = await db.Allocations.FirstOrDefaultAsync(a => a.Id == command.Id, ct);
        if (allocation is null) return Result.Fail("Allocation.NotFound");
        if (allocation.Used > 0) return Result.Fail("Allocation.InUse");
        db.Allocations.Remove(allocation);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
