using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;
using Sidig.Infrastructure.Tenancy;

namespace Sidig.Infrastructure.Jobs;

/// <summary>Recurring jobs iterate the active tenants and enqueue one job per tenant, with the tenant id as argument.</summary>
public sealed class RecurringTenantJobs(IServiceScopeFactory scopes, IBackgroundJobClient jobs)
{
    public static void Register(IRecurringJobManager manager)
    {
        manager.AddOrUpdate<RecurringTenantJobs>("expire-invitations", j => j.EnqueueExpireInvitations(), Cron.Hourly());
        manager.AddOrUpdate<RecurringTenantJobs>("outbox-sender", j => j.EnqueueOutboxSenders(), Cron.Minutely());
        // 01:00 UTC = 08:00 WIB, 09:00 WITA, 10:00 WIT: a working-hours morning in every Indonesian zone.
        manager.AddOrUpdate<RecurringTenantJobs>("payment-reminders", j => j.EnqueuePaymentReminders(), Cron.Daily(1));
        manager.AddOrUpdate<RecurringTenantJobs>("warranty-reminders", j => j.EnqueueWarrantyReminders(), Cron.Daily(1));
        manager.AddOrUpdate<RecurringTenantJobs>("label-print-cleanup", j => j.EnqueueLabelPrintCleanUps(), Cron.Daily(2));
        manager.AddOrUpdate<RecurringTenantJobs>("sla-escalations", j => j.EnqueueSlaEscalations(), "*/15 * * * *");
        manager.AddOrUpdate<RecurringTenantJobs>("unit-scan-cleanup", j => j.EnqueueUnitScanCleanUps(), Cron.Daily(3));
    }

    /// <summary>Every active tenant's outbox, and the platform's (password resets of platform operators).</summary>
    public async Task EnqueueOutboxSenders()
    {
        foreach (var id in (await ActiveTenantIds()).Append(Domain.Common.TenantIds.Platform))
            jobs.Enqueue<Notifications.OutboxSenderJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public async Task EnqueuePaymentReminders()
    {
        foreach (var id in await ActiveTenantIds())
            jobs.Enqueue<Notifications.PaymentReminderJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public async Task EnqueueSlaEscalations()
    {
        foreach (var id in await ActiveTenantIds())
            jobs.Enqueue<Notifications.SlaEscalationJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public async Task EnqueueWarrantyReminders()
    {
        foreach (var id in await ActiveTenantIds())
            jobs.Enqueue<Notifications.WarrantyReminderJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public async Task EnqueueExpireInvitations()
    {
        foreach (var id in await ActiveTenantIds())
            jobs.Enqueue<ExpireInvitationsJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public async Task EnqueueLabelPrintCleanUps()
    {
        foreach (var id in await ActiveTenantIds())
            jobs.Enqueue<CleanUpLabelPrintsJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    public async Task EnqueueUnitScanCleanUps()
    {
        foreach (var id in await ActiveTenantIds())
            jobs.Enqueue<CleanUpUnitScansJob>(j => j.RunAsync(id, CancellationToken.None));
    }

    private async Task<List<Guid>> ActiveTenantIds()
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(TenantInfo.Platform);
        var db = scope.ServiceProvider.GetRequiredService<SidigDbContext>();
        return await db.Tenants.Where(t => t.Status == Domain.Tenancy.TenantStatus.Active).Select(t => t.Id).ToListAsync();
    }
}
