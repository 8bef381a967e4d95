using Microsoft.EntityFrameworkCore;
using Sidig.Domain.Access;
using Sidig.Domain.Common;
using Sidig.Domain.Orders;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Web.Features.Orders;

/// <summary>The tenant's order-to-cash settings (its row, or the defaults when it has none yet).</summary>
public sealed record GetSalesSettings;

public sealed record SalesSettingsView(decimal DiscountApprovalPercent, string InvoiceNumberPattern, InvoiceBasis InvoiceBasis, bool RemindersEnabled,
    int ReminderDaysBefore, bool RemindOnDueDate, string ReminderDaysAfter, bool IsSaved);

public sealed class GetSalesSettingsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result<SalesSettingsView>> HandleAsync(GetSalesSettings query, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageSalesSettings)) return Result<SalesSettingsView>.Fail("Access.Denied");
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.SalesSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var s = row ?? SalesSettings.CreateDefault();
        return Result<SalesSettingsView>.Ok(new SalesSettingsView(s.DiscountApprovalPercent, s.InvoiceNumberPattern, s.InvoiceBasis, s.RemindersEnabled,
            s.ReminderDaysBefore, s.RemindOnDueDate, s.ReminderDaysAfter.Replace(",", ", "), row is not null));
    }
}

/// <summary>Saves the settings; the tenant's row is created on the first save.</summary>
public sealed record SaveSalesSettings(decimal DiscountApprovalPercent, string? InvoiceNumberPattern, InvoiceBasis InvoiceBasis, bool RemindersEnabled,
    int ReminderDaysBefore, bool RemindOnDueDate, string? ReminderDaysAfter);

public sealed class SaveSalesSettingsHandler(IDbContextFactory<SidigDbContext> factory, Permissions permissions)
{
    public async Task<Result> HandleAsync(SaveSalesSettings cmd, CancellationToken ct = default)
    {
        if (!await permissions.HasAsync(Policies.ManageSalesSettings)) return Result.Fail("Access.Denied");
        var errors = SalesSettings.Check(cmd.DiscountApprovalPercent, cmd.InvoiceNumberPattern, cmd.ReminderDaysBefore, cmd.ReminderDaysAfter).ToList();
        if (!Enum.IsDefined(cmd.InvoiceBasis)) errors.Add(new("Sales.InvoiceBasisInvalid", nameof(cmd.InvoiceBasis)));
        if (errors.Count > 0) return Result.Fail(errors);
        await using var db = await factory.CreateDbContextAsync(ct);
        var row = await db.SalesSettings.FirstOrDefaultAsync(ct);
        if (row is null)
        {
            row = SalesSettings.CreateDefault();
            db.SalesSettings.Add(row);
        }
        try
        {
            row.Update(cmd.DiscountApprovalPercent, cmd.InvoiceNumberPattern!, cmd.InvoiceBasis, cmd.RemindersEnabled, cmd.ReminderDaysBefore,
                cmd.RemindOnDueDate, cmd.ReminderDaysAfter);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return Result.Fail(e.Code);
        }
        catch (DbUpdateException)
        {
            return Result.Fail("Common.ConcurrentChange");
        }
        return Result.Ok();
    }
}
