using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Warranty;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Warranty;

/// <summary>The tenant's warranty settings (its row, or the defaults when it has none yet).</summary>
public sealed record GetWarrantySettings;

public sealed record WarrantySettingsView(int ExpiryReminderDays);

public sealed class GetWarrantySettingsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<WarrantySettingsView>> HandleAsync(GetWarrantySettings query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageWarrantySettings)) return Result<WarrantySettingsView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var s = await db.WarrantySettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? WarrantySettings.CreateDefault();
        return Result<WarrantySettingsView>.Ok(new WarrantySettingsView(s.ExpiryReminderDays));
    }
}

/// <summary>Saves the settings; the tenant's row is created on the first save.</summary>
public sealed record SaveWarrantySettings(int ExpiryReminderDays);

public sealed class SaveWarrantySettingsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(SaveWarrantySettings cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageWarrantySettings)) return Result.Fail("Access.Denied");
        if (WarrantySettings.Check(cmd.ExpiryReminderDays) is { Count: > 0 } errors) return Result.Fail(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.WarrantySettings.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = WarrantySettings.CreateDefault();
            db.WarrantySettings.Add(row);
        }
        row.Update(cmd.ExpiryReminderDays);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result.Fail("Common.ConcurrentChange"); // two first saves at once: the unique tenant index refused the second row
        }
        return Result.Ok();
    }
}
