using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Catalog;

/// <summary>Deletes a price list with its lines. Orders keep the prices they were made with, so nothing else depends on it.</summary>
public sealed record DeletePriceList(Guid Id);

public sealed class DeletePriceListHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(DeletePriceList command, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageCatalog)) return Result.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var list = await db.PriceLists.Include(l => l.Lines).FirstOrDefaultAsync(l => l.Id == command.Id, ct);
        if (list is null) return Result.Fail("PriceList.NotFound");
        db.PriceLists.Remove(list);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
