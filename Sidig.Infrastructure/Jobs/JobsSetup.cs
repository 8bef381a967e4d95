using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Sidig.Infrastructure.Persistence;

namespace Sidig.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>In-memory storage on the embedded default; shared PostgreSQL storage (its own schema) otherwise.</summary>
    public static void AddSidigJobs(this IServiceCollection services, DatabaseOptions db, bool runServer)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (db.Provider == DatabaseProvider.Postgres)
                // Long polling (LISTEN/NOTIFY): a worker takes a new job the moment it is enqueued instead of at its next poll,
                // so a job that enqueues per-tenant jobs does not wait a poll interval per hop.
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(db.MigrationConnectionString ?? db.ResolveConnectionString()),
                    new PostgreSqlStorageOptions { EnableLongPolling = true });
            else
                config.UseInMemoryStorage();
        });
        // Web nodes can run without a job server (Sidig:Jobs:Server=false) when dedicated workers process the queue.
        if (runServer) services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.AddScoped<TenantJobScope>();
        services.AddTransient<ExpireInvitationsJob>();
        services.AddTransient<RenderLabelPrintJob>();
        services.AddTransient<CleanUpLabelPrintsJob>();
        services.AddTransient<CleanUpUnitScansJob>();
        services.AddTransient<RecurringTenantJobs>();
        services.AddTransient<Notifications.OutboxSenderJob>();
        services.AddTransient<Notifications.PaymentReminderJob>();
        services.AddTransient<Notifications.SlaEscalationJob>();
        services.AddTransient<Notifications.WarrantyReminderJob>();
    }
}
